package cn.studyledger.tracking.web;

import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.HtmxFragment;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.tracking.DayKind;
import cn.studyledger.tracking.domain.CalendarCommand;
import cn.studyledger.tracking.domain.CalendarService;
import cn.studyledger.tracking.domain.OverdueService;
import jakarta.validation.Valid;
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

/** The overdue list across modules (逾期事项) and the working-day calendar (节假日设置). */
@Controller
class TrackingController {

    private final OverdueService overdue;
    private final CalendarService calendar;
    private final WorkContext context;

    TrackingController(OverdueService overdue, CalendarService calendar, WorkContext context) {
        this.overdue = overdue;
        this.calendar = calendar;
        this.context = context;
    }

    @HtmxFragment("results")
    @GetMapping("/tracking/overdue")
    String overdue(
            @RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", overdue.page(context.orgCode(), kind, page, 20));
        model.addAttribute("kinds", overdue.kinds());
        model.addAttribute("kind", kind == null ? "" : kind);
        return "tracking/overdue";
    }

    @GetMapping("/tracking/calendar")
    String calendar(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null || year < 2000 || year > 2100 ? context.year() : year;
        if (!model.containsAttribute("command")) {
            model.addAttribute("command", new CalendarCommand(null, DayKind.HOLIDAY, ""));
        }
        model.addAttribute("year", shown);
        model.addAttribute("days", calendar.days(shown));
        model.addAttribute("dayKinds", DayKind.values());
        return "tracking/calendar";
    }

    @PostMapping("/tracking/calendar")
    @PreAuthorize("hasAuthority('" + Permissions.ORG_EDIT + "')")
    String add(@Valid @ModelAttribute("command") CalendarCommand command, BindingResult binding, FormPost post) {
        return post.refused(model ->
                        calendar(command.day() == null ? null : command.day().getYear(), model))
                .run(
                        () -> calendar.add(command),
                        "common.saved",
                        "/tracking/calendar"
                                + (command.day() == null
                                        ? ""
                                        : "?year=" + command.day().getYear()));
    }

    @PostMapping("/tracking/calendar/{id}/delete")
    @PreAuthorize("hasAuthority('" + Permissions.ORG_EDIT + "')")
    String remove(
            @PathVariable long id, @RequestParam long version, @RequestParam int year, RedirectAttributes redirect) {
        calendar.remove(id, version);
        return Flash.done(redirect, "common.deleted", "/tracking/calendar?year=" + year);
    }
}
