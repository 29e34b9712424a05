package cn.studyledger.selfstudy.web;

import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.FormPage;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.selfstudy.domain.SelfStudyCommand;
import cn.studyledger.selfstudy.domain.SelfStudyRow;
import cn.studyledger.selfstudy.domain.SelfStudyService;
import cn.studyledger.selfstudy.domain.StudyNoteService;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
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

/** Self-study pages: the log (own, or the group's for the clerk), new entry, edit and delete. */
@Controller
class SelfStudyController {

    private final SelfStudyService selfStudy;
    private final StudyNoteService notes;
    private final WorkContext context;
    private final Clock clock;

    SelfStudyController(SelfStudyService selfStudy, StudyNoteService notes, WorkContext context, Clock clock) {
        this.clock = clock;
        this.selfStudy = selfStudy;
        this.notes = notes;
        this.context = context;
    }

    @GetMapping("/selfstudy")
    String list(@RequestParam(required = false) Long person, @RequestParam(defaultValue = "0") int page, Model model) {
        var result = selfStudy.search(context.requireOrgCode(), context.year(), person, page, 20);
        model.addAttribute("result", result);
        model.addAttribute(
                "noteCounts",
                notes.counts(result.items().stream().map(SelfStudyRow::id).toList()));
        model.addAttribute("seesAll", selfStudy.seesAll(context.orgCode()));
        model.addAttribute("members", selfStudy.loggableMembers(context.orgCode(), context.year()));
        model.addAttribute("person", person);
        return "selfstudy/list";
    }

    @GetMapping("/selfstudy/new")
    @PreAuthorize("hasAnyAuthority('" + Permissions.SELFSTUDY_OWN + "', '" + Permissions.SELFSTUDY_ALL + "')")
    String newForm(Model model) {
        LocalDate today = LocalDate.now(clock);
        return form(model, new SelfStudyCommand(null, today, new BigDecimal("2"), ""), null, 0);
    }

    @PostMapping("/selfstudy")
    @PreAuthorize("hasAnyAuthority('" + Permissions.SELFSTUDY_OWN + "', '" + Permissions.SELFSTUDY_ALL + "')")
    String create(@Valid @ModelAttribute("command") SelfStudyCommand command, BindingResult binding, FormPost post) {
        return post.refused(model -> form(model, command, null, 0))
                .run(
                        () -> selfStudy.create(context.orgCode(), command),
                        "selfstudy.flash.selfStudyCreated",
                        "/selfstudy",
                        command.hours());
    }

    @GetMapping("/selfstudy/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        SelfStudyRow row = selfStudy.get(id);
        return form(
                model, new SelfStudyCommand(row.personId(), row.date(), row.hours(), row.content()), id, row.version());
    }

    @PostMapping("/selfstudy/{id}")
    @PreAuthorize("hasAnyAuthority('" + Permissions.SELFSTUDY_OWN + "', '" + Permissions.SELFSTUDY_ALL + "')")
    String edit(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") SelfStudyCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> form(model, command, id, version))
                .run(() -> selfStudy.edit(id, version, command), "common.saved", "/selfstudy");
    }

    @PostMapping("/selfstudy/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        selfStudy.delete(id);
        return Flash.done(redirect, "common.deleted", "/selfstudy");
    }

    private String form(Model model, SelfStudyCommand command, Long id, long version) {
        FormPage.fill(model, command, "entryId", id, version);
        model.addAttribute("members", selfStudy.loggableMembers(context.requireOrgCode(), context.year()));
        return "selfstudy/form";
    }
}
