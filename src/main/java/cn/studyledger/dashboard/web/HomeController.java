package cn.studyledger.dashboard.web;

import cn.studyledger.common.web.WorkContext;
import cn.studyledger.dashboard.domain.WorkList;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Home: the work list in the working organisation, for whichever roles the user holds, whatever the year. */
@Controller
class HomeController {

    private final WorkContext context;
    private final WorkList work;

    HomeController(WorkContext context, WorkList work) {
        this.context = context;
        this.work = work;
    }

    @GetMapping("/")
    String home(Model model) {
        if (context.hasOrg()) {
            model.addAttribute("todos", work.todos(context.orgCode()));
        }
        return "home";
    }
}
