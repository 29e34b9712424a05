package cn.studyledger.research.web;

import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Downloads;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.FormPage;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.HtmxFragment;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.research.domain.InvestigationCommand;
import cn.studyledger.research.domain.InvestigationService;
import cn.studyledger.research.domain.InvestigationViews.InvestigationDetail;
import cn.studyledger.research.domain.InvestigationViews.ReportView;
import cn.studyledger.research.domain.InvestigationViews.TripView;
import cn.studyledger.research.domain.ReportCommand;
import cn.studyledger.research.domain.SelectionService;
import cn.studyledger.research.domain.TripCommand;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of investigations (调研): the year's list, an investigation with its field trips and reports, and the forms
 * for investigations, trips and reports (with their files).
 */
@Controller
class InvestigationController {

    private static final String WRITE = "hasAuthority('" + Permissions.RESEARCH_EDIT + "')";

    private final InvestigationService investigations;
    private final SelectionService selections;
    private final WorkContext context;
    private final Clock clock;

    InvestigationController(
            InvestigationService investigations, SelectionService selections, WorkContext context, Clock clock) {
        this.clock = clock;
        this.investigations = investigations;
        this.selections = selections;
        this.context = context;
    }

    @HtmxFragment("results")
    @GetMapping("/investigations")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", investigations.search(context.requireOrgCode(), context.year(), q, page, 20));
        model.addAttribute("q", q);
        model.addAttribute("canEdit", investigations.canEdit(context.orgCode()));
        model.addAttribute(
                "selection",
                selections.ofYear(context.orgCode(), context.year()).orElse(null));
        return "research/investigations";
    }

    @GetMapping("/investigations/new")
    @PreAuthorize(WRITE)
    String newForm(Model model) {
        context.requireOrgCode();
        return form(model, InvestigationCommand.blank(context.year()), null, 0);
    }

    @PostMapping("/investigations")
    @PreAuthorize(WRITE)
    String create(
            @Valid @ModelAttribute("command") InvestigationCommand command, BindingResult binding, FormPost post) {
        return post.refused(model -> form(model, command, null, 0))
                .to(
                        () -> "/investigations/"
                                + investigations
                                        .create(context.orgCode(), command)
                                        .id(),
                        "research.flash.investigationCreated");
    }

    @GetMapping("/investigations/{id}")
    String detail(@PathVariable long id, Model model) {
        InvestigationDetail detail = investigations.get(id);
        model.addAttribute("detail", detail);
        model.addAttribute("canEdit", investigations.canEdit(detail.orgCode()));
        return "research/investigation";
    }

    @GetMapping("/investigations/{id}/edit")
    @PreAuthorize(WRITE)
    String editForm(@PathVariable long id, Model model) {
        InvestigationDetail detail = investigations.get(id);
        return form(model, detail.toCommand(), id, detail.version());
    }

    @PostMapping("/investigations/{id}")
    @PreAuthorize(WRITE)
    String edit(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") InvestigationCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> form(model, command, id, version))
                .run(() -> investigations.edit(id, version, command), "common.saved", "/investigations/" + id);
    }

    @PostMapping("/investigations/{id}/delete")
    @PreAuthorize(WRITE)
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        investigations.delete(id);
        return Flash.done(redirect, "research.flash.investigationDeleted", "/investigations");
    }

    // ---- trips ----

    @GetMapping("/investigations/{id}/trips/new")
    @PreAuthorize(WRITE)
    String newTrip(@PathVariable long id, Model model) {
        InvestigationDetail detail = investigations.get(id);
        LocalDate today = LocalDate.now(clock);
        LocalDate date = today.getYear() == detail.year() ? today : LocalDate.of(detail.year(), 12, 1);
        return tripForm(model, detail, new TripCommand(date, "", detail.memberIds(), ""), null);
    }

    @PostMapping("/investigations/{id}/trips")
    @PreAuthorize(WRITE)
    String addTrip(
            @PathVariable long id,
            @Valid @ModelAttribute("command") TripCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> tripForm(model, investigations.get(id), command, null))
                .to(
                        () -> "/investigations/" + id + "#trip-"
                                + investigations.addTrip(id, command).id(),
                        "research.flash.tripAdded");
    }

    @GetMapping("/investigations/trips/{tripId}/edit")
    @PreAuthorize(WRITE)
    String editTripForm(@PathVariable long tripId, Model model) {
        TripView trip = investigations.trip(tripId);
        return tripForm(model, investigations.get(trip.investigationId()), trip.toCommand(), trip);
    }

    @PostMapping("/investigations/trips/{tripId}")
    @PreAuthorize(WRITE)
    String editTrip(
            @PathVariable long tripId,
            @RequestParam long version,
            @Valid @ModelAttribute("command") TripCommand command,
            BindingResult binding,
            FormPost post) {
        TripView trip = investigations.trip(tripId);
        return post.refused(model -> tripForm(model, investigations.get(trip.investigationId()), command, trip))
                .run(
                        () -> investigations.editTrip(tripId, version, command),
                        "common.saved",
                        "/investigations/" + trip.investigationId() + "#trip-" + tripId);
    }

    @PostMapping("/investigations/trips/{tripId}/delete")
    @PreAuthorize(WRITE)
    String deleteTrip(@PathVariable long tripId, RedirectAttributes redirect) {
        long investigationId = investigations.deleteTrip(tripId);
        return Flash.done(redirect, "research.flash.tripDeleted", "/investigations/" + investigationId);
    }

    // ---- reports ----

    @GetMapping("/investigations/{id}/reports/new")
    @PreAuthorize(WRITE)
    String newReport(@PathVariable long id, Model model) {
        InvestigationDetail detail = investigations.get(id);
        return reportForm(model, detail, new ReportCommand("", "", List.of(detail.leadPersonId())), null);
    }

    @PostMapping("/investigations/{id}/reports")
    @PreAuthorize(WRITE)
    String addReport(
            @PathVariable long id,
            @Valid @ModelAttribute("command") ReportCommand command,
            BindingResult binding,
            @RequestParam(value = "file", required = false) MultipartFile file,
            FormPost post) {
        return post.refused(model -> reportForm(model, investigations.get(id), command, null))
                .answer(() -> {
                    ReportView report = investigations.addReport(id, command, Downloads.upload(file));
                    String target = "/investigations/" + id + "#report-" + report.id();
                    return post.done("research.flash.reportAdded", target, report.title());
                });
    }

    @GetMapping("/investigations/reports/{reportId}/edit")
    @PreAuthorize(WRITE)
    String editReportForm(@PathVariable long reportId, Model model) {
        ReportView report = investigations.report(reportId);
        return reportForm(model, investigations.get(report.investigationId()), report.toCommand(), report);
    }

    @PostMapping("/investigations/reports/{reportId}")
    @PreAuthorize(WRITE)
    String editReport(
            @PathVariable long reportId,
            @RequestParam long version,
            @Valid @ModelAttribute("command") ReportCommand command,
            BindingResult binding,
            @RequestParam(value = "file", required = false) MultipartFile file,
            FormPost post) {
        ReportView report = investigations.report(reportId);
        return post.refused(model -> reportForm(model, investigations.get(report.investigationId()), command, report))
                .run(
                        () -> investigations.editReport(reportId, version, command, Downloads.upload(file)),
                        "common.saved",
                        "/investigations/" + report.investigationId() + "#report-" + reportId);
    }

    @PostMapping("/investigations/reports/{reportId}/delete")
    @PreAuthorize(WRITE)
    String deleteReport(@PathVariable long reportId, RedirectAttributes redirect) {
        long investigationId = investigations.deleteReport(reportId);
        return Flash.done(redirect, "research.flash.reportDeleted", "/investigations/" + investigationId);
    }

    /** Marks (or unmarks) the year's 专题调研报告 named in the annual report. */
    @PostMapping("/investigations/reports/{reportId}/choose")
    @PreAuthorize(WRITE)
    String choose(
            @PathVariable long reportId,
            @RequestParam long version,
            @RequestParam boolean chosen,
            RedirectAttributes redirect) {
        ReportView report = investigations.choose(reportId, version, chosen);
        String target = "/investigations/" + report.investigationId() + "#report-" + reportId;
        return chosen
                ? Flash.done(redirect, "research.flash.reportChosen", target, report.field())
                : Flash.done(redirect, "research.flash.reportUnchosen", target);
    }

    @GetMapping("/investigations/reports/{reportId}/file")
    ResponseEntity<InputStreamResource> file(@PathVariable long reportId) {
        return Downloads.attachment(investigations.download(reportId));
    }

    private String form(Model model, InvestigationCommand command, Long id, long version) {
        int year = command.year() == null ? context.year() : command.year();
        FormPage.fill(model, command, "investigationId", id, version);
        model.addAttribute("leads", investigations.leads(context.requireOrgCode(), year));
        model.addAttribute("people", investigations.people(context.orgCode()));
        return "research/investigation-form";
    }

    private String tripForm(Model model, InvestigationDetail detail, TripCommand command, TripView existing) {
        model.addAttribute("detail", detail);
        model.addAttribute("command", command);
        model.addAttribute("existing", existing);
        model.addAttribute("people", investigations.people(detail.orgCode()));
        return "research/trip-form";
    }

    private String reportForm(Model model, InvestigationDetail detail, ReportCommand command, ReportView existing) {
        model.addAttribute("detail", detail);
        model.addAttribute("command", command);
        model.addAttribute("existing", existing);
        model.addAttribute("people", investigations.people(detail.orgCode()));
        model.addAttribute("maxSize", investigations.maxUploadSize());
        return "research/report-form";
    }
}
