package cn.studyledger.supervision.web;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Downloads;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.FormPage;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.supervision.MaterialKind;
import cn.studyledger.supervision.VisitStage;
import cn.studyledger.supervision.domain.CompletionCommand;
import cn.studyledger.supervision.domain.CriteriaCommand;
import cn.studyledger.supervision.domain.CriteriaService;
import cn.studyledger.supervision.domain.ObservationCommand;
import cn.studyledger.supervision.domain.ReasonCommand;
import cn.studyledger.supervision.domain.RectificationCommand;
import cn.studyledger.supervision.domain.RectificationService;
import cn.studyledger.supervision.domain.ReviewCommand;
import cn.studyledger.supervision.domain.SubmissionCommand;
import cn.studyledger.supervision.domain.SummaryCommand;
import cn.studyledger.supervision.domain.SupervisionViews.CriteriaView;
import cn.studyledger.supervision.domain.SupervisionViews.CriterionRow;
import cn.studyledger.supervision.domain.SupervisionViews.RectificationRow;
import cn.studyledger.supervision.domain.SupervisionViews.VisitDetail;
import cn.studyledger.supervision.domain.VisitCommand;
import cn.studyledger.supervision.domain.VisitService;
import cn.studyledger.supervision.domain.VisitWorkflow;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of supervision: the year's visit plan with the coverage of the subordinate units, planning a visit (the
 * superior's clerk), a visit through its three stages (the unit's clerk submits, the observers review, observe,
 * summarise and close), its rectification items, and the rating criteria.
 */
@Controller
class SupervisionController {

    private final VisitService visits;
    private final VisitWorkflow workflow;
    private final RectificationService rectifications;
    private final CriteriaService criteria;
    private final WorkContext context;
    private final Clock clock;

    SupervisionController(
            VisitService visits,
            VisitWorkflow workflow,
            RectificationService rectifications,
            CriteriaService criteria,
            WorkContext context,
            Clock clock) {
        this.visits = visits;
        this.workflow = workflow;
        this.rectifications = rectifications;
        this.criteria = criteria;
        this.context = context;
        this.clock = clock;
    }

    @ModelAttribute
    void vocabulary(Model model) {
        model.addAttribute("stages", VisitStage.values());
        model.addAttribute("materialKinds", MaterialKind.values());
    }

    // ---- the plan ----

    @GetMapping("/supervision")
    String plan(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) VisitStage stage,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        String orgCode = visits.homeOrgCode(context.orgCode());
        if (orgCode == null) {
            return "report/no-org";
        }
        model.addAttribute("orgCode", orgCode);
        model.addAttribute("year", context.year());
        model.addAttribute("result", visits.search(orgCode, context.year(), unit, stage, page, 20));
        model.addAttribute("unit", unit == null ? "" : unit);
        model.addAttribute("stage", stage);
        model.addAttribute("periods", visits.periods(orgCode, context.year()));
        if (htmx != null) {
            return "supervision/plan :: results";
        }
        model.addAttribute("coverage", visits.coverage(orgCode, context.year()));
        model.addAttribute("units", visits.units(orgCode));
        model.addAttribute("canPlan", visits.canPlan(orgCode));
        return "supervision/plan";
    }

    @GetMapping("/supervision/visits/new")
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_EDIT + "')")
    String newForm(@RequestParam(required = false) String unit, Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate date = today.getYear() == context.year() ? today.plusDays(14) : LocalDate.of(context.year(), 3, 1);
        VisitCommand blank = VisitCommand.blank(date);
        if (unit != null) {
            blank = new VisitCommand(unit, date, "", "", List.of());
        }
        return form(model, blank, null, 0);
    }

    @PostMapping("/supervision/visits")
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_EDIT + "')")
    String create(@Valid @ModelAttribute("command") VisitCommand command, BindingResult binding, FormPost post) {
        return post.refused(model -> form(model, command, null, 0))
                .to(
                        () -> "/supervision/visits/"
                                + visits.plan(context.orgCode(), command).id(),
                        "supervision.flash.create");
    }

    @GetMapping("/supervision/visits/{id}/edit")
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_EDIT + "')")
    String editForm(@PathVariable long id, Model model) {
        VisitDetail visit = visits.get(id);
        if (!visit.may().plan()) {
            throw new AccessDeniedException("无权执行此操作");
        }
        if (visit.stage() != VisitStage.PLANNED) {
            throw new BusinessRuleException("单位已报送学习方案（当前：" + visit.stage().label() + "），旁听安排不能再修改");
        }
        return form(
                model,
                new VisitCommand(
                        visit.unitCode(),
                        visit.plannedOn(),
                        visit.sessionTitle(),
                        visit.place(),
                        visit.observers().stream().map(o -> o.id()).toList()),
                id,
                visit.version());
    }

    @PostMapping("/supervision/visits/{id}")
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_EDIT + "')")
    String edit(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") VisitCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> form(model, command, id, version))
                .run(() -> visits.replan(id, version, command), "common.saved", "/supervision/visits/" + id);
    }

    @PostMapping("/supervision/visits/{id}/delete")
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_EDIT + "')")
    String delete(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        visits.remove(id, version);
        return Flash.done(redirect, "supervision.flash.delete", "/supervision");
    }

    // ---- a visit ----

    @GetMapping("/supervision/visits/{id}")
    String visit(@PathVariable long id, Model model) {
        return visitPage(id, model);
    }

    @PostMapping("/supervision/visits/{id}/materials")
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_RESPOND + "')")
    String submit(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("submission") SubmissionCommand command,
            BindingResult binding,
            @RequestParam(value = "materials", required = false) List<MultipartFile> materials,
            @RequestParam(value = "outlines", required = false) List<MultipartFile> outlines,
            FormPost post) {
        return onVisit(
                id,
                post,
                "submissionError",
                () -> workflow.submit(id, version, command, materials, outlines),
                "supervision.flash.submit");
    }

    @PostMapping("/supervision/visits/{id}/materials/{fileId}/delete")
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_RESPOND + "')")
    String removeMaterial(
            @PathVariable long id, @PathVariable long fileId, @RequestParam long version, RedirectAttributes redirect) {
        workflow.removeMaterial(id, version, fileId);
        return Flash.done(redirect, "supervision.flash.removeMaterial", "/supervision/visits/" + id);
    }

    @GetMapping("/supervision/visits/{id}/files/{fileId}")
    ResponseEntity<InputStreamResource> material(@PathVariable long id, @PathVariable long fileId) {
        return Downloads.attachment(visits.material(id, fileId));
    }

    @PostMapping("/supervision/visits/{id}/approve")
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_OBSERVE + "')")
    String approve(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("review") ReviewCommand command,
            BindingResult binding,
            FormPost post) {
        return onVisit(
                id, post, "reviewError", () -> workflow.approve(id, version, command), "supervision.flash.approve");
    }

    @PostMapping("/supervision/visits/{id}/return")
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_OBSERVE + "')")
    String returnForRevision(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("review") ReviewCommand command,
            BindingResult binding,
            FormPost post) {
        return onVisit(
                id,
                post,
                "reviewError",
                () -> workflow.returnForRevision(id, version, command),
                "supervision.flash.returnForRevision");
    }

    @PostMapping("/supervision/visits/{id}/observation")
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_OBSERVE + "')")
    String observe(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("observation") ObservationCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refusedAs("observationError", model -> visitPage(id, model))
                .answer(() -> post.done(
                        "supervision.flash.observe",
                        "/supervision/visits/" + id,
                        workflow.observe(id, version, command).summaryDueOn()));
    }

    @PostMapping("/supervision/visits/{id}/summary")
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_OBSERVE + "')")
    String summarise(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("summary") SummaryCommand command,
            BindingResult binding,
            FormPost post) {
        return onVisit(
                id,
                post,
                "summaryError",
                () -> workflow.summarise(id, version, command),
                "supervision.flash.summarise");
    }

    @PostMapping("/supervision/visits/{id}/close")
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_OBSERVE + "')")
    String close(@PathVariable long id, @RequestParam long version, FormPost post) {
        return onVisit(id, post, "closeError", () -> workflow.close(id, version), "supervision.flash.close");
    }

    // ---- rectification items ----

    @PostMapping("/supervision/visits/{id}/rectifications")
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_OBSERVE + "')")
    String raise(
            @PathVariable long id,
            @Valid @ModelAttribute("rectification") RectificationCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refusedAs("rectificationError", model -> visitPage(id, model))
                .to(
                        () -> "/supervision/visits/" + id + "#item-"
                                + rectifications.raise(id, command).id(),
                        "supervision.flash.raise");
    }

    @GetMapping("/supervision/rectifications/{id}")
    String rectification(@PathVariable long id) {
        RectificationRow row = rectifications.get(id);
        return "redirect:/supervision/visits/" + row.visitId() + "#item-" + id;
    }

    @PostMapping("/supervision/rectifications/{id}/complete")
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_RESPOND + "')")
    String complete(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("completion") CompletionCommand command,
            BindingResult binding,
            @RequestParam(value = "file", required = false) MultipartFile file,
            FormPost post) {
        return onItem(
                id,
                binding,
                post,
                "supervision.flash.complete",
                () -> rectifications.complete(id, version, command, file));
    }

    @PostMapping("/supervision/rectifications/{id}/close")
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_OBSERVE + "')")
    String closeItem(@PathVariable long id, @RequestParam long version, FormPost post) {
        return onItem(id, null, post, "supervision.flash.closeItem", () -> rectifications.close(id, version));
    }

    @PostMapping("/supervision/rectifications/{id}/send-back")
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_OBSERVE + "')")
    String sendBack(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("reason") ReasonCommand command,
            BindingResult binding,
            FormPost post) {
        return onItem(
                id, binding, post, "supervision.flash.sendBack", () -> rectifications.sendBack(id, version, command));
    }

    @PostMapping("/supervision/rectifications/{id}/cancel")
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_OBSERVE + "')")
    String cancelItem(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("reason") ReasonCommand command,
            BindingResult binding,
            FormPost post) {
        return onItem(
                id, binding, post, "supervision.flash.cancelItem", () -> rectifications.cancel(id, version, command));
    }

    @GetMapping("/supervision/rectifications/{id}/evidence")
    ResponseEntity<InputStreamResource> evidence(@PathVariable long id) {
        return Downloads.attachment(rectifications.evidenceFile(id));
    }

    // ---- criteria ----

    @GetMapping("/supervision/criteria")
    String criteria(Model model) {
        String orgCode = visits.homeOrgCode(context.orgCode());
        if (orgCode == null) {
            return "report/no-org";
        }
        CriteriaView view = criteria.view(orgCode, context.year());
        if (!model.containsAttribute("command")) {
            List<CriteriaCommand.Line> lines = new ArrayList<>();
            view.criteria().forEach(c -> lines.add(new CriteriaCommand.Line(c.name(), c.weight())));
            lines.add(new CriteriaCommand.Line("", null));
            lines.add(new CriteriaCommand.Line("", null));
            model.addAttribute("command", new CriteriaCommand(lines));
        }
        model.addAttribute("criteria", view);
        model.addAttribute("canPlan", visits.canPlan(orgCode));
        return "supervision/criteria";
    }

    @PostMapping("/supervision/criteria")
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_EDIT + "')")
    String saveCriteria(
            @RequestParam long version,
            @Valid @ModelAttribute("command") CriteriaCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> criteria(model))
                .run(
                        () -> criteria.replace(context.orgCode(), context.year(), version, command),
                        "supervision.flash.saveCriteria",
                        "/supervision/criteria");
    }

    // ---- helpers ----

    /** Runs one stage's action on the visit: a refusal shows the visit page with its message as {@code error}. */
    private String onVisit(long id, FormPost post, String error, Runnable action, String done) {
        return post.refusedAs(error, model -> visitPage(id, model)).run(action, done, "/supervision/visits/" + id);
    }

    /**
     * Runs one action on a rectification item: a form error or a refused action shows the visit page with the
     * message beside the item; success goes back to the item with {@code done} as the flash message.
     */
    private String onItem(long id, BindingResult binding, FormPost post, String done, Runnable action) {
        RectificationRow item = rectifications.get(id);
        if (binding != null && binding.hasErrors()) {
            return itemFailed(item, binding.getAllErrors().get(0).getDefaultMessage(), post.model());
        }
        try {
            action.run();
        } catch (BusinessRuleException e) {
            return itemFailed(item, e.getMessage(), post.model());
        }
        return post.done(done, "/supervision/visits/" + item.visitId() + "#item-" + id);
    }

    private String itemFailed(RectificationRow item, String message, Model model) {
        model.addAttribute("itemError", message);
        model.addAttribute("itemErrorId", item.id());
        return visitPage(item.visitId(), model);
    }

    private String visitPage(long id, Model model) {
        VisitDetail detail = visits.get(id);
        model.addAttribute("detail", detail);
        List<CriterionRow> set = workflow.criteriaFor(id);
        model.addAttribute("criteriaInUse", set);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        if (!model.containsAttribute("submission")) {
            model.addAttribute("submission", new SubmissionCommand(detail.studyPlan()));
        }
        if (!model.containsAttribute("review")) {
            model.addAttribute("review", new ReviewCommand(""));
        }
        if (!model.containsAttribute("observation")) {
            model.addAttribute(
                    "observation",
                    new ObservationCommand("", new ArrayList<>(Collections.nCopies(set.size(), (Integer) null))));
        }
        if (!model.containsAttribute("summary")) {
            model.addAttribute("summary", new SummaryCommand("", "", ""));
        }
        if (!model.containsAttribute("rectification")) {
            model.addAttribute("rectification", new RectificationCommand("", null, null));
        }
        if (detail.may().observe() && detail.stage() == VisitStage.SUMMARISED) {
            model.addAttribute("owners", rectifications.owners(id));
        }
        return "supervision/visit";
    }

    private String form(Model model, VisitCommand command, Long id, long version) {
        FormPage.fill(model, command, "visitId", id, version);
        model.addAttribute("units", visits.units(context.requireOrgCode()));
        model.addAttribute("candidates", visits.observerCandidates(context.orgCode()));
        return "supervision/form";
    }
}
