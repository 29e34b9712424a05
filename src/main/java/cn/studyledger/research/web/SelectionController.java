package cn.studyledger.research.web;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.ConflictException;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.research.Award;
import cn.studyledger.research.domain.FinishCommand;
import cn.studyledger.research.domain.InvestigationViews.CriterionView;
import cn.studyledger.research.domain.InvestigationViews.ScoreForm;
import cn.studyledger.research.domain.InvestigationViews.SelectionView;
import cn.studyledger.research.domain.ScoreCommand;
import cn.studyledger.research.domain.SelectionCommand;
import cn.studyledger.research.domain.SelectionService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of the excellent-report selection (优秀调研报告评选): the year's selection with its progress and ranking,
 * its set-up (criteria, judges), the judges' scoring form and the clerk's finishing with awards.
 */
@Controller
class SelectionController {

    private static final String WRITE = "hasAuthority('" + Permissions.RESEARCH_EDIT + "')";
    private static final String JUDGE = "hasAuthority('" + Permissions.RESEARCH_JUDGE + "')";

    private final SelectionService selections;
    private final WorkContext context;

    SelectionController(SelectionService selections, WorkContext context) {
        this.selections = selections;
        this.context = context;
    }

    /** The working year's selection; an empty page (with a button for the clerk) when there is none yet. */
    @GetMapping("/investigations/selection")
    String ofYear(Model model) {
        model.addAttribute(
                "selection",
                selections.ofYear(context.requireOrgCode(), context.year()).orElse(null));
        model.addAttribute("awards", Award.values());
        return "research/selection";
    }

    @GetMapping("/investigations/selection/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("selection", selections.get(id));
        model.addAttribute("awards", Award.values());
        return "research/selection";
    }

    @GetMapping("/investigations/selection/new")
    @PreAuthorize(WRITE)
    String newForm(Model model) {
        context.requireOrgCode();
        return form(model, SelectionCommand.defaults(context.year()), null);
    }

    @PostMapping("/investigations/selection")
    @PreAuthorize(WRITE)
    String create(
            @RequestParam(required = false) String title,
            @RequestParam(required = false) List<String> criterionName,
            @RequestParam(required = false) List<String> criterionWeight,
            @RequestParam(required = false) List<Long> judgeIds,
            FormPost post) {
        SelectionCommand command = command(context.year(), title, criterionName, criterionWeight, judgeIds);
        return post.refused(model -> form(model, command, null))
                .to(
                        () -> "/investigations/selection/"
                                + selections.create(context.orgCode(), command).id(),
                        "research.flash.selectionCreated");
    }

    @GetMapping("/investigations/selection/{id}/edit")
    @PreAuthorize(WRITE)
    String editForm(@PathVariable long id, Model model) {
        SelectionView selection = selections.get(id);
        return form(model, selection.toCommand(), selection);
    }

    @PostMapping("/investigations/selection/{id}")
    @PreAuthorize(WRITE)
    String configure(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) List<String> criterionName,
            @RequestParam(required = false) List<String> criterionWeight,
            @RequestParam(required = false) List<Long> judgeIds,
            FormPost post) {
        SelectionView selection = selections.get(id);
        SelectionCommand command = command(selection.year(), title, criterionName, criterionWeight, judgeIds);
        return post.refused(model -> form(model, command, selection))
                .run(
                        () -> selections.configure(id, version, command),
                        "common.saved",
                        "/investigations/selection/" + id);
    }

    @GetMapping("/investigations/selection/{id}/reports/{reportId}/score")
    @PreAuthorize(JUDGE)
    String scoreForm(@PathVariable long id, @PathVariable long reportId, Model model) {
        ScoreForm form = selections.scoreForm(id, reportId);
        model.addAttribute("form", form);
        model.addAttribute("values", values(form.scores()));
        return "research/score-form";
    }

    /** A judge's scores, one field {@code score-<criterion id>} per criterion. */
    @PostMapping("/investigations/selection/{id}/reports/{reportId}/score")
    @PreAuthorize(JUDGE)
    String score(
            @PathVariable long id,
            @PathVariable long reportId,
            @RequestParam(required = false) Long version,
            @RequestParam(required = false) String remark,
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        ScoreForm form = selections.scoreForm(id, reportId);
        Map<Long, Integer> scores = new HashMap<>();
        Map<Long, String> entered = new HashMap<>();
        String error = null;
        for (CriterionView c : form.criteria()) {
            String raw = params.get("score-" + c.id());
            entered.put(c.id(), raw == null ? "" : raw.trim());
            if (raw == null || raw.isBlank()) {
                error = error == null ? "请为“" + c.name() + "”打分" : error;
                continue;
            }
            try {
                scores.put(c.id(), Integer.parseInt(raw.trim()));
            } catch (NumberFormatException e) {
                error = error == null ? "“" + c.name() + "”的得分须为0–100的整数" : error;
            }
        }
        if (error == null) {
            try {
                selections.score(id, new ScoreCommand(reportId, scores, remark, version));
                return Flash.done(
                        redirect, "research.flash.scored", "/investigations/selection/" + id, form.reportTitle());
            } catch (BusinessRuleException e) {
                error = e.getMessage();
            } catch (ConflictException e) {
                error = e.getMessage();
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("values", entered);
        model.addAttribute("remark", remark);
        model.addAttribute("error", error);
        return "research/score-form";
    }

    /** Finishes the selection with the awards, one field {@code award-<report id>} per report. */
    @PostMapping("/investigations/selection/{id}/finish")
    @PreAuthorize(WRITE)
    String finish(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        Map<Long, Award> awards = new HashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("award-") && value != null && !value.isBlank()) {
                try {
                    awards.put(Long.parseLong(name.substring(6)), Award.valueOf(value));
                } catch (IllegalArgumentException e) {
                    throw new BusinessRuleException("奖项无效：" + value);
                }
            }
        });
        return Flash.attempt(
                redirect,
                "finishError",
                () -> selections.finish(id, version, new FinishCommand(awards)),
                "research.flash.selectionFinished",
                "/investigations/selection/" + id);
    }

    private static Map<Long, String> values(Map<Long, Integer> scores) {
        Map<Long, String> values = new HashMap<>();
        scores.forEach((k, v) -> values.put(k, String.valueOf(v)));
        return values;
    }

    /** The set-up from the form's parallel lists of criterion names and weights. */
    private static SelectionCommand command(
            int year, String title, List<String> names, List<String> weights, List<Long> judgeIds) {
        List<SelectionCommand.Criterion> criteria = new ArrayList<>();
        List<String> n = names == null ? List.of() : names;
        List<String> w = weights == null ? List.of() : weights;
        for (int i = 0; i < n.size(); i++) {
            String name = n.get(i) == null ? "" : n.get(i).trim();
            String weight = i < w.size() && w.get(i) != null ? w.get(i).trim() : "";
            if (name.isEmpty() && weight.isEmpty()) {
                continue;
            }
            Integer value;
            try {
                value = weight.isEmpty() ? null : Integer.parseInt(weight);
            } catch (NumberFormatException e) {
                value = 0; // refused by the selection with the weight's message, beside the other entries
            }
            criteria.add(new SelectionCommand.Criterion(name, value));
        }
        return new SelectionCommand(
                year, title == null ? "" : title, criteria, judgeIds == null ? List.of() : judgeIds);
    }

    private String form(Model model, SelectionCommand command, SelectionView existing) {
        model.addAttribute("command", command);
        model.addAttribute("existing", existing);
        model.addAttribute(
                "judgeOptions",
                selections.judgeOptions(existing == null ? context.orgCode() : existing.orgCode(), command.year()));
        // Four rows at least, so a criterion can be added without script.
        List<SelectionCommand.Criterion> rows = new ArrayList<>(command.criteria());
        while (rows.size() < Math.max(4, command.criteria().size() + 2)) {
            rows.add(new SelectionCommand.Criterion("", null));
        }
        model.addAttribute("criteriaRows", rows);
        return "research/selection-form";
    }
}
