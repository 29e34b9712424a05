package cn.studyledger.research.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.PageResult;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.files.FileDownload;
import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.files.Upload;
import cn.studyledger.common.jdbc.Like;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.research.domain.InvestigationViews.InvestigationDetail;
import cn.studyledger.research.domain.InvestigationViews.InvestigationRow;
import cn.studyledger.research.domain.InvestigationViews.ReportView;
import cn.studyledger.research.domain.InvestigationViews.TripView;
import cn.studyledger.research.domain.ResearchViews.PersonOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Investigations (调研) with their field trips and reports. Everyone who reads the organisation's study records
 * reads them and downloads the reports' files; only its clerk records them.
 */
@Service
@Transactional(readOnly = true)
public class InvestigationService {

    static final String INVESTIGATION = "调研";
    static final String TRIP = "调研活动";
    static final String REPORT = "调研报告";

    private final InvestigationRepository investigations;
    private final TripRepository trips;
    private final ReportRepository reports;
    private final SelectionRepository selections;
    private final ScoreSheetRepository sheets;
    private final ResearchAccess access;
    private final OrgApi orgs;
    private final FileStore files;
    private final AuditLog audit;

    InvestigationService(
            InvestigationRepository investigations,
            TripRepository trips,
            ReportRepository reports,
            SelectionRepository selections,
            ScoreSheetRepository sheets,
            ResearchAccess access,
            OrgApi orgs,
            FileStore files,
            AuditLog audit) {
        this.investigations = investigations;
        this.trips = trips;
        this.reports = reports;
        this.selections = selections;
        this.sheets = sheets;
        this.access = access;
        this.orgs = orgs;
        this.files = files;
        this.audit = audit;
    }

    /** Whether the current user may change the investigation records of the organisation (its clerk). */
    public boolean canEdit(String orgCode) {
        return access.edits(orgs.requireReadable(orgCode));
    }

    /** One page of the year's investigations, in the order they were set. */
    @PreAuthorize(TopicService.READ)
    public PageResult<InvestigationRow> search(String orgCode, int year, String query, int page, int size) {
        OrgRef org = orgs.requireReadable(orgCode);
        var result = investigations.search(
                org.id(),
                year,
                Like.escape(query == null ? "" : query.trim()),
                PageRequest.of(Math.max(page, 0), size, Sort.by("id")));
        Map<Long, String> leads = access.names(
                result.getContent().stream().map(Investigation::leadPersonId).toList());
        return PageResult.of(
                result,
                i -> new InvestigationRow(
                        i.getId(),
                        i.year(),
                        i.theme(),
                        leads.get(i.leadPersonId()),
                        i.memberIds().size(),
                        trips.countByInvestigationId(i.getId()),
                        reports.countByInvestigationId(i.getId())));
    }

    @PreAuthorize(TopicService.READ)
    public InvestigationDetail get(long id) {
        Investigation investigation = readable(id);
        return detail(investigation, access.readable(investigation.orgId()));
    }

    @Transactional
    @PreAuthorize(TopicService.WRITE)
    public InvestigationDetail create(String orgCode, InvestigationCommand command) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        Investigation investigation = new Investigation(org.id());
        describe(investigation, org, command, Set.of());
        investigations.saveAndFlush(investigation);
        audit.record(
                AuditAction.CREATE,
                INVESTIGATION,
                investigation.getId(),
                investigation.year() + "年 " + investigation.theme());
        return detail(investigation, org);
    }

    @Transactional
    @PreAuthorize(TopicService.WRITE)
    public InvestigationDetail edit(long id, long expectedVersion, InvestigationCommand command) {
        Investigation investigation = writable(id);
        investigation.checkVersion(expectedVersion);
        OrgRef org = orgs.get(investigation.orgId());
        Set<Integer> tripYears = trips.findByInvestigationIdOrderByDateAscIdAsc(id).stream()
                .map(t -> t.date().getYear())
                .collect(Collectors.toSet());
        if (command.year() != investigation.year() && reports.countByInvestigationId(id) > 0) {
            throw new BusinessRuleException("调研已有调研报告，不能修改调研年度");
        }
        describe(investigation, org, command, tripYears);
        investigations.flush();
        audit.record(AuditAction.UPDATE, INVESTIGATION, id, investigation.year() + "年 " + investigation.theme());
        return detail(investigation, org);
    }

    /** Deletes an investigation set by mistake: one without trips and reports. */
    @Transactional
    @PreAuthorize(TopicService.WRITE)
    public void delete(long id) {
        Investigation investigation = writable(id);
        if (trips.countByInvestigationId(id) > 0 || reports.countByInvestigationId(id) > 0) {
            throw new BusinessRuleException("调研已有调研活动或调研报告，不能删除");
        }
        investigations.delete(investigation);
        audit.record(AuditAction.DELETE, INVESTIGATION, id, investigation.year() + "年 " + investigation.theme());
    }

    // ---- field trips ----

    @Transactional
    @PreAuthorize(TopicService.WRITE)
    public TripView addTrip(long investigationId, TripCommand command) {
        Investigation investigation = writable(investigationId);
        FieldTrip trip = new FieldTrip(investigation.orgId(), investigationId);
        describe(trip, investigation, command);
        trips.saveAndFlush(trip);
        audit.record(AuditAction.CREATE, TRIP, trip.getId(), tripSummary(trip, investigation));
        return tripView(trip);
    }

    @PreAuthorize(TopicService.READ)
    public TripView trip(long id) {
        return tripView(access.readable(trips.findById(id), TRIP, FieldTrip::orgId));
    }

    @Transactional
    @PreAuthorize(TopicService.WRITE)
    public TripView editTrip(long id, long expectedVersion, TripCommand command) {
        FieldTrip trip = writableTrip(id);
        trip.checkVersion(expectedVersion);
        Investigation investigation =
                investigations.findById(trip.investigationId()).orElseThrow();
        describe(trip, investigation, command);
        trips.flush();
        audit.record(AuditAction.UPDATE, TRIP, id, tripSummary(trip, investigation));
        return tripView(trip);
    }

    /** Deletes a trip; returns its investigation's id. */
    @Transactional
    @PreAuthorize(TopicService.WRITE)
    public long deleteTrip(long id) {
        FieldTrip trip = writableTrip(id);
        trips.delete(trip);
        audit.record(AuditAction.DELETE, TRIP, id, trip.date() + " " + trip.place());
        return trip.investigationId();
    }

    private void describe(FieldTrip trip, Investigation investigation, TripCommand c) {
        List<Long> participants = c.participantIds() == null ? List.of() : c.participantIds();
        access.requireActivePeople(investigation.orgId(), participants, "参加调研的人员");
        trip.describe(
                c.date(), c.place().trim(), c.findings().trim(), participants, investigation.year(), access.today());
    }

    private static String tripSummary(FieldTrip trip, Investigation investigation) {
        return "调研#" + investigation.getId() + " " + trip.date() + " " + trip.place() + "，参加"
                + trip.participantIds().size() + "人";
    }

    // ---- reports ----

    /** A report of the investigation, with its file when one is sent. */
    @Transactional
    @PreAuthorize(TopicService.WRITE)
    public ReportView addReport(long investigationId, ReportCommand command, Upload file) {
        Investigation investigation = writable(investigationId);
        requireSelectionNotFinished(investigation, "新增参评报告");
        InvestigationReport report = new InvestigationReport(investigation.orgId(), investigationId);
        describe(report, investigation, command, false);
        if (file != null) {
            report.attach(files.store(file, FileKind.DOCUMENTS).id());
        }
        reports.saveAndFlush(report);
        audit.record(
                AuditAction.CREATE,
                REPORT,
                report.getId(),
                "《" + report.title() + "》 领域：" + report.field() + (file == null ? "" : "，附件#" + report.fileId()));
        return reportView(report, investigation);
    }

    @PreAuthorize(TopicService.READ)
    public ReportView report(long id) {
        InvestigationReport report = readableReport(id);
        return reportView(
                report, investigations.findById(report.investigationId()).orElseThrow());
    }

    /** Corrects a report not yet scored; a new file replaces the old one, no file keeps it. */
    @Transactional
    @PreAuthorize(TopicService.WRITE)
    public ReportView editReport(long id, long expectedVersion, ReportCommand command, Upload file) {
        InvestigationReport report = writableReport(id);
        report.checkVersion(expectedVersion);
        Investigation investigation =
                investigations.findById(report.investigationId()).orElseThrow();
        describe(report, investigation, command, sheets.existsByReportId(id));
        if (file != null) {
            report.attach(files.store(file, FileKind.DOCUMENTS).id());
        }
        reports.flush();
        audit.record(
                AuditAction.UPDATE,
                REPORT,
                id,
                "《" + report.title() + "》 领域：" + report.field() + (file == null ? "" : "，更换附件#" + report.fileId()));
        return reportView(report, investigation);
    }

    /** Deletes a report not yet scored; returns its investigation's id. */
    @Transactional
    @PreAuthorize(TopicService.WRITE)
    public long deleteReport(long id) {
        InvestigationReport report = writableReport(id);
        if (sheets.existsByReportId(id) || inFinishedSelection(report)) {
            throw new BusinessRuleException("该报告已参加评选并有评委评分，不能删除");
        }
        reports.delete(report);
        audit.record(AuditAction.DELETE, REPORT, id, "《" + report.title() + "》");
        return report.investigationId();
    }

    /**
     * Marks the report as the year's 专题调研报告 named in the annual report (over the selection's first), or
     * takes the mark off; at most one report of a year carries it.
     */
    @Transactional
    @PreAuthorize(TopicService.WRITE)
    public ReportView choose(long id, long expectedVersion, boolean chosen) {
        InvestigationReport report = writableReport(id);
        report.checkVersion(expectedVersion);
        Investigation investigation =
                investigations.findById(report.investigationId()).orElseThrow();
        if (chosen) {
            for (InvestigationReport other : yearReports(investigation.orgId(), investigation.year())) {
                if (other.chosen() && !other.getId().equals(id)) {
                    other.choose(false);
                }
            }
        }
        report.choose(chosen);
        reports.flush();
        audit.record(
                AuditAction.UPDATE, REPORT, id, (chosen ? "选定为年度专题调研报告：" : "取消年度专题调研报告：") + "《" + report.title() + "》");
        return reportView(report, investigation);
    }

    /** The report's file, after the same scope check as reading the report. */
    @PreAuthorize(TopicService.READ)
    public FileDownload download(long id) {
        InvestigationReport report = readableReport(id);
        if (report.fileId() == null) {
            throw NotFoundException.of("附件");
        }
        return new FileDownload(files.describe(report.fileId()), files.open(report.fileId()));
    }

    /** The upload size limit, as forms show it (e.g. "20 MB"). */
    public String maxUploadSize() {
        long bytes = files.maxBytes();
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : Math.max(1, bytes / 1024) + " KB";
    }

    /** Active people of the organisation, for members, participants and authors. */
    @PreAuthorize(TopicService.READ)
    public List<PersonOption> people(String orgCode) {
        OrgRef org = orgs.requireReadable(orgCode);
        return access.people(org.id()).stream()
                .map(p -> new PersonOption(p.id(), p.name(), p.position()))
                .toList();
    }

    /** The central-group members of the year, to lead an investigation. */
    @PreAuthorize(TopicService.READ)
    public List<PersonOption> leads(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        return access.members(org.id(), year).stream()
                .map(m -> new PersonOption(m.personId(), m.name(), m.role().label()))
                .toList();
    }

    private void describe(InvestigationReport report, Investigation investigation, ReportCommand c, boolean scored) {
        List<Long> authors = c.authorIds() == null ? List.of() : c.authorIds();
        access.requireActivePeople(investigation.orgId(), authors, "报告作者");
        report.describe(c.title().trim(), c.field().trim(), authors, scored);
    }

    private void requireSelectionNotFinished(Investigation investigation, String action) {
        selections
                .findByOrgIdAndYear(investigation.orgId(), investigation.year())
                .filter(Selection::isFinished)
                .ifPresent(s -> {
                    throw new BusinessRuleException(investigation.year() + "年度优秀调研报告评选已结束，不能再" + action);
                });
    }

    private boolean inFinishedSelection(InvestigationReport report) {
        Investigation investigation =
                investigations.findById(report.investigationId()).orElseThrow();
        return selections
                .findByOrgIdAndYear(investigation.orgId(), investigation.year())
                .filter(Selection::isFinished)
                .map(s -> s.results().stream().anyMatch(r -> r.reportId() == report.getId()))
                .orElse(false);
    }

    List<InvestigationReport> yearReports(long orgId, int year) {
        List<Long> ids = investigations.findByOrgIdAndYearOrderByIdAsc(orgId, year).stream()
                .map(Investigation::getId)
                .toList();
        return ids.isEmpty() ? List.of() : reports.findByInvestigationIdInOrderByIdAsc(ids);
    }

    private void describe(Investigation investigation, OrgRef org, InvestigationCommand c, Set<Integer> tripYears) {
        Set<Long> members = access.members(org.id(), c.year()).stream()
                .map(GroupMember::personId)
                .collect(Collectors.toSet());
        if (!members.contains(c.leadPersonId())) {
            throw new BusinessRuleException("牵头领导须为" + c.year() + "年度中心组成员");
        }
        access.requireActivePeople(org.id(), c.members(), "调研组成员");
        investigation.describe(
                c.year(), c.theme().trim(), c.leadPersonId(), c.members(), blankToNull(c.purpose()), tripYears);
    }

    Investigation readable(long id) {
        return access.readable(investigations.findById(id), INVESTIGATION, Investigation::orgId);
    }

    Investigation writable(long id) {
        return access.writable(investigations.findById(id), INVESTIGATION, Investigation::orgId);
    }

    private FieldTrip writableTrip(long id) {
        return access.writable(trips.findById(id), TRIP, FieldTrip::orgId);
    }

    private InvestigationReport readableReport(long id) {
        return access.readable(reports.findById(id), REPORT, InvestigationReport::orgId);
    }

    private InvestigationReport writableReport(long id) {
        return access.writable(reports.findById(id), REPORT, InvestigationReport::orgId);
    }

    private InvestigationDetail detail(Investigation investigation, OrgRef org) {
        List<FieldTrip> tripList = investigation.getId() == null
                ? List.of()
                : trips.findByInvestigationIdOrderByDateAscIdAsc(investigation.getId());
        List<InvestigationReport> reportList = investigation.getId() == null
                ? List.of()
                : reports.findByInvestigationIdOrderByIdAsc(investigation.getId());
        List<Long> memberIds = new ArrayList<>(investigation.memberIds());
        Optional<Selection> selection = selections.findByOrgIdAndYear(org.id(), investigation.year());
        return new InvestigationDetail(
                investigation.getId(),
                org.code(),
                investigation.year(),
                investigation.theme(),
                investigation.leadPersonId(),
                access.name(investigation.leadPersonId()),
                investigation.purpose(),
                memberIds,
                access.joined(memberIds),
                investigation.getVersion(),
                tripList.stream().map(this::tripView).toList(),
                reportList.stream()
                        .map(r -> reportView(r, investigation, selection))
                        .toList());
    }

    private TripView tripView(FieldTrip trip) {
        List<Long> participants = new ArrayList<>(trip.participantIds());
        return new TripView(
                trip.getId(),
                trip.investigationId(),
                trip.date(),
                trip.place(),
                trip.findings(),
                participants,
                access.joined(participants),
                trip.getVersion());
    }

    private ReportView reportView(InvestigationReport report, Investigation investigation) {
        return reportView(
                report, investigation, selections.findByOrgIdAndYear(investigation.orgId(), investigation.year()));
    }

    private ReportView reportView(
            InvestigationReport report, Investigation investigation, Optional<Selection> selection) {
        List<Long> authors = new ArrayList<>(report.authorIds());
        Optional<SelectionResult> result = selection
                .filter(Selection::isFinished)
                .flatMap(s -> s.results().stream()
                        .filter(r -> r.reportId() == report.getId())
                        .findFirst());
        return new ReportView(
                report.getId(),
                investigation.getId(),
                investigation.theme(),
                report.title(),
                report.field(),
                authors,
                access.joined(authors),
                report.fileId(),
                report.fileId() == null ? null : files.describe(report.fileId()).originalName(),
                report.chosen(),
                report.getId() != null && sheets.existsByReportId(report.getId()),
                result.map(SelectionResult::ranking).orElse(null),
                result.map(SelectionResult::award).orElse(null),
                report.getVersion());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
