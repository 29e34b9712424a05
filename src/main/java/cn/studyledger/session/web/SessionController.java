package cn.studyledger.session.web;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.validation.RecordDate;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.FormPage;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.HtmxFragment;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.org.OrgApi;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.AttendanceStatus;
import cn.studyledger.session.LearningMode;
import cn.studyledger.session.SessionFormat;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.SpeechKind;
import cn.studyledger.session.domain.AttendanceSheet;
import cn.studyledger.session.domain.ParticipationService;
import cn.studyledger.session.domain.SessionBriefs;
import cn.studyledger.session.domain.SessionCommand;
import cn.studyledger.session.domain.SessionRecordService;
import cn.studyledger.session.domain.SessionService;
import cn.studyledger.session.domain.SessionViews.SessionDetail;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of collective study: list, create, edit, attendance, make-up and marking a session held. */
@Controller
class SessionController {

    private final SessionService sessions;
    private final SessionBriefs briefs;
    private final SessionRecordService records;
    private final ParticipationService participation;
    private final OrgApi orgs;
    private final WorkContext context;
    private final Clock clock;

    SessionController(
            SessionService sessions,
            SessionRecordService records,
            ParticipationService participation,
            OrgApi orgs,
            WorkContext context,
            Clock clock,
            SessionBriefs briefs) {
        this.briefs = briefs;
        this.participation = participation;
        this.clock = clock;
        this.sessions = sessions;
        this.records = records;
        this.orgs = orgs;
        this.context = context;
    }

    @ModelAttribute
    void vocabulary(Model model) {
        model.addAttribute("formats", SessionFormat.values());
        model.addAttribute("agendaKinds", AgendaKind.values());
        model.addAttribute("statuses", SessionStatus.values());
        model.addAttribute("attendanceStatuses", AttendanceStatus.values());
        model.addAttribute("learningModes", LearningMode.values());
        model.addAttribute("speechKinds", SpeechKind.values());
    }

    @HtmxFragment("results")
    @GetMapping("/sessions")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) SessionStatus status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("result", sessions.search(context.requireOrgCode(), context.year(), q, status, page, 20));
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        return "session/list";
    }

    @GetMapping("/sessions/new")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String newForm(Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate date = today.getYear() == context.year() ? today : LocalDate.of(context.year(), 1, 1);
        return form(model, SessionCommand.blank(date), null, 0, false);
    }

    @PostMapping("/sessions")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String create(
            @Valid @ModelAttribute("command") SessionCommand command,
            BindingResult binding,
            @RequestParam(defaultValue = "false") boolean confirmYear,
            FormPost post) {
        return post.refused(model -> form(model, command, null, 0, false)).answer(() -> {
            requireWorkingYear(command, confirmYear);
            SessionDetail created = sessions.create(context.orgCode(), command);
            return post.done("session.flash.create", "/sessions/" + created.id());
        });
    }

    @GetMapping("/sessions/{id}")
    String detail(@PathVariable long id, Model model) {
        SessionDetail detail = sessions.get(id);
        model.addAttribute("detail", detail);
        model.addAttribute("candidates", records.attendeeCandidates(id));
        model.addAttribute(
                "approvers",
                CurrentUser.holdsAny(Permissions.SESSION_EDIT) ? participation.leaveApprovers(id) : List.of());
        model.addAttribute("me", CurrentUser.require().personId());
        if (detail.status() == SessionStatus.HELD) {
            model.addAttribute("brief", briefs.get(id));
        }
        return "session/detail";
    }

    @GetMapping("/sessions/{id}/edit")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String editForm(@PathVariable long id, Model model) {
        SessionDetail session = sessions.get(id);
        return form(model, session.toCommand(), id, session.version(), session.status() == SessionStatus.HELD);
    }

    @PostMapping("/sessions/{id}")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String edit(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") SessionCommand command,
            BindingResult binding,
            @RequestParam(defaultValue = "false") boolean confirmYear,
            FormPost post) {
        return post.refused(model ->
                        form(model, command, id, version, sessions.get(id).status() == SessionStatus.HELD))
                .run(
                        () -> {
                            requireWorkingYear(command, confirmYear);
                            sessions.edit(id, version, command);
                        },
                        "common.saved",
                        "/sessions/" + id);
    }

    /**
     * A date outside the working year is most often a typing slip (2035 for 2025), and the session would leave the
     * year's list the clerk sees: the form asks once to confirm it.
     */
    private void requireWorkingYear(SessionCommand command, boolean confirmed) {
        if (!confirmed && command.date().getYear() != context.year()) {
            throw new BusinessRuleException(
                    "学习日期" + command.date() + "不在当前工作年度（" + context.year() + "年）内。如日期无误，请勾选“确认学习日期”后再保存");
        }
    }

    @PostMapping("/sessions/{id}/attendance")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String attendance(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam(required = false) AttendanceStatus others,
            @RequestParam(required = false) String reason,
            @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        Map<Long, AttendanceStatus> statuses = new LinkedHashMap<>();
        Map<Long, AttendanceSheet.Leave> leaves = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("status_") && !value.isBlank()) {
                long person = personId(name.substring("status_".length()));
                try {
                    statuses.put(person, AttendanceStatus.valueOf(value));
                } catch (IllegalArgumentException e) {
                    throw new BusinessRuleException("考勤状态无效：" + value);
                }
                if (statuses.get(person) == AttendanceStatus.LEAVE) {
                    String approver = params.getOrDefault("leaveApprovedBy_" + person, "");
                    leaves.put(
                            person,
                            new AttendanceSheet.Leave(
                                    params.get("leaveReason_" + person),
                                    approver.isBlank() ? null : personId(approver)));
                }
            }
        });
        sessions.recordAttendance(id, version, new AttendanceSheet(statuses, leaves, others, reason));
        return Flash.done(redirect, "session.flash.attendance", "/sessions/" + id);
    }

    private static long personId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BusinessRuleException("考勤人员无效：" + value);
        }
    }

    @PostMapping("/sessions/{id}/cancel")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String cancel(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        sessions.cancel(id, version, reason);
        return Flash.done(redirect, "session.flash.cancelled", "/sessions/" + id);
    }

    @PostMapping("/sessions/{id}/held")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String held(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        sessions.markHeld(id, version);
        return Flash.done(redirect, "session.flash.held", "/sessions/" + id);
    }

    @PostMapping("/sessions/{id}/makeup")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String makeUp(
            @PathVariable long id,
            @RequestParam long personId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate LocalDate doneOn,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        if (note != null && note.length() > 1000) {
            throw new BusinessRuleException("补学体会最长1000字");
        }
        sessions.recordMakeUp(id, personId, doneOn, note);
        return Flash.done(redirect, "session.flash.makeUp", "/sessions/" + id);
    }

    /** The session form; {@code held}: the session edited is held, so a change needs its 更正原因. */
    private String form(Model model, SessionCommand command, Long id, long version, boolean held) {
        FormPage.fill(model, command, "sessionId", id, version);
        model.addAttribute("held", held);
        model.addAttribute(
                "outsideYear", command.date() != null && command.date().getYear() != context.year());
        model.addAttribute(
                "agendaChoices",
                sessions.agendaChoices(
                        context.requireOrgCode(),
                        command.date() == null ? context.year() : command.date().getYear()));
        model.addAttribute(
                "presiders",
                orgs.activePeople(orgs.requireReadable(context.requireOrgCode()).id()));
        return "session/form";
    }
}
