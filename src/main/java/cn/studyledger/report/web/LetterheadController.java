package cn.studyledger.report.web;

import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.figure.Period;
import cn.studyledger.report.domain.ReportLetterheads;
import cn.studyledger.report.domain.ReportLetterheads.LetterheadCommand;
import cn.studyledger.report.domain.ReportLetterheads.LetterheadView;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 发文字号和签发人: what the working organisation's clerk copies from the 收发文 register for the year's report printed
 * as a 红头文件 ({@code /report/download.docx?letterhead=true}); {@link ReportRestController} for clients.
 */
@Controller
@PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
class LetterheadController {

    private final ReportLetterheads letterheads;
    private final WorkContext context;

    LetterheadController(ReportLetterheads letterheads, WorkContext context) {
        this.letterheads = letterheads;
        this.context = context;
    }

    @GetMapping("/report/letterhead")
    String form(@RequestParam(required = false) String period, Model model) {
        LetterheadView view = letterheads.view(context.requireOrgCode(), Period.parse(context.year(), period));
        model.addAttribute("command", view.toCommand());
        return page(model, view);
    }

    @PostMapping("/report/letterhead")
    String save(
            @RequestParam long version,
            @RequestParam(name = "period", required = false) String periodName,
            @Valid @ModelAttribute("command") LetterheadCommand command,
            BindingResult binding,
            FormPost post) {
        String orgCode = context.requireOrgCode();
        Period period = Period.parse(context.year(), periodName);
        return post.refused(model -> page(model, letterheads.view(orgCode, period)))
                .run(
                        () -> letterheads.save(orgCode, period, version, command),
                        "report.flash.letterhead",
                        "/report/letterhead" + (period.wholeYear() ? "" : "?period=" + period.apiName()));
    }

    private static String page(Model model, LetterheadView view) {
        model.addAttribute("letterhead", view);
        return "report/letterhead";
    }
}
