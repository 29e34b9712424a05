package cn.studyledger.supervision.web;

import cn.studyledger.common.PageResult;
import cn.studyledger.common.web.PageQuery;
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
import cn.studyledger.supervision.domain.SupervisionViews.Coverage;
import cn.studyledger.supervision.domain.SupervisionViews.CriteriaView;
import cn.studyledger.supervision.domain.SupervisionViews.RectificationRow;
import cn.studyledger.supervision.domain.SupervisionViews.VisitDetail;
import cn.studyledger.supervision.domain.SupervisionViews.VisitRow;
import cn.studyledger.supervision.domain.VisitCommand;
import cn.studyledger.supervision.domain.VisitService;
import cn.studyledger.supervision.domain.VisitWorkflow;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Supervision through the API; every change carries the version it was based on. */
@RestController
@RequestMapping("/api/v1")
class SupervisionRestController {

    private final VisitService visits;
    private final VisitWorkflow workflow;
    private final RectificationService rectifications;
    private final CriteriaService criteria;

    SupervisionRestController(
            VisitService visits,
            VisitWorkflow workflow,
            RectificationService rectifications,
            CriteriaService criteria) {
        this.visits = visits;
        this.workflow = workflow;
        this.rectifications = rectifications;
        this.criteria = criteria;
    }

    /** The year's visits concerning the organisation: those it makes and those made to it. */
    @GetMapping("/orgs/{orgCode}/years/{year}/supervision/visits")
    PageResult<VisitRow> list(
            @PathVariable String orgCode,
            @PathVariable int year,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) VisitStage stage,
            PageQuery paging) {
        return visits.search(orgCode, year, unit, stage, paging.page(), paging.size());
    }

    @GetMapping("/orgs/{orgCode}/years/{year}/supervision/coverage")
    Coverage coverage(@PathVariable String orgCode, @PathVariable int year) {
        return visits.coverage(orgCode, year);
    }

    @GetMapping("/orgs/{orgCode}/years/{year}/supervision/criteria")
    CriteriaView criteria(@PathVariable String orgCode, @PathVariable int year) {
        return criteria.view(orgCode, year);
    }

    @PutMapping("/orgs/{orgCode}/years/{year}/supervision/criteria")
    CriteriaView replaceCriteria(
            @PathVariable String orgCode,
            @PathVariable int year,
            @RequestParam long version,
            @Valid @RequestBody CriteriaCommand command) {
        return criteria.replace(orgCode, year, version, command);
    }

    @PostMapping("/orgs/{orgCode}/supervision/visits")
    @ResponseStatus(HttpStatus.CREATED)
    VisitDetail plan(@PathVariable String orgCode, @Valid @RequestBody VisitCommand command) {
        return visits.plan(orgCode, command);
    }

    @GetMapping("/supervision/visits/{id}")
    VisitDetail get(@PathVariable long id) {
        return visits.get(id);
    }

    @PutMapping("/supervision/visits/{id}")
    VisitDetail replan(@PathVariable long id, @RequestParam long version, @Valid @RequestBody VisitCommand command) {
        return visits.replan(id, version, command);
    }

    @DeleteMapping("/supervision/visits/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable long id, @RequestParam long version) {
        visits.remove(id, version);
    }

    /** Stage 1 (the unit's clerk): multipart with the 学习方案 text and the files. */
    @PostMapping(value = "/supervision/visits/{id}/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    VisitDetail submit(
            @PathVariable long id,
            @RequestParam long version,
            @Valid SubmissionCommand command,
            @RequestPart(value = "materials", required = false) List<MultipartFile> materials,
            @RequestPart(value = "outlines", required = false) List<MultipartFile> outlines) {
        return workflow.submit(id, version, command, materials, outlines);
    }

    @PostMapping("/supervision/visits/{id}/approve")
    VisitDetail approve(@PathVariable long id, @RequestParam long version, @Valid @RequestBody ReviewCommand command) {
        return workflow.approve(id, version, command);
    }

    @PostMapping("/supervision/visits/{id}/return")
    VisitDetail returnForRevision(
            @PathVariable long id, @RequestParam long version, @Valid @RequestBody ReviewCommand command) {
        return workflow.returnForRevision(id, version, command);
    }

    @PostMapping("/supervision/visits/{id}/observation")
    VisitDetail observe(
            @PathVariable long id, @RequestParam long version, @Valid @RequestBody ObservationCommand command) {
        return workflow.observe(id, version, command);
    }

    @PostMapping("/supervision/visits/{id}/summary")
    VisitDetail summarise(
            @PathVariable long id, @RequestParam long version, @Valid @RequestBody SummaryCommand command) {
        return workflow.summarise(id, version, command);
    }

    @PostMapping("/supervision/visits/{id}/close")
    VisitDetail close(@PathVariable long id, @RequestParam long version) {
        return workflow.close(id, version);
    }

    @PostMapping("/supervision/visits/{id}/rectifications")
    @ResponseStatus(HttpStatus.CREATED)
    RectificationRow raise(@PathVariable long id, @Valid @RequestBody RectificationCommand command) {
        return rectifications.raise(id, command);
    }

    @GetMapping("/supervision/rectifications/{id}")
    RectificationRow rectification(@PathVariable long id) {
        return rectifications.get(id);
    }

    @PostMapping("/supervision/rectifications/{id}/complete")
    RectificationRow complete(
            @PathVariable long id, @RequestParam long version, @Valid @RequestBody CompletionCommand command) {
        return rectifications.complete(id, version, command, null);
    }

    @PostMapping("/supervision/rectifications/{id}/close")
    RectificationRow closeItem(@PathVariable long id, @RequestParam long version) {
        return rectifications.close(id, version);
    }

    @PostMapping("/supervision/rectifications/{id}/send-back")
    RectificationRow sendBack(
            @PathVariable long id, @RequestParam long version, @Valid @RequestBody ReasonCommand command) {
        return rectifications.sendBack(id, version, command);
    }

    @PostMapping("/supervision/rectifications/{id}/cancel")
    RectificationRow cancel(
            @PathVariable long id, @RequestParam long version, @Valid @RequestBody ReasonCommand command) {
        return rectifications.cancel(id, version, command);
    }
}
