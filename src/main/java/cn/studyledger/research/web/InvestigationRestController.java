package cn.studyledger.research.web;

import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.PageResult;
import cn.studyledger.common.web.Downloads;
import cn.studyledger.common.web.PageQuery;
import cn.studyledger.research.domain.FinishCommand;
import cn.studyledger.research.domain.InvestigationCommand;
import cn.studyledger.research.domain.InvestigationService;
import cn.studyledger.research.domain.InvestigationViews.InvestigationDetail;
import cn.studyledger.research.domain.InvestigationViews.InvestigationRow;
import cn.studyledger.research.domain.InvestigationViews.ReportView;
import cn.studyledger.research.domain.InvestigationViews.SelectionView;
import cn.studyledger.research.domain.InvestigationViews.TripView;
import cn.studyledger.research.domain.ReportCommand;
import cn.studyledger.research.domain.ScoreCommand;
import cn.studyledger.research.domain.SelectionCommand;
import cn.studyledger.research.domain.SelectionService;
import cn.studyledger.research.domain.TripCommand;
import jakarta.validation.Valid;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Investigations, field trips, reports and the excellent-report selection through the API; every change of a record
 * carries the version it was based on.
 */
@RestController
@RequestMapping("/api/v1")
class InvestigationRestController {

    private final InvestigationService investigations;
    private final SelectionService selections;

    InvestigationRestController(InvestigationService investigations, SelectionService selections) {
        this.investigations = investigations;
        this.selections = selections;
    }

    @GetMapping("/orgs/{orgCode}/investigations")
    PageResult<InvestigationRow> list(
            @PathVariable String orgCode,
            @RequestParam int year,
            @RequestParam(required = false) String q,
            PageQuery paging) {
        return investigations.search(orgCode, year, q, paging.page(), paging.size());
    }

    @PostMapping("/orgs/{orgCode}/investigations")
    @ResponseStatus(HttpStatus.CREATED)
    InvestigationDetail create(@PathVariable String orgCode, @Valid @RequestBody InvestigationCommand command) {
        return investigations.create(orgCode, command);
    }

    @GetMapping("/investigations/{id}")
    InvestigationDetail get(@PathVariable long id) {
        return investigations.get(id);
    }

    @PutMapping("/investigations/{id}")
    InvestigationDetail edit(
            @PathVariable long id, @RequestParam long version, @Valid @RequestBody InvestigationCommand command) {
        return investigations.edit(id, version, command);
    }

    @DeleteMapping("/investigations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        investigations.delete(id);
    }

    // ---- trips ----

    @PostMapping("/investigations/{id}/trips")
    @ResponseStatus(HttpStatus.CREATED)
    TripView addTrip(@PathVariable long id, @Valid @RequestBody TripCommand command) {
        return investigations.addTrip(id, command);
    }

    @GetMapping("/investigations/trips/{tripId}")
    TripView trip(@PathVariable long tripId) {
        return investigations.trip(tripId);
    }

    @PutMapping("/investigations/trips/{tripId}")
    TripView editTrip(@PathVariable long tripId, @RequestParam long version, @Valid @RequestBody TripCommand command) {
        return investigations.editTrip(tripId, version, command);
    }

    @DeleteMapping("/investigations/trips/{tripId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteTrip(@PathVariable long tripId) {
        investigations.deleteTrip(tripId);
    }

    // ---- reports ----

    @PostMapping(value = "/investigations/{id}/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ReportView addReport(@PathVariable long id, @Valid @RequestBody ReportCommand command) {
        return investigations.addReport(id, command, null);
    }

    /** A report with its file: the parts {@code report} (JSON) and {@code file}. */
    @PostMapping(value = "/investigations/{id}/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ReportView addReportWithFile(
            @PathVariable long id,
            @Valid @RequestPart("report") ReportCommand command,
            @RequestPart(value = "file", required = false) MultipartFile file) {
        return investigations.addReport(id, command, Downloads.upload(file));
    }

    @GetMapping("/investigations/reports/{reportId}")
    ReportView report(@PathVariable long reportId) {
        return investigations.report(reportId);
    }

    @PutMapping("/investigations/reports/{reportId}")
    ReportView editReport(
            @PathVariable long reportId, @RequestParam long version, @Valid @RequestBody ReportCommand command) {
        return investigations.editReport(reportId, version, command, null);
    }

    @DeleteMapping("/investigations/reports/{reportId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteReport(@PathVariable long reportId) {
        investigations.deleteReport(reportId);
    }

    /** Marks ({@code chosen=true}) or unmarks the year's 专题调研报告. */
    @PostMapping("/investigations/reports/{reportId}/choose")
    ReportView choose(@PathVariable long reportId, @RequestParam long version, @RequestParam boolean chosen) {
        return investigations.choose(reportId, version, chosen);
    }

    @GetMapping("/investigations/reports/{reportId}/file")
    ResponseEntity<InputStreamResource> file(@PathVariable long reportId) {
        return Downloads.attachment(investigations.download(reportId));
    }

    // ---- selection ----

    @GetMapping("/orgs/{orgCode}/investigations/selections/{year}")
    SelectionView selectionOfYear(@PathVariable String orgCode, @PathVariable int year) {
        return selections.ofYear(orgCode, year).orElseThrow(() -> NotFoundException.of(year + "年度优秀调研报告评选"));
    }

    @PostMapping("/orgs/{orgCode}/investigations/selections")
    @ResponseStatus(HttpStatus.CREATED)
    SelectionView createSelection(@PathVariable String orgCode, @Valid @RequestBody SelectionCommand command) {
        return selections.create(orgCode, command);
    }

    @GetMapping("/investigations/selections/{id}")
    SelectionView selection(@PathVariable long id) {
        return selections.get(id);
    }

    @PutMapping("/investigations/selections/{id}")
    SelectionView configure(
            @PathVariable long id, @RequestParam long version, @Valid @RequestBody SelectionCommand command) {
        return selections.configure(id, version, command);
    }

    /** The signed-in judge's scores of one report. */
    @PostMapping("/investigations/selections/{id}/scores")
    SelectionView score(@PathVariable long id, @Valid @RequestBody ScoreCommand command) {
        return selections.score(id, command);
    }

    /** OPEN → FINISHED with the awards. */
    @PostMapping("/investigations/selections/{id}/finish")
    SelectionView finish(@PathVariable long id, @RequestParam long version, @RequestBody FinishCommand command) {
        return selections.finish(id, version, command);
    }
}
