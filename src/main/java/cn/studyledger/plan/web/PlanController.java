package cn.studyledger.plan.web;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.FormPage;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.plan.domain.ArrangementCommand;
import cn.studyledger.plan.domain.PlanService;
import cn.studyledger.plan.domain.PlanViews.ArrangementRow;
import cn.studyledger.plan.domain.PlanViews.PlanDetail;
import cn.studyledger.plan.domain.ThemesCommand;
import cn.studyledger.session.SessionFormat;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of the annual plan: the working year's current plan (or its empty state), any revision, the themes
 * and arrangement forms, linking arrangements to sessions, and the clerk's and 组长's actions on the plan.
 */
@Controller
class PlanController {

    private final PlanService plans;
    private final WorkContext context;

    PlanController(PlanService plans, WorkContext context) {
        this.plans = plans;
        this.context = context;
    }

    @ModelAttribute
    void vocabulary(Model model) {
        model.addAttribute("formats", SessionFormat.values());
        model.addAttribute("monthNumbers", IntStream.rangeClosed(1, 12).boxed().toList());
    }

    @GetMapping("/plans")
    String current(Model model) {
        Optional<PlanDetail> plan = plans.current(context.requireOrgCode(), context.year());
        if (plan.isEmpty()) {
            model.addAttribute("plan", null);
            model.addAttribute("canDraft", plans.canDraft(context.orgCode()));
            return "plan/plan";
        }
        model.addAttribute("plan", plan.get());
        return "plan/plan";
    }

    @GetMapping("/plans/{id}")
    String revision(@PathVariable long id, Model model) {
        model.addAttribute("plan", plans.get(id));
        return "plan/plan";
    }

    @PostMapping("/plans")
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    String create(RedirectAttributes redirect) {
        PlanDetail plan = plans.create(context.requireOrgCode(), context.year(), null);
        return Flash.done(redirect, "plan.flash.planCreated", "/plans/" + plan.id() + "/edit", plan.year());
    }

    @GetMapping("/plans/{id}/edit")
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    String themesForm(@PathVariable long id, Model model) {
        PlanDetail plan = editable(id);
        return themesForm(model, plan, plan.themesCommand(), plan.version());
    }

    @PostMapping("/plans/{id}/themes")
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    String saveThemes(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") ThemesCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> themesForm(model, plans.get(id), command, version))
                .run(() -> plans.editThemes(id, version, command), "plan.flash.saveThemes", "/plans/" + id);
    }

    @GetMapping("/plans/{id}/arrangements/new")
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    String newArrangement(@PathVariable long id, @RequestParam(defaultValue = "1") int month, Model model) {
        PlanDetail plan = editable(id);
        return arrangementForm(
                model, plan, ArrangementCommand.blank(Math.min(Math.max(month, 1), 12)), null, plan.version());
    }

    @PostMapping("/plans/{id}/arrangements")
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    String addArrangement(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") ArrangementCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> arrangementForm(model, plans.get(id), command, null, version))
                .run(
                        () -> plans.addArrangement(id, version, command),
                        "plan.flash.addArrangement",
                        "/plans/" + id,
                        command.month());
    }

    @GetMapping("/plans/{id}/arrangements/{aid}/edit")
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    String editArrangementForm(@PathVariable long id, @PathVariable long aid, Model model) {
        PlanDetail plan = editable(id);
        ArrangementRow row = arrangement(plan, aid);
        return arrangementForm(model, plan, row.toCommand(), aid, plan.version());
    }

    @PostMapping("/plans/{id}/arrangements/{aid}")
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    String editArrangement(
            @PathVariable long id,
            @PathVariable long aid,
            @RequestParam long version,
            @Valid @ModelAttribute("command") ArrangementCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> arrangementForm(model, plans.get(id), command, aid, version))
                .run(
                        () -> plans.editArrangement(id, aid, version, command),
                        "plan.flash.editArrangement",
                        "/plans/" + id + "#a" + aid);
    }

    @PostMapping("/plans/{id}/arrangements/{aid}/delete")
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    String removeArrangement(
            @PathVariable long id, @PathVariable long aid, @RequestParam long version, RedirectAttributes redirect) {
        plans.removeArrangement(id, aid, version);
        return Flash.done(redirect, "plan.flash.removeArrangement", "/plans/" + id);
    }

    @GetMapping("/plans/{id}/arrangements/{aid}/sessions")
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    String linkForm(@PathVariable long id, @PathVariable long aid, Model model) {
        PlanDetail plan = plans.get(id);
        model.addAttribute("plan", plan);
        model.addAttribute("arrangement", arrangement(plan, aid));
        model.addAttribute("choices", plans.sessionChoices(id, aid));
        return "plan/link";
    }

    @PostMapping("/plans/{id}/arrangements/{aid}/sessions")
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    String link(
            @PathVariable long id,
            @PathVariable long aid,
            @RequestParam(required = false) List<Long> sessionIds,
            RedirectAttributes redirect) {
        List<Long> ids = sessionIds == null ? List.of() : sessionIds;
        plans.linkSessions(id, aid, ids);
        String target = "/plans/" + id + "#a" + aid;
        return ids.isEmpty()
                ? Flash.done(redirect, "plan.flash.sessionsUnlinked", target)
                : Flash.done(redirect, "plan.flash.sessionsLinked", target, ids.size());
    }

    @PostMapping("/plans/{id}/submit")
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    String submit(@PathVariable long id, @RequestParam long version, FormPost post) {
        return onPlan(id, post).run(() -> plans.submit(id, version), "plan.flash.submit", "/plans/" + id);
    }

    @PostMapping("/plans/{id}/approve")
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_APPROVE + "')")
    String approve(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam(required = false) String comment,
            FormPost post) {
        return onPlan(id, post).run(() -> plans.approve(id, version, comment), "plan.flash.approve", "/plans/" + id);
    }

    @PostMapping("/plans/{id}/return")
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_APPROVE + "')")
    String sendBack(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam(required = false) String comment,
            FormPost post) {
        return onPlan(id, post).run(() -> plans.sendBack(id, version, comment), "plan.flash.sendBack", "/plans/" + id);
    }

    @PostMapping("/plans/{id}/revise")
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    String revise(@PathVariable long id, @RequestParam long version, FormPost post) {
        return onPlan(id, post).answer(() -> {
            PlanDetail next = plans.revise(id, version);
            return post.done("plan.flash.revise", "/plans/" + next.id(), next.revision(), (next.revision() - 1));
        });
    }

    /** A change of the plan's state; a refusal shows the plan page again with the reason, answered as 422. */
    private FormPost onPlan(long id, FormPost post) {
        return post.refused(model -> {
                    model.addAttribute("plan", plans.get(id));
                    return "plan/plan";
                })
                .status(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private PlanDetail editable(long id) {
        PlanDetail plan = plans.get(id);
        if (!plan.actions().edit()) {
            throw new BusinessRuleException(
                    plan.latest() ? "该学习计划当前状态为“" + plan.status().label() + "”，不能修改" : "这是历史版本，不能修改");
        }
        return plan;
    }

    private static ArrangementRow arrangement(PlanDetail plan, long aid) {
        return plan.arrangements().stream()
                .filter(a -> a.id() == aid)
                .findFirst()
                .orElseThrow(() -> new BusinessRuleException("该月度安排不属于本学习计划"));
    }

    private String themesForm(Model model, PlanDetail plan, ThemesCommand command, long version) {
        model.addAttribute("plan", plan);
        model.addAttribute("command", command);
        model.addAttribute("version", version);
        return "plan/themes-form";
    }

    private String arrangementForm(
            Model model, PlanDetail plan, ArrangementCommand command, Long arrangementId, long version) {
        model.addAttribute("plan", plan);
        FormPage.fill(model, command, "arrangementId", arrangementId, version);
        model.addAttribute("leads", plans.leadCandidates(plan.id()));
        return "plan/arrangement-form";
    }
}
