package cn.studyledger.dashboard.web;

import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.session.SessionApi;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Home: what needs doing in the working organisation, for whichever roles the user holds. */
@Controller
class HomeController {

    private final WorkContext context;
    private final OrgApi orgs;
    private final SessionApi sessions;
    private final Clock clock;

    HomeController(WorkContext context, OrgApi orgs, SessionApi sessions, Clock clock) {
        this.context = context;
        this.orgs = orgs;
        this.sessions = sessions;
        this.clock = clock;
    }

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
}
