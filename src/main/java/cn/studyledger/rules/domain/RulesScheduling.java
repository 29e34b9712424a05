package cn.studyledger.rules.domain;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on scheduled tasks for the nightly rule evaluation (no other module schedules anything yet). */
@Configuration
@EnableScheduling
class RulesScheduling {}
