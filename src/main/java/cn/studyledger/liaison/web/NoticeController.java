package cn.studyledger.liaison.web;

import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.liaison.domain.AcknowledgementCommand;
import cn.studyledger.liaison.domain.NoticeService;
import cn.studyledger.liaison.domain.NoticeViews;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pages of 学习提示: the working organisation's issued notices (with search) and its inbox, a new notice, and a
 * notice — its units' status for the issuer, the 签收 form for a target unit's clerk.
 */
@Controller
@PreAuthorize("hasAuthority('" + Permissions.NOTICE_VIEW + "')")
class NoticeController {

    private static final String ISSUE = "hasAuthority('" + Permissions.NOTICE_ISSUE + "')";

    private final NoticeService notices;
    private final WorkContext context;

    NoticeController(NoticeService notices, WorkContext context) {
        this.notices = notices;
        this.context = context;
    }

    @GetMapping("/notices")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        String org = context.requireOrgCode();
        model.addAttribute("issued", notices.issued(org, context.year(), q, page, 20));
        model.addAttribute(
                "inbox",
                notices.inbox(
                        org, null)); // every year's: a notice issued today must not wait for the working year to change
        model.addAttribute("issues", notices.issues(org));
        model.addAttribute("q", q);
        model.addAttribute("year", context.year());
        return "liaison/notices";
    }

    @GetMapping("/notices/new")
    @PreAuthorize(ISSUE)
    String newForm(Model model) {
        if (!notices.issues(context.requireOrgCode())) {
            throw new AccessDeniedException("本组织没有下属单位，无需发布学习提示");
        }
        return form(model, NoticeForm.empty());
    }

    @PostMapping("/notices")
    @PreAuthorize(ISSUE)
    String issue(@Valid @ModelAttribute("command") NoticeForm form, BindingResult binding, FormPost post) {
        return post.refused(model -> form(model, form)).answer(() -> {
            NoticeViews.Notice issued = notices.issue(context.requireOrgCode(), form.toCommand());
            return post.done("liaison.flash.issued", "/notices/" + issued.id(), issued.title(), issued.targets());
        });
    }

    @GetMapping("/notices/{id}")
    String detail(@PathVariable long id, Model model) {
        NoticeViews.Notice notice = notices.get(id);
        model.addAttribute("notice", notice);
        model.addAttribute("status", notice.issuerView() ? notices.status(id) : null);
        model.addAttribute("ack", notices.acknowledging(id));
        return "liaison/notice";
    }

    @PostMapping("/notices/{id}/acknowledgement")
    @PreAuthorize("hasAuthority('" + Permissions.NOTICE_ACKNOWLEDGE + "')")
    String acknowledge(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) List<Long> sessionIds,
            FormPost post) {
        return post.refused(model -> detail(id, model))
                .run(
                        () -> notices.acknowledge(id, version, new AcknowledgementCommand(unit, note, sessionIds)),
                        "liaison.flash.acknowledged",
                        "/notices/" + id);
    }

    private String form(Model model, NoticeForm form) {
        model.addAttribute("command", form);
        model.addAttribute("units", notices.units(context.requireOrgCode()));
        return "liaison/notice-form";
    }
}
