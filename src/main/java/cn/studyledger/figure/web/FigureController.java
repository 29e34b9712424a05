package cn.studyledger.figure.web;

import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.figure.Period;
import cn.studyledger.figure.domain.FigureService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The figures page of the working organisation and year, and the records behind each figure. */
@Controller
@PreAuthorize("hasAuthority('" + Permissions.FIGURE_VIEW + "')")
class FigureController {

    private final FigureService figures;
    private final WorkContext context;

    FigureController(FigureService figures, WorkContext context) {
        this.figures = figures;
        this.context = context;
    }

    @GetMapping("/figures")
    String figures(@RequestParam(required = false) String period, Model model) {
        Period p = Period.parse(context.year(), period);
        model.addAttribute("figures", figures.figures(context.requireOrgCode(), p));
        model.addAttribute("period", p);
        return "figure/figures";
    }

    @GetMapping("/figures/{key}")
    String evidence(@PathVariable String key, @RequestParam(required = false) String period, Model model) {
        Period p = Period.parse(context.year(), period);
        model.addAttribute("figure", figures.figure(context.requireOrgCode(), p, key));
        model.addAttribute("period", p);
        return "figure/evidence";
    }
}
