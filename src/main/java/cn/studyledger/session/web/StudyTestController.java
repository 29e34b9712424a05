package cn.studyledger.session.web;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.FormPage;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.domain.SessionService;
import cn.studyledger.session.domain.StudyTestCommand;
import cn.studyledger.session.domain.StudyTests;
import cn.studyledger.session.domain.StudyTests.Participant;
import cn.studyledger.session.domain.StudyTests.StudyTestView;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pages of the group's 学习测试 for the working organisation and year: the list, a test with who took part, and the
 * 学习秘书's forms. Only readers of the organisation's sessions open them; scores are shown to the clerk and the 组长
 * only, and nothing ranks the members.
 */
@Controller
@PreAuthorize("hasAuthority('" + Permissions.SESSION_VIEW + "')")
class StudyTestController {

    private final StudyTests tests;
    private final SessionService sessions;
    private final WorkContext context;
    private final Clock clock;

    StudyTestController(StudyTests tests, SessionService sessions, WorkContext context, Clock clock) {
        this.tests = tests;
        this.sessions = sessions;
        this.context = context;
        this.clock = clock;
    }

    @GetMapping("/study-tests")
    String list(Model model) {
        model.addAttribute("tests", tests.list(context.requireOrgCode(), context.year()));
        return "session/study-tests";
    }

    @GetMapping("/study-tests/new")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String newForm(Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = today.getYear() == context.year() ? today : LocalDate.of(context.year(), 1, 1);
        return form(model, StudyTestCommand.blank(day), null, 0);
    }

    @PostMapping("/study-tests")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String create(@Valid @ModelAttribute("command") StudyTestCommand command, BindingResult binding, FormPost post) {
        return post.refused(model -> form(model, command, null, 0))
                .status(HttpStatus.UNPROCESSABLE_CONTENT)
                .to(
                        () -> "/study-tests/"
                                + tests.create(context.orgCode(), context.year(), command)
                                        .id(),
                        "studytest.flash.create");
    }

    @GetMapping("/study-tests/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("test", tests.get(id));
        return "session/study-test";
    }

    @GetMapping("/study-tests/{id}/edit")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String editForm(@PathVariable long id, Model model) {
        StudyTestView t = tests.get(id);
        return form(model, new StudyTestCommand(t.title(), t.heldOn(), t.sessionId(), t.note()), id, t.version());
    }

    @PostMapping("/study-tests/{id}")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String edit(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") StudyTestCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> form(model, command, id, version))
                .status(HttpStatus.UNPROCESSABLE_CONTENT)
                .run(() -> tests.edit(id, version, command), "studytest.flash.update", "/study-tests/" + id);
    }

    /**
     * Who took part: the ticked members ({@code took}), each with the score and note typed beside them ({@code
     * score-<personId>}, {@code note-<personId>}).
     */
    @PostMapping("/study-tests/{id}/participants")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String participants(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam(name = "took", required = false) List<Long> took,
            @RequestParam Map<String, String> fields,
            FormPost post) {
        return post.refusedAs("participantsError", model -> detail(id, model))
                .status(HttpStatus.UNPROCESSABLE_CONTENT)
                .run(
                        () -> tests.participants(id, version, lines(took, fields)),
                        "studytest.flash.participants",
                        "/study-tests/" + id);
    }

    @PostMapping("/study-tests/{id}/delete")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String delete(@PathVariable long id, @RequestParam long version, FormPost post) {
        return post.refused(model -> detail(id, model))
                .status(HttpStatus.UNPROCESSABLE_CONTENT)
                .run(() -> tests.delete(id, version), "studytest.flash.delete", "/study-tests");
    }

    private static List<Participant> lines(List<Long> took, Map<String, String> fields) {
        List<Participant> lines = new ArrayList<>();
        for (Long person : took == null ? List.<Long>of() : took) {
            String score = fields.getOrDefault("score-" + person, "").strip();
            BigDecimal value;
            try {
                value = score.isEmpty() ? null : new BigDecimal(score);
            } catch (NumberFormatException e) {
                throw new BusinessRuleException("成绩应为0至100之间的数字");
            }
            lines.add(new Participant(person, value, fields.get("note-" + person)));
        }
        return lines;
    }

    private String form(Model model, StudyTestCommand command, Long id, long version) {
        FormPage.fill(model, command, "testId", id, version);
        model.addAttribute(
                "heldSessions",
                sessions.search(context.requireOrgCode(), context.year(), null, SessionStatus.HELD, 0, 100)
                        .items());
        return "session/study-test-form";
    }
}
