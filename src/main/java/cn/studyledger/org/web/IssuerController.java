package cn.studyledger.org.web;

import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.org.domain.IssuerCommand;
import cn.studyledger.org.domain.OrgService;
import cn.studyledger.org.domain.OrgService.IssuerNames;
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
 * 发文单位名称: the short and full names the working organisation's documents are issued under (the annual report's
 * title, text and signature, the meeting notices), set by its 学习秘书 on this page ({@link IssuerRestController}
 * for clients).
 */
@Controller
@PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
class IssuerController {

    private final OrgService orgs;
    private final WorkContext context;

    IssuerController(OrgService orgs, WorkContext context) {
        this.orgs = orgs;
        this.context = context;
    }

    @GetMapping("/org/issuer")
    String form(Model model) {
        IssuerNames names = orgs.issuerNames(context.requireOrgCode());
        model.addAttribute("command", names.toCommand());
        return page(model, names);
    }

    @PostMapping("/org/issuer")
    String save(
            @RequestParam long version,
            @Valid @ModelAttribute("command") IssuerCommand command,
            BindingResult binding,
            FormPost post) {
        String orgCode = context.requireOrgCode();
        return post.refused(model -> page(model, orgs.issuerNames(orgCode)))
                .run(() -> orgs.nameIssuer(orgCode, version, command), "org.flash.issuer", "/org/issuer");
    }

    private static String page(Model model, IssuerNames names) {
        model.addAttribute("names", names);
        return "org/issuer";
    }
}
