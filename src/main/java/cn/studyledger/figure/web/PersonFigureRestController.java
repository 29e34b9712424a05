package cn.studyledger.figure.web;

import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.Period;
import cn.studyledger.figure.PersonFigures;
import cn.studyledger.figure.domain.PersonFigureService;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The members' per-person figures of a year and the records behind each value, under {@code
 * /api/v1/orgs/{orgCode}/years/{year}/people}, or over the first half with {@code ?period=H1}. A member reads only
 * their own row.
 */
@RestController
@RequestMapping("/api/v1/orgs/{orgCode}/years/{year}/people")
class PersonFigureRestController {

    private final PersonFigureService people;

    PersonFigureRestController(PersonFigureService people) {
        this.people = people;
    }

    @GetMapping("/figures")
    List<PersonFigures> figures(
            @PathVariable String orgCode, @PathVariable int year, @RequestParam(required = false) String period) {
        return people.rows(orgCode, Period.parse(year, period));
    }

    @GetMapping("/{personId}/figures/{key}/evidence")
    List<Evidence> evidence(
            @PathVariable String orgCode,
            @PathVariable int year,
            @PathVariable long personId,
            @PathVariable String key,
            @RequestParam(required = false) String period) {
        return people.evidence(orgCode, Period.parse(year, period), personId, List.of(key))
                .get(key);
    }
}
