package cn.studyledger.config.web;

import cn.studyledger.common.web.WorkContext;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page and the organisation / year switcher of the top bar. */
@Controller
class ShellController {

    private final WorkContext context;
    private final OrgApi orgs;

    ShellController(WorkContext context, OrgApi orgs) {
        this.context = context;
        this.orgs = orgs;
    }

    @GetMapping("/login")
    String login() {
        return "login";
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
}
