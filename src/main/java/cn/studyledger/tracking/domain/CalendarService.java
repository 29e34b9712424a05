package cn.studyledger.tracking.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.tracking.DayKind;
import cn.studyledger.tracking.WorkingDays;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The configured holidays and make-up working days. Everyone signed in may read them (deadlines depend on them);
 * only the system administrator changes them: the calendar is the same for every organisation, and a clerk who
 * could add a holiday could move its own unit's deadlines.
 */
@Service
@Transactional(readOnly = true)
public class CalendarService {

    private final CalendarDayRepository days;
    private final AuditLog audit;

    CalendarService(CalendarDayRepository days, AuditLog audit) {
        this.days = days;
        this.audit = audit;
    }

    /** The calendar as configured now. */
    public WorkingDays workingDays() {
        List<CalendarDay> all = days.findAll();
        return new WorkingDays(
                all.stream()
                        .filter(d -> d.kind() == DayKind.HOLIDAY)
                        .map(CalendarDay::day)
                        .toList(),
                all.stream()
                        .filter(d -> d.kind() == DayKind.WORKDAY)
                        .map(CalendarDay::day)
                        .toList());
    }

    /** The configured days of a year, by date. */
    public List<CalendarRow> days(int year) {
        return days.findByDayBetweenOrderByDay(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .map(CalendarService::row)
                .toList();
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.ORG_EDIT + "')")
    public CalendarRow add(CalendarCommand command) {
        if (days.existsByDay(command.day())) {
            throw new BusinessRuleException(command.day() + " 已设置，请先删除原设置");
        }
        CalendarDay day = days.saveAndFlush(
                new CalendarDay(command.day(), command.kind(), command.name().trim()));
        audit.record(
                AuditAction.CREATE,
                "节假日设置",
                day.getId(),
                day.day() + " " + day.kind().label() + " " + day.name());
        return row(day);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.ORG_EDIT + "')")
    public void remove(long id, long expectedVersion) {
        CalendarDay day = days.findById(id).orElseThrow(() -> NotFoundException.of("节假日设置"));
        day.checkVersion(expectedVersion);
        days.delete(day);
        audit.record(
                AuditAction.DELETE, "节假日设置", id, day.day() + " " + day.kind().label() + " " + day.name());
    }

    private static CalendarRow row(CalendarDay d) {
        return new CalendarRow(d.getId(), d.day(), d.kind(), d.name(), d.getVersion());
    }
}
