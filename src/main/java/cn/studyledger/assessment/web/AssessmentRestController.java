package cn.studyledger.assessment.web;

import cn.studyledger.assessment.domain.AssessmentCommands.AdjustmentCommand;
import cn.studyledger.assessment.domain.AssessmentCommands.CommendationCommand;
import cn.studyledger.assessment.domain.AssessmentCommands.CriteriaCommand;
import cn.studyledger.assessment.domain.AssessmentCommands.ObjectionCommand;
import cn.studyledger.assessment.domain.AssessmentCommands.ReplyCommand;
import cn.studyledger.assessment.domain.AssessmentCommands.ReturnCommand;
import cn.studyledger.assessment.domain.AssessmentService;
import cn.studyledger.assessment.domain.AssessmentViews.Board;
import cn.studyledger.assessment.domain.AssessmentViews.Scorecard;
import cn.studyledger.common.web.Downloads;
import cn.studyledger.figure.Evidence;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 年度考核: the organisation's assessment of its direct subordinate units ({@code /orgs/{orgCode}/years/{year}/assessment})
 * and a unit's own scorecard in its superior's ({@code /orgs/{orgCode}/years/{year}/scorecard}).
 */
@RestController
@RequestMapping("/api/v1")
class AssessmentRestController {

    private static final String BASE = "/orgs/{orgCode}/years/{year}/assessment";

    private final AssessmentService assessments;

    AssessmentRestController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    /** A number set by the issuer for its own view: {@code sort=score}; the organisation's order by default. */
    @GetMapping(BASE)
    Board board(@PathVariable String orgCode, @PathVariable int year, @RequestParam(required = false) String sort) {
        return assessments.board(orgCode, year, sort);
    }

    @PutMapping(BASE + "/criteria")
    Board criteria(
            @PathVariable String orgCode,
            @PathVariable int year,
            @RequestParam(required = false) Long version,
            @Valid @RequestBody CriteriaCommand command) {
        assessments.configure(orgCode, year, version, command);
        return assessments.board(orgCode, year, null);
    }

    @PostMapping(BASE + "/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    Board adjust(@PathVariable String orgCode, @PathVariable int year, @Valid @RequestBody AdjustmentCommand command) {
        assessments.adjust(orgCode, year, command);
        return assessments.board(orgCode, year, null);
    }

    @DeleteMapping("/assessment/adjustments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeAdjustment(@PathVariable long id, @RequestParam long version) {
        assessments.removeAdjustment(id, version);
    }

    @PostMapping(BASE + "/commendations")
    @ResponseStatus(HttpStatus.CREATED)
    Board commend(
            @PathVariable String orgCode, @PathVariable int year, @Valid @RequestBody CommendationCommand command) {
        assessments.commend(orgCode, year, command);
        return assessments.board(orgCode, year, null);
    }

    @DeleteMapping("/assessment/commendations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeCommendation(@PathVariable long id) {
        assessments.removeCommendation(id);
    }

    @PostMapping(BASE + "/publish")
    Board publish(@PathVariable String orgCode, @PathVariable int year, @RequestParam(required = false) Long version) {
        assessments.publish(orgCode, year, version);
        return assessments.board(orgCode, year, null);
    }

    @PostMapping(BASE + "/approve")
    Board approve(@PathVariable String orgCode, @PathVariable int year, @RequestParam long version) {
        assessments.approve(orgCode, year, version);
        return assessments.board(orgCode, year, null);
    }

    @PostMapping(BASE + "/return")
    Board returnToDraft(
            @PathVariable String orgCode,
            @PathVariable int year,
            @RequestParam long version,
            @Valid @RequestBody ReturnCommand command) {
        assessments.returnToDraft(orgCode, year, version, command.comment());
        return assessments.board(orgCode, year, null);
    }

    /** The 文号 of the 通报 is optional. */
    record IssueCommand(
            @Size(max = 100, message = "文号不超过100字") String documentNumber) {}

    @PostMapping(BASE + "/issue")
    Board issue(
            @PathVariable String orgCode,
            @PathVariable int year,
            @RequestParam long version,
            @Valid @RequestBody(required = false) IssueCommand command) {
        assessments.issue(orgCode, year, version, command == null ? null : command.documentNumber());
        return assessments.board(orgCode, year, null);
    }

    @GetMapping(BASE + "/document")
    ResponseEntity<InputStreamResource> document(@PathVariable String orgCode, @PathVariable int year) {
        return Downloads.attachment(assessments.document(orgCode, year));
    }

    @GetMapping(BASE + "/units/{unitCode}/figures/{key}/evidence")
    List<Evidence> evidence(
            @PathVariable String orgCode,
            @PathVariable int year,
            @PathVariable String unitCode,
            @PathVariable String key) {
        return assessments.unitEvidence(orgCode, year, unitCode, key);
    }

    @GetMapping("/orgs/{orgCode}/years/{year}/scorecard")
    Scorecard scorecard(@PathVariable String orgCode, @PathVariable int year) {
        return assessments.scorecard(orgCode, year);
    }

    @PostMapping("/orgs/{orgCode}/years/{year}/scorecard/objections")
    @ResponseStatus(HttpStatus.CREATED)
    Scorecard object(
            @PathVariable String orgCode, @PathVariable int year, @Valid @RequestBody ObjectionCommand command) {
        return assessments.object(orgCode, year, command.content());
    }

    @PostMapping("/assessment/objections/{id}/reply")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reply(@PathVariable long id, @RequestParam long version, @Valid @RequestBody ReplyCommand command) {
        assessments.reply(id, version, command.reply());
    }
}
