package cn.studyledger.tracking.domain;

import cn.studyledger.tracking.DayKind;
import java.time.LocalDate;

/** A configured day as the calendar page and the API show it. */
public record CalendarRow(long id, LocalDate day, DayKind kind, String name, long version) {

    /** 周一 … 周日. */
    public String weekday() {
        return switch (day.getDayOfWeek()) {
            case MONDAY -> "周一";
            case TUESDAY -> "周二";
            case WEDNESDAY -> "周三";
            case THURSDAY -> "周四";
            case FRIDAY -> "周五";
            case SATURDAY -> "周六";
            case SUNDAY -> "周日";
        };
    }
}
