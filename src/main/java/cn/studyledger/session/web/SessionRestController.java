package cn.studyledger.session.web;

import cn.studyledger.common.PageResult;
import cn.studyledger.common.web.PageQuery;
import cn.studyledger.session.AttendanceStatus;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.domain.AttendanceSheet;
import cn.studyledger.session.domain.SessionCommand;
import cn.studyledger.session.domain.SessionService;
import cn.studyledger.session.domain.SessionViews.SessionDetail;
import cn.studyledger.session.domain.SessionViews.SessionRow;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sessions through the API; every change carries the version it was based on. */
@RestController
@RequestMapping("/api/v1")
@Validated
class SessionRestController {

    private final SessionService sessions;

    SessionRestController(SessionService sessions) {
        this.sessions = sessions;
    }

    /**
     * One participant's attendance as sent by the API; a 请假 carries its reason and who approved it (none: the
     * request goes to the approver and the attendance waits for the decision).
     */
    record AttendanceEntry(
            @NotNull(message = "请提供人员") Long personId,
            @NotNull(message = "请提供考勤状态") AttendanceStatus status,
            String leaveReason,
            Long leaveApprovedBy) {}

    @GetMapping("/orgs/{orgCode}/sessions")
    PageResult<SessionRow> list(
            @PathVariable String orgCode,
            @RequestParam int year,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) SessionStatus status,
            PageQuery paging) {
        return sessions.search(orgCode, year, q, status, paging.page(), paging.size());
    }

    @PostMapping("/orgs/{orgCode}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    SessionDetail create(@PathVariable String orgCode, @Valid @RequestBody SessionCommand command) {
        return sessions.create(orgCode, command);
    }

    @GetMapping("/sessions/{id}")
    SessionDetail get(@PathVariable long id) {
        return sessions.get(id);
    }

    @PutMapping("/sessions/{id}")
    SessionDetail edit(@PathVariable long id, @RequestParam long version, @Valid @RequestBody SessionCommand command) {
        return sessions.edit(id, version, command);
    }

    @PutMapping("/sessions/{id}/attendance")
    SessionDetail attendance(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam(required = false) AttendanceStatus others,
            @RequestParam(required = false) String reason,
            @RequestBody List<@Valid AttendanceEntry> entries) {
        Map<Long, AttendanceStatus> statuses = new LinkedHashMap<>();
        Map<Long, AttendanceSheet.Leave> leaves = new LinkedHashMap<>();
        entries.forEach(e -> {
            statuses.put(e.personId(), e.status());
            if (e.status() == AttendanceStatus.LEAVE) {
                leaves.put(e.personId(), new AttendanceSheet.Leave(e.leaveReason(), e.leaveApprovedBy()));
            }
        });
        return sessions.recordAttendance(id, version, new AttendanceSheet(statuses, leaves, others, reason));
    }

    @PostMapping("/sessions/{id}/cancel")
    SessionDetail cancel(@PathVariable long id, @RequestParam long version, @RequestParam String reason) {
        return sessions.cancel(id, version, reason);
    }

    @PostMapping("/sessions/{id}/held")
    SessionDetail held(@PathVariable long id, @RequestParam long version) {
        return sessions.markHeld(id, version);
    }
}
