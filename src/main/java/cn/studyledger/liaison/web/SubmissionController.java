package cn.studyledger.liaison.web;

import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Downloads;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.liaison.SubmissionKind;
import cn.studyledger.liaison.domain.SubmissionService;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 报送 page: the working organisation's own filings to its superior (with the button to file each kind) and the
 * matrix of its direct subordinate units × kinds with the decisions.
 */
@Controller
@PreAuthorize("hasAuthority('" + Permissions.SUBMISSION_VIEW + "')")
class SubmissionController {

    private final SubmissionService submissions;
    private final WorkContext context;

    SubmissionController(SubmissionService submissions, WorkContext context) {
        this.submissions = submissions;
        this.context = context;
    }

    @GetMapping("/submissions")
    String page(Model model) {
        model.addAttribute("matrix", submissions.matrix(context.requireOrgCode(), context.year()));
        model.addAttribute("kinds", SubmissionKind.values());
        model.addAttribute("year", context.year());
        return "liaison/submissions";
    }

    @PostMapping("/submissions")
    @PreAuthorize("hasAuthority('" + Permissions.SUBMISSION_FILE + "')")
    String file(@RequestParam SubmissionKind kind, RedirectAttributes redirect) {
        return Flash.attempt(
                redirect,
                "error",
                () -> submissions.file(context.requireOrgCode(), kind, context.year()),
                "liaison.flash.filed",
                "/submissions");
    }

    @PostMapping("/submissions/{id}/decision")
    @PreAuthorize("hasAuthority('" + Permissions.SUBMISSION_DECIDE + "')")
    String decide(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam boolean accept,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        return Flash.attempt(
                redirect,
                "error",
                () -> submissions.decide(id, version, accept, comment),
                accept ? "liaison.flash.accepted" : "liaison.flash.returned",
                "/submissions");
    }

    @GetMapping("/submissions/{id}/file")
    ResponseEntity<InputStreamResource> download(@PathVariable long id) {
        return Downloads.attachment(submissions.download(id));
    }
}
