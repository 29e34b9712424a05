package cn.studyledger.rules.web;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.rules.domain.EvaluationService;
import cn.studyledger.rules.domain.RuleCommand;
import cn.studyledger.rules.domain.RuleService;
import cn.studyledger.rules.domain.RuleViews.EvaluationView;
import cn.studyledger.rules.domain.RuleViews.FindingView;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Pages of the rules for the working organisation and year: the rule table (规则设置, the 学习秘书 switches rules on or
 * off and edits thresholds and sources) and the findings of the latest evaluation (规则检查) with 立即检查.
 */
@Controller
class RulesController {

    private final RuleService rules;
    private final EvaluationService evaluations;
    private final WorkContext context;

    RulesController(RuleService rules, EvaluationService evaluations, WorkContext context) {
        this.rules = rules;
        this.evaluations = evaluations;
        this.context = context;
    }

    @GetMapping("/rules")
    @PreAuthorize("hasAuthority('" + Permissions.RULES_EDIT + "')")
    String table(Model model) {
        model.addAttribute("table", rules.table(context.requireOrgCode(), context.year()));
        return "rules/rules";
    }

    @PostMapping("/rules/{key}")
    @PreAuthorize("hasAuthority('" + Permissions.RULES_EDIT + "')")
    String update(
            @PathVariable String key,
            @Valid @ModelAttribute("command") RuleCommand command,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        String error = null;
        if (binding.hasErrors()) {
            error = binding.getAllErrors().get(0).getDefaultMessage();
        } else {
            try {
                rules.update(context.orgCode(), context.year(), key, command);
                return Flash.done(redirect, "rules.flash.update", "/rules#rule-" + key);
            } catch (BusinessRuleException e) {
                error = e.getMessage();
            }
        }
        model.addAttribute("errorKey", key);
        model.addAttribute("error", error);
        model.addAttribute("failed", command);
        return table(model);
    }

    @PostMapping("/rules/{key}/default")
    @PreAuthorize("hasAuthority('" + Permissions.RULES_EDIT + "')")
    String restoreDefault(@PathVariable String key, @RequestParam long version, RedirectAttributes redirect) {
        rules.restoreDefault(context.orgCode(), context.year(), key, version);
        return Flash.done(redirect, "rules.flash.restoreDefault", "/rules#rule-" + key);
    }

    @GetMapping("/rules/findings")
    String findings(Model model) {
        EvaluationView evaluation = evaluations.latest(context.requireOrgCode(), context.year());
        model.addAttribute("evaluation", evaluation);
        model.addAttribute("byRule", byRule(evaluation.findings()));
        return "rules/findings";
    }

    @PostMapping("/rules/evaluation")
    @PreAuthorize("hasAuthority('" + Permissions.RULES_EDIT + "')")
    String evaluate(RedirectAttributes redirect) {
        EvaluationView done = evaluations.evaluate(context.orgCode(), context.year());
        return done.findings().isEmpty()
                ? Flash.done(redirect, "rules.flash.noFindings", "/rules/findings")
                : Flash.done(
                        redirect,
                        "rules.flash.findings",
                        "/rules/findings",
                        done.findings().size());
    }

    /** Findings grouped by rule name, in the order of the rules. */
    private static Map<String, List<FindingView>> byRule(List<FindingView> findings) {
        Map<String, List<FindingView>> grouped = new LinkedHashMap<>();
        for (FindingView f : findings) {
            grouped.computeIfAbsent(f.ruleName(), k -> new java.util.ArrayList<>())
                    .add(f);
        }
        return grouped;
    }
}
