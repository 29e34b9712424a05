package cn.studyledger.plan.web;

import cn.studyledger.common.NotFoundException;
import cn.studyledger.plan.domain.PlanCommand;
import cn.studyledger.plan.domain.PlanService;
import cn.studyledger.plan.domain.PlanViews.PlanDetail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
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

/** Annual plans through the API; every change carries the version it was based on. */
@RestController
@RequestMapping("/api/v1")
@Validated
class PlanRestController {

    private final PlanService plans;

    PlanRestController(PlanService plans) {
        this.plans = plans;
    }

    /** The 组长's comment on an approval or a return. */
    record DecisionBody(
            @Size(max = 500, message = "审批意见最长500字") String comment) {}

    @GetMapping("/orgs/{orgCode}/years/{year}/plan")
    PlanDetail current(@PathVariable String orgCode, @PathVariable int year) {
        return plans.current(orgCode, year).orElseThrow(() -> new NotFoundException("本年度尚未制定学习计划"));
    }

    @PostMapping("/orgs/{orgCode}/years/{year}/plan")
    @ResponseStatus(HttpStatus.CREATED)
    PlanDetail create(
            @PathVariable String orgCode,
            @PathVariable int year,
            @Valid @RequestBody(required = false) PlanCommand command) {
        return plans.create(orgCode, year, command);
    }

    @GetMapping("/plans/{id}")
    PlanDetail get(@PathVariable long id) {
        return plans.get(id);
    }

    @PutMapping("/plans/{id}")
    PlanDetail edit(@PathVariable long id, @RequestParam long version, @Valid @RequestBody PlanCommand command) {
        return plans.edit(id, version, command);
    }

    @PostMapping("/plans/{id}/submit")
    PlanDetail submit(@PathVariable long id, @RequestParam long version) {
        return plans.submit(id, version);
    }

    @PostMapping("/plans/{id}/approve")
    PlanDetail approve(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @RequestBody(required = false) DecisionBody body) {
        return plans.approve(id, version, body == null ? null : body.comment());
    }

    @PostMapping("/plans/{id}/return")
    PlanDetail sendBack(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @RequestBody(required = false) DecisionBody body) {
        return plans.sendBack(id, version, body == null ? null : body.comment());
    }

    @PostMapping("/plans/{id}/revise")
    @ResponseStatus(HttpStatus.CREATED)
    PlanDetail revise(@PathVariable long id, @RequestParam long version) {
        return plans.revise(id, version);
    }

    @PutMapping("/plans/{id}/arrangements/{aid}/sessions")
    PlanDetail link(@PathVariable long id, @PathVariable long aid, @RequestBody List<Long> sessionIds) {
        return plans.linkSessions(id, aid, sessionIds);
    }
}
