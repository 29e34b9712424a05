package cn.studyledger.rules.web;

import cn.studyledger.rules.domain.EvaluationService;
import cn.studyledger.rules.domain.RuleCommand;
import cn.studyledger.rules.domain.RuleService;
import cn.studyledger.rules.domain.RuleViews.EvaluationView;
import cn.studyledger.rules.domain.RuleViews.RuleRow;
import cn.studyledger.rules.domain.RuleViews.RuleTable;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The rules and their findings through the API; a rule change carries the version it was based on (409 if stale). */
@RestController
@RequestMapping("/api/v1/orgs/{orgCode}/years/{year}")
class RulesRestController {

    private final RuleService rules;
    private final EvaluationService evaluations;

    RulesRestController(RuleService rules, EvaluationService evaluations) {
        this.rules = rules;
        this.evaluations = evaluations;
    }

    @GetMapping("/rules")
    RuleTable table(@PathVariable String orgCode, @PathVariable int year) {
        return rules.table(orgCode, year);
    }

    @GetMapping("/rules/{key}")
    RuleRow rule(@PathVariable String orgCode, @PathVariable int year, @PathVariable String key) {
        return rules.rule(orgCode, year, key);
    }

    @PutMapping("/rules/{key}")
    RuleRow update(
            @PathVariable String orgCode,
            @PathVariable int year,
            @PathVariable String key,
            @Valid @RequestBody RuleCommand command) {
        return rules.update(orgCode, year, key, command);
    }

    /** 恢复默认. */
    @PostMapping("/rules/{key}/default")
    RuleRow restoreDefault(
            @PathVariable String orgCode,
            @PathVariable int year,
            @PathVariable String key,
            @RequestParam long version) {
        return rules.restoreDefault(orgCode, year, key, version);
    }

    /** 立即检查: evaluates now and returns the findings. */
    @PostMapping("/rules/evaluation")
    EvaluationView evaluate(@PathVariable String orgCode, @PathVariable int year) {
        return evaluations.evaluate(orgCode, year);
    }

    /** The latest evaluation's findings (evaluated now when the year has none). */
    @GetMapping("/findings")
    EvaluationView findings(@PathVariable String orgCode, @PathVariable int year) {
        return evaluations.latest(orgCode, year);
    }
}
