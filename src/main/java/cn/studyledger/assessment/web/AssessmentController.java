package cn.studyledger.assessment.web;

import cn.studyledger.assessment.domain.AssessmentCommands.AdjustmentCommand;
import cn.studyledger.assessment.domain.AssessmentCommands.CommendationCommand;
import cn.studyledger.assessment.domain.AssessmentCommands.CriteriaCommand;
import cn.studyledger.assessment.domain.AssessmentCommands.ObjectionCommand;
import cn.studyledger.assessment.domain.AssessmentCommands.ReplyCommand;
import cn.studyledger.assessment.domain.AssessmentCommands.ReturnCommand;
import cn.studyledger.assessment.domain.AssessmentService;
import cn.studyledger.assessment.domain.AssessmentViews.Board;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Downloads;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.figure.FigureApi;
import cn.studyledger.figure.FigureDefinition;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
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
 * The 年度考核 pages: the working organisation's assessment of its direct subordinate units (its clerk prepares,
 * publishes, answers and issues; its 组长 approves or sends back) and the working organisation's own scorecard in the
 * assessment of the organisation above it, with its objection.
 */
@Controller
@PreAuthorize("hasAuthority('" + Permissions.ASSESSMENT_VIEW + "')")
class AssessmentController {

    private static final String BOARD = "/assessment";
    private static final String CARD = "/scorecard";

    private final AssessmentService assessments;
    private final WorkContext context;
    private final FigureApi figures;
    private final Validator validator;

    AssessmentController(AssessmentService assessments, WorkContext context, FigureApi figures, Validator validator) {
        this.assessments = assessments;
        this.context = context;
        this.figures = figures;
        this.validator = validator;
    }

    @GetMapping(BOARD)
    String board(@RequestParam(defaultValue = "org") String sort, Model model) {
        model.addAttribute("board", assessments.board(context.requireOrgCode(), context.year(), sort));
        return "assessment/board";
    }

    @GetMapping(CARD)
    String scorecard(Model model) {
        model.addAttribute("card", assessments.scorecard(context.requireOrgCode(), context.year()));
        return "assessment/scorecard";
    }

    /** The criteria and settings of the year's assessment, to change while a draft. */
    @GetMapping(BOARD + "/criteria")
    @PreAuthorize("hasAuthority('" + Permissions.ASSESSMENT_EDIT + "')")
    String criteria(Model model) {
        Board board = assessments.board(context.requireOrgCode(), context.year(), null);
        return criteriaPage(model, board, CriteriaForm.of(board), null);
    }

    @PostMapping(BOARD + "/criteria")
    @PreAuthorize("hasAuthority('" + Permissions.ASSESSMENT_EDIT + "')")
    String saveCriteria(@ModelAttribute("form") CriteriaForm form, Model model, RedirectAttributes redirect) {
        CriteriaCommand command = form.command();
        String refusal = validator.validate(command).stream()
                .map(ConstraintViolation::getMessage)
                .sorted()
                .findFirst()
                .orElse(null);
        if (refusal == null) {
            try {
                assessments.configure(context.requireOrgCode(), context.year(), form.getVersion(), command);
                return Flash.done(redirect, "assessment.flash.criteria", BOARD);
            } catch (BusinessRuleException e) {
                refusal = e.getMessage();
            }
        }
        // the clerk stays on the page with what was typed, and the reason
        form.getRows().removeIf(r -> r.getLabel() == null || r.getLabel().isBlank());
        form.addBlankRows();
        return criteriaPage(model, assessments.board(context.requireOrgCode(), context.year(), null), form, refusal);
    }

    private String criteriaPage(Model model, Board board, CriteriaForm form, String refusal) {
        model.addAttribute("board", board);
        model.addAttribute("form", form);
        model.addAttribute(
                "figures",
                figures.definitions().stream()
                        .filter(d -> d.kind() != FigureDefinition.Kind.TEXT)
                        .toList());
        model.addAttribute("assessmentError", refusal);
        return "assessment/criteria";
    }

    @PostMapping(BOARD + "/adjustments")
    @PreAuthorize("hasAuthority('" + Permissions.ASSESSMENT_EDIT + "')")
    String adjust(@Valid @ModelAttribute AdjustmentCommand command, BindingResult errors, RedirectAttributes redirect) {
        return attempt(
                errors,
                redirect,
                BOARD,
                () -> assessments.adjust(context.requireOrgCode(), context.year(), command),
                "assessment.flash.adjusted");
    }

    @PostMapping(BOARD + "/adjustments/{id}/delete")
    @PreAuthorize("hasAuthority('" + Permissions.ASSESSMENT_EDIT + "')")
    String removeAdjustment(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        return Flash.attempt(
                redirect,
                "assessmentError",
                () -> assessments.removeAdjustment(id, version),
                "assessment.flash.adjustmentRemoved",
                BOARD);
    }

    @PostMapping(BOARD + "/commendations")
    @PreAuthorize("hasAuthority('" + Permissions.ASSESSMENT_EDIT + "')")
    String commend(
            @Valid @ModelAttribute CommendationCommand command, BindingResult errors, RedirectAttributes redirect) {
        return attempt(
                errors,
                redirect,
                BOARD,
                () -> assessments.commend(context.requireOrgCode(), context.year(), command),
                "assessment.flash.commended");
    }

    @PostMapping(BOARD + "/commendations/{id}/delete")
    @PreAuthorize("hasAuthority('" + Permissions.ASSESSMENT_EDIT + "')")
    String removeCommendation(@PathVariable long id, RedirectAttributes redirect) {
        return Flash.attempt(
                redirect,
                "assessmentError",
                () -> assessments.removeCommendation(id),
                "assessment.flash.commendationRemoved",
                BOARD);
    }

    @PostMapping(BOARD + "/publish")
    @PreAuthorize("hasAuthority('" + Permissions.ASSESSMENT_EDIT + "')")
    String publish(@RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return Flash.attempt(
                redirect,
                "assessmentError",
                () -> assessments.publish(context.requireOrgCode(), context.year(), version),
                "assessment.flash.published",
                BOARD);
    }

    @PostMapping(BOARD + "/approve")
    @PreAuthorize("hasAuthority('" + Permissions.ASSESSMENT_APPROVE + "')")
    String approve(@RequestParam long version, RedirectAttributes redirect) {
        return Flash.attempt(
                redirect,
                "assessmentError",
                () -> assessments.approve(context.requireOrgCode(), context.year(), version),
                "assessment.flash.approved",
                BOARD);
    }

    @PostMapping(BOARD + "/return")
    @PreAuthorize("hasAuthority('" + Permissions.ASSESSMENT_APPROVE + "')")
    String returnToDraft(
            @RequestParam long version,
            @Valid @ModelAttribute ReturnCommand command,
            BindingResult errors,
            RedirectAttributes redirect) {
        return attempt(
                errors,
                redirect,
                BOARD,
                () -> assessments.returnToDraft(context.requireOrgCode(), context.year(), version, command.comment()),
                "assessment.flash.returned");
    }

    @PostMapping(BOARD + "/issue")
    @PreAuthorize("hasAuthority('" + Permissions.ASSESSMENT_EDIT + "')")
    String issue(
            @RequestParam long version,
            @RequestParam(required = false) String documentNumber,
            RedirectAttributes redirect) {
        return Flash.attempt(
                redirect,
                "assessmentError",
                () -> assessments.issue(context.requireOrgCode(), context.year(), version, documentNumber),
                "assessment.flash.issued",
                BOARD);
    }

    @GetMapping(BOARD + "/document")
    ResponseEntity<InputStreamResource> document() {
        return Downloads.attachment(assessments.document(context.requireOrgCode(), context.year()));
    }

    @PostMapping(BOARD + "/objections/{id}/reply")
    @PreAuthorize("hasAuthority('" + Permissions.ASSESSMENT_EDIT + "')")
    String reply(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute ReplyCommand command,
            BindingResult errors,
            RedirectAttributes redirect) {
        return attempt(
                errors,
                redirect,
                BOARD,
                () -> assessments.reply(id, version, command.reply()),
                "assessment.flash.replied");
    }

    @PostMapping(CARD + "/objections")
    @PreAuthorize("hasAuthority('" + Permissions.ASSESSMENT_OBJECT + "')")
    String object(@Valid @ModelAttribute ObjectionCommand command, BindingResult errors, RedirectAttributes redirect) {
        return attempt(
                errors,
                redirect,
                CARD,
                () -> assessments.object(context.requireOrgCode(), context.year(), command.content()),
                "assessment.flash.objected");
    }

    /** The form's first refusal beside it, or the action with its message. */
    private static String attempt(
            BindingResult errors, RedirectAttributes redirect, String target, Runnable action, String key) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute(
                    "assessmentError", errors.getAllErrors().get(0).getDefaultMessage());
            return "redirect:" + target;
        }
        return Flash.attempt(redirect, "assessmentError", action, key, target);
    }
}
