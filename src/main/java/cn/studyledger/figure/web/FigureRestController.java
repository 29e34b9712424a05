package cn.studyledger.figure.web;

import cn.studyledger.common.InvalidInputException;
import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.figure.FigureView;
import cn.studyledger.figure.Period;
import cn.studyledger.figure.domain.FigureService;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The figures of an organisation's year and the records behind each, under {@code /api/v1/orgs/{orgCode}/years/{year}}. */
@RestController
@RequestMapping("/api/v1/orgs/{orgCode}/years/{year}")
class FigureRestController {

    private final FigureService figures;

    FigureRestController(FigureService figures) {
        this.figures = figures;
    }

    @GetMapping("/figures")
    List<FigureView> figures(
            @PathVariable String orgCode, @PathVariable int year, @RequestParam(required = false) String period) {
        return figures.figures(orgCode, Period.parse(year, period));
    }

    /**
     * The records a figure counts, or with {@code part=complement} those of a rate it does not count (the absences
     * behind an attendance rate, the units not yet visited).
     */
    @GetMapping("/figures/{key}/evidence")
    List<Evidence> evidence(
            @PathVariable String orgCode,
            @PathVariable int year,
            @PathVariable String key,
            @RequestParam(defaultValue = "numerator") String part,
            @RequestParam(required = false) String period) {
        // the figure first: who may not read it learns nothing about the parameter
        FigureResult figure =
                figures.figure(orgCode, Period.parse(year, period), key).result();
        return switch (part) {
            case "numerator" -> figure.evidence();
            case "complement" -> figure.complement();
            default -> throw new InvalidInputException("part 只能是 numerator 或 complement");
        };
    }
}
