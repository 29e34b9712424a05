package cn.studyledger.selfstudy.domain;

import java.time.LocalDate;

/** An online-learning row as lists and the API show it. */
public record OnlineLearningRow(
        long id,
        long personId,
        String personName,
        String platform,
        LocalDate periodStart,
        LocalDate periodEnd,
        int personTimes,
        int points,
        long version) {}
