package cn.studyledger.tracking.web;

import cn.studyledger.tracking.OverdueItem;
import cn.studyledger.tracking.domain.CalendarCommand;
import cn.studyledger.tracking.domain.CalendarRow;
import cn.studyledger.tracking.domain.CalendarService;
import cn.studyledger.tracking.domain.OverdueService;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The overdue list and the working-day calendar through the API. */
@RestController
@RequestMapping("/api/v1")
class TrackingRestController {

    private final OverdueService overdue;
    private final CalendarService calendar;

    TrackingRestController(OverdueService overdue, CalendarService calendar) {
        this.overdue = overdue;
        this.calendar = calendar;
    }

    /** Overdue items of the organisation, of every kind or of one ({@code kind}, e.g. supervision.rectification). */
    @GetMapping("/orgs/{orgCode}/overdue")
    List<OverdueItem> overdue(@PathVariable String orgCode, @RequestParam(required = false) String kind) {
        return overdue.overdue(orgCode, kind);
    }

    @GetMapping("/calendar/{year}")
    List<CalendarRow> days(@PathVariable int year) {
        return calendar.days(year);
    }

    @PostMapping("/calendar")
    @ResponseStatus(HttpStatus.CREATED)
    CalendarRow add(@Valid @RequestBody CalendarCommand command) {
        return calendar.add(command);
    }

    @DeleteMapping("/calendar/days/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable long id, @RequestParam long version) {
        calendar.remove(id, version);
    }
}
