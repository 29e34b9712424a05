package cn.studyledger.selfstudy.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A self-study entry as lists show it. */
public record SelfStudyRow(
        long id, long personId, String personName, LocalDate date, BigDecimal hours, String content, long version) {}
