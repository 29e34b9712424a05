package cn.studyledger.org.web;

import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.Permissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The 审计日志 page of the AUDITOR, beside the other administrators' pages (accounts, roles). */
@Controller
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    @PreAuthorize("hasAuthority('" + Permissions.AUDIT_VIEW + "')")
    String audit(
            @RequestParam(required = false) String username,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("result", audit.search(username, action, Math.max(page, 0), 20));
        model.addAttribute("username", username);
        model.addAttribute("action", action);
        model.addAttribute("actions", AuditAction.values());
        return "audit/list";
    }
}
