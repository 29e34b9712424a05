package cn.studyledger.config.web;

import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.session.SessionApi;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page, the home page, the organisation / year switcher and the audit log page. */
@Controller
class ShellController {

    private final WorkContext context;
    private final OrgApi orgs;
    private final SessionApi sessions;
    private final AuditLog audit;
    private final Clock clock;

    ShellController(WorkContext context, OrgApi orgs, SessionApi sessions, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.context = context;
        this.orgs = orgs;
        this.sessions = sessions;
        this.audit = audit;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Home: what needs doing in the working organisation, for whichever roles the user holds. */
    @GetMapping("/")
    String home(Model model) {
        if (context.hasOrg()) {
            OrgRef org = orgs.requireReadable(context.orgCode());
            model.addAttribute(
                    "todo",
                    sessions.todo(
                            org.id(),
                            LocalDate.now(clock),
                            CurrentUser.require().personId()));
        }
        return "home";
    }

    @PostMapping("/context")
    String switchContext(@RequestParam String orgCode, @RequestParam int year, HttpServletRequest request) {
        if (year < 2000 || year > 2100) {
            year = context.year();
        }
        OrgRef org = orgs.requireReadable(orgCode);
        context.switchTo(org.code(), org.name(), year);
        String back = request.getHeader("Referer");
        return "redirect:"
                + (back != null && back.startsWith(request.getScheme() + "://" + request.getServerName()) ? back : "/");
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
