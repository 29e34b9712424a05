package cn.studyledger.tracking.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.tracking.DayKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * A configured day of the working-day calendar: a holiday on a weekday, or a make-up working day on a weekend.
 * Configuring what a day already is (a holiday on a Sunday) would change nothing and is refused.
 */
@Entity
@Table(name = "tracking_calendar_day")
class CalendarDay extends BaseEntity {

    @Column(name = "calendar_day", nullable = false, updatable = false)
    private LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DayKind kind;

    @Column(nullable = false)
    private String name;

    protected CalendarDay() {}

    CalendarDay(LocalDate day, DayKind kind, String name) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (kind == DayKind.HOLIDAY && weekend) {
            throw new BusinessRuleException(day + " 是周末，本来就不上班，无需设为放假");
        }
        if (kind == DayKind.WORKDAY && !weekend) {
            throw new BusinessRuleException(day + " 是工作日，只有周末才能设为调休上班");
        }
        this.day = day;
        this.kind = kind;
        this.name = name;
    }

    LocalDate day() {
        return day;
    }

    DayKind kind() {
        return kind;
    }

    String name() {
        return name;
    }
}
