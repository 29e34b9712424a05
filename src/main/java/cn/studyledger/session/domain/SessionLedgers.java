package cn.studyledger.session.domain;

import static cn.studyledger.office.SqlLedger.label;

import cn.studyledger.office.LedgerProvider;
import cn.studyledger.office.LedgerRows;
import cn.studyledger.office.SqlLedger;
import cn.studyledger.org.OrgApi;
import cn.studyledger.session.AttendanceStatus;
import cn.studyledger.session.AttendeeRole;
import cn.studyledger.session.LeaveStatus;
import cn.studyledger.session.SessionFormat;
import cn.studyledger.session.SessionOrdinal;
import cn.studyledger.session.SessionStatus;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The session module's 台账: sessions, attendance, and leave with make-up study, each over the sessions dated in
 * the year. People are written by name through the per-export name cache (this module does not join the
 * organisation module's tables).
 */
@Configuration(proxyBeanMethods = false)
class SessionLedgers {

    private static final String SESSION_YEAR = "s.org_id = :org and s.session_date >= :from and s.session_date < :to";

    /**
     * One row per session of the year; a held one with its numbers (次序 第5次 of the year, 形式次序 第2次专题研讨), which a
     * planned or cancelled one does not have.
     */
    @Bean
    LedgerProvider sessionLedger(LedgerRows rows, OrgApi orgs) {
        return new SqlLedger(
                rows,
                orgs,
                "sessions",
                "集中学习台账",
                List.of(
                        "日期", "次序", "开始时间", "时长（小时）", "地点", "形式", "形式次序", "扩大学习", "主题", "议题", "主持人", "记录人", "出席人数",
                        "状态", "举行时间"),
                "select s.session_date, s.ordinal, s.start_time, s.duration_hours, s.place, s.format, s.format_ordinal,"
                        + " s.enlarged, s.title,"
                        + " (select string_agg(i.title, '；' order by i.position) from session_agenda_item i"
                        + " where i.session_id = s.id),"
                        + " s.presider_person_id, s.recorder_person_id,"
                        + " case when s.status = 'HELD' then (select count(*) from session_attendance a"
                        + " where a.session_id = s.id and a.status = 'PRESENT') end,"
                        + " s.status, s.held_at from session_study_session s where "
                        + SESSION_YEAR + " order by s.session_date, s.id",
                (names, r) -> Arrays.asList(
                        r.get(0),
                        r.get(1) == null ? null : SessionOrdinal.nth(((Number) r.get(1)).intValue()),
                        r.get(2) == null ? null : r.get(2).toString(),
                        r.get(3),
                        r.get(4),
                        label(r.get(5), c -> SessionFormat.valueOf(c).label()),
                        r.get(6) == null
                                ? null
                                : SessionOrdinal.nth(((Number) r.get(6)).intValue())
                                        + SessionFormat.valueOf(r.get(5).toString())
                                                .label(),
                        Boolean.TRUE.equals(r.get(7)) ? "是" : "否",
                        r.get(8),
                        r.get(9),
                        names.name(r.get(10)),
                        names.name(r.get(11)),
                        r.get(12),
                        label(r.get(13), c -> SessionStatus.valueOf(c).label()),
                        r.get(14)));
    }

    @Bean
    LedgerProvider attendanceLedger(LedgerRows rows, OrgApi orgs) {
        return new SqlLedger(
                rows,
                orgs,
                "attendance",
                "考勤台账",
                List.of("日期", "主题", "姓名", "身份", "出勤", "签到时间", "签到方式"),
                "select s.session_date, s.title, a.person_id, a.attendee_role, a.status, a.check_in_at,"
                        + " a.check_in_method from session_attendance a join session_study_session s"
                        + " on s.id = a.session_id where " + SESSION_YEAR + " order by s.session_date, s.id, a.id",
                (names, r) -> Arrays.asList(
                        r.get(0),
                        r.get(1),
                        names.name(r.get(2)),
                        label(r.get(3), c -> AttendeeRole.valueOf(c).label()),
                        label(r.get(4), c -> AttendanceStatus.valueOf(c).label()),
                        r.get(5),
                        r.get(6)));
    }

    @Bean
    LedgerProvider leaveLedger(LedgerRows rows, OrgApi orgs) {
        return new SqlLedger(
                rows,
                orgs,
                "leave",
                "请假与补学台账",
                List.of("日期", "主题", "姓名", "请假事由", "审批", "审批人", "补学期限", "补学完成", "补学情况"),
                "select s.session_date, s.title, l.person_id, l.reason, l.status, l.decided_by,"
                        + " a.make_up_due_on, a.make_up_done_on, a.make_up_note from session_leave_request l"
                        + " join session_study_session s on s.id = l.session_id"
                        + " left join session_attendance a on a.session_id = l.session_id and a.person_id = l.person_id"
                        + " where " + SESSION_YEAR + " order by s.session_date, s.id, l.id",
                (names, r) -> Arrays.asList(
                        r.get(0),
                        r.get(1),
                        names.name(r.get(2)),
                        r.get(3),
                        label(r.get(4), c -> LeaveStatus.valueOf(c).label()),
                        r.get(5),
                        r.get(6),
                        r.get(7),
                        r.get(8)));
    }
}
