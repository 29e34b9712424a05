package cn.studyledger.config;

import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.validation.InputLimits;
import cn.studyledger.common.web.Can;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Puts the working organisation and year, the organisations the user may switch to and what the user holds
 * ({@link Can}) on every page.
 */
@ControllerAdvice(annotations = Controller.class)
class WorkContextAdvice {

    private final WorkContext context;
    private final OrgApi orgs;
    private final Integer defaultYear;
    private final boolean demoMode;
    private final Clock clock;
    private final InputLimits limits;

    WorkContextAdvice(
            WorkContext context,
            OrgApi orgs,
            @Value("${ledger.default-year:#{null}}") Integer defaultYear,
            @Value("${ledger.demo-mode:false}") boolean demoMode,
            InputLimits limits,
            Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.context = context;
        this.orgs = orgs;
        this.defaultYear = defaultYear;
        this.demoMode = demoMode;
    }

    /**
     * Form commands are records, made by their constructors; what the constructor took is then offered to setter
     * binding too, which cannot set a record's parts and would try to grow a list of records (an agenda row the
     * command left out as blank) into a 500. Such parameters are ignored: the constructor has bound them.
     */
    @InitBinder
    void bindRecordsByTheirConstructorsOnly(WebDataBinder binder) {
        binder.setIgnoreInvalidFields(true);
    }

    @ModelAttribute
    void addContext(Model model, @RequestParam(name = "workYear", required = false) String workYear) {
        model.addAttribute("demoMode", demoMode);
        model.addAttribute("can", Can.current());
        LedgerUser user = CurrentUser.find().orElse(null);
        if (user == null) {
            return;
        }
        List<OrgRef> readable = orgs.readableOrgs();
        if (!context.isInitialised()) {
            OrgRef home = readable.stream()
                    .filter(o -> o.id() == user.orgId())
                    .findFirst()
                    .orElse(readable.isEmpty() ? null : readable.get(0));
            int year = defaultYear != null ? defaultYear : LocalDate.now(clock).getYear();
            context.switchTo(home == null ? null : home.code(), home == null ? null : home.name(), year);
        }
        openIn(workYear);
        model.addAttribute("ctx", context);
        model.addAttribute("readableOrgs", readable);
        model.addAttribute("currentUser", user);
    }

    /**
     * A link into another study year ({@code ?workYear=2025}, as the work list's items of that year carry) switches
     * the working year before the page reads it; anything but a year within ledger.input.* is ignored.
     */
    private void openIn(String workYear) {
        if (workYear == null || !workYear.matches("\\d{4}") || !context.hasOrg()) {
            return;
        }
        int year = Integer.parseInt(workYear);
        if (limits.isRecordYear(year) && year != context.year()) {
            context.switchTo(context.orgCode(), context.orgName(), year);
        }
    }
}
