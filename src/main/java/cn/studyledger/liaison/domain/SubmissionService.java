package cn.studyledger.liaison.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.ConflictException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.files.FileDownload;
import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.figure.Period;
import cn.studyledger.liaison.SubmissionDeadlines;
import cn.studyledger.liaison.SubmissionKind;
import cn.studyledger.liaison.domain.SubmissionViews.Cell;
import cn.studyledger.liaison.domain.SubmissionViews.Filing;
import cn.studyledger.liaison.domain.SubmissionViews.Matrix;
import cn.studyledger.liaison.domain.SubmissionViews.State;
import cn.studyledger.liaison.domain.SubmissionViews.UnitRow;
import cn.studyledger.office.OfficeDocuments;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.plan.PlanApi;
import cn.studyledger.report.FinalReport;
import cn.studyledger.report.ReportApi;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 报送 up, once. A unit's clerk files one of the unit's own final documents of a year — the approved plan, the final
 * half-year or annual report with its frozen figures, the member list — to the organisation directly above it; it
 * is made from the records as they stand, nothing retyped. The superior's clerk sees the matrix of its units ×
 * kinds (on time, late, missing, returned) and accepts or returns each filing with a comment; nobody decides a
 * filing of their own organisation. Deadlines come from the superior's rule table ({@link SubmissionDeadlines}).
 */
@Service
@Transactional(readOnly = true)
public class SubmissionService {

    static final String OBJECT = "报送";
    static final String READ = "hasAuthority('" + Permissions.SUBMISSION_VIEW + "')";

    private final SubmissionRepository submissions;
    private final OrgApi orgs;
    private final PlanApi plans;
    private final ReportApi reports;
    private final OfficeDocuments office;
    private final FileStore files;
    private final SubmissionDeadlines deadlines;
    private final AuditLog audit;
    private final Clock clock;

    SubmissionService(
            SubmissionRepository submissions,
            OrgApi orgs,
            PlanApi plans,
            ReportApi reports,
            OfficeDocuments office,
            FileStore files,
            SubmissionDeadlines deadlines,
            AuditLog audit,
            Clock clock) {
        this.submissions = submissions;
        this.orgs = orgs;
        this.plans = plans;
        this.reports = reports;
        this.office = office;
        this.files = files;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    /** Files the unit's own final document of the kind and year to the organisation directly above it. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SUBMISSION_FILE + "')")
    public Filing file(String orgCode, SubmissionKind kind, int year) {
        OrgRef unit = orgs.requireRole(orgCode, Role.CLERK);
        OrgRef superior = orgs.parent(unit.id()).orElseThrow(() -> new BusinessRuleException("本组织没有上级单位，无需报送"));
        Optional<Submission> latest = latest(submissions.findByUnitOrgIdAndYearOrderByIdAsc(unit.id(), year), kind);
        if (latest.isPresent() && latest.get().status() == Submission.Status.SUBMITTED) {
            throw new ConflictException("本单位" + year + "年" + kind.label() + "已报送，正等待上级审核");
        }
        if (latest.isPresent() && latest.get().status() == Submission.Status.ACCEPTED) {
            throw new BusinessRuleException("本单位" + year + "年" + kind.label() + "已经上级审核通过，无需再次报送");
        }
        Document document = document(unit, kind, year);
        long fileId = files.store(document.name(), new ByteArrayInputStream(document.bytes()), FileKind.DOCUMENTS)
                .id();
        LocalDate today = LocalDate.now(clock);
        Submission filed = submissions.saveAndFlush(new Submission(
                unit.id(),
                superior.id(),
                kind,
                year,
                today,
                CurrentUser.require().displayName(),
                deadlines.due(superior.id(), year, kind),
                fileId,
                document.name(),
                document.figures()));
        audit.record(
                AuditAction.CREATE,
                OBJECT,
                filed.getId(),
                unit.name() + "向" + superior.name() + "报送" + document.name() + (filed.onTime() ? "" : "（逾期）"));
        return view(filed);
    }

    /** Accepts ({@code accept}) or returns a filing with a comment; only the superior's clerk, never the unit's own. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SUBMISSION_DECIDE + "')")
    public Filing decide(long id, long expectedVersion, boolean accept, String comment) {
        Submission s = readable(id);
        LedgerUser user = CurrentUser.require();
        OrgRef unit = orgs.get(s.unitOrgId());
        if (user.hasRoleAt(Role.CLERK, unit.path()) || user.displayName().equals(s.submittedBy())) {
            throw new AccessDeniedException("不能审核本单位的报送");
        }
        if (!user.hasRoleAt(Role.CLERK, orgs.get(s.superiorOrgId()).path())) {
            throw new AccessDeniedException("只有上级单位的学习秘书可以审核报送");
        }
        s.checkVersion(expectedVersion);
        if (comment != null && comment.length() > 500) {
            throw new BusinessRuleException("审核意见不超过500字");
        }
        s.decide(accept, comment, LocalDate.now(clock), user.displayName());
        submissions.flush();
        audit.record(
                AuditAction.UPDATE,
                OBJECT,
                id,
                (accept ? "通过" : "退回") + unit.name() + "报送的" + s.documentName()
                        + (s.comment() == null ? "" : "：" + s.comment()));
        return view(s);
    }

    /** A filing, to the readers of the unit or of the superior. */
    @PreAuthorize(READ)
    public Filing get(long id) {
        return view(readable(id));
    }

    @PreAuthorize(READ)
    public FileDownload download(long id) {
        Submission s = readable(id);
        return new FileDownload(files.describe(s.fileId()), files.open(s.fileId()));
    }

    /**
     * The organisation's direct subordinate units × kinds for the year — each unit's latest filing or where it stands
     * without one — with the counts, and the organisation's own filings to its superior.
     */
    @PreAuthorize(READ)
    public Matrix matrix(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        LocalDate today = LocalDate.now(clock);
        Map<Long, List<Submission>> byUnit = submissions.findBySuperiorOrgIdAndYearOrderByIdAsc(org.id(), year).stream()
                .collect(Collectors.groupingBy(Submission::unitOrgId));
        List<UnitRow> rows = new ArrayList<>();
        for (OrgRef unit : orgs.children(org.id())) {
            Map<SubmissionKind, Cell> cells = new EnumMap<>(SubmissionKind.class);
            for (SubmissionKind kind : SubmissionKind.values()) {
                cells.put(kind, cell(byUnit.getOrDefault(unit.id(), List.of()), org.id(), kind, year, today));
            }
            rows.add(new UnitRow(unit.code(), unit.name(), cells));
        }
        List<Cell> all = rows.stream().flatMap(r -> r.cells().values().stream()).toList();
        List<Cell> own = orgs.parent(org.id())
                .map(parent -> {
                    List<Submission> mine = submissions.findByUnitOrgIdAndYearOrderByIdAsc(org.id(), year);
                    return java.util.Arrays.stream(SubmissionKind.values())
                            .map(kind -> cell(mine, parent.id(), kind, year, today))
                            .toList();
                })
                .orElse(List.of());
        return new Matrix(
                year,
                rows,
                all.stream()
                        .filter(c -> !today.isBefore(c.dueOn()) || c.submissionId() != null)
                        .count(),
                all.stream().filter(c -> c.submissionId() != null && !c.late()).count(),
                all.stream().filter(c -> c.submissionId() != null && c.late()).count(),
                all.stream().filter(c -> c.state() == State.MISSING).count(),
                all.stream().filter(c -> c.state() == State.RETURNED).count(),
                own);
    }

    /** The unit's returned latest filings, for its clerk's work list. */
    List<Filing> returned(long unitOrgId) {
        return submissions.findByUnitOrgIdOrderByIdAsc(unitOrgId).stream()
                .collect(Collectors.groupingBy(s -> s.kind().name() + s.year()))
                .values()
                .stream()
                .map(its -> its.get(its.size() - 1))
                .filter(s -> s.status() == Submission.Status.RETURNED)
                .sorted(Comparator.comparing(Submission::getId))
                .map(this::view)
                .toList();
    }

    /** The filings waiting for the organisation's decision, for its clerk's work list. */
    List<Filing> waiting(long superiorOrgId) {
        return submissions.findBySuperiorOrgIdAndStatusOrderByIdAsc(superiorOrgId, Submission.Status.SUBMITTED).stream()
                .map(this::view)
                .toList();
    }

    private Cell cell(List<Submission> filings, long superiorOrgId, SubmissionKind kind, int year, LocalDate today) {
        Optional<Submission> latest = latest(filings, kind);
        if (latest.isEmpty()) {
            LocalDate due = deadlines.due(superiorOrgId, year, kind);
            State state = today.isAfter(due) ? State.MISSING : State.NOT_DUE;
            return new Cell(kind, kind.label(), due, state, state.label(), false, null, null, null, null);
        }
        // a filing is judged by the deadline in force when it was filed, which it keeps
        Submission s = latest.get();
        State state = State.valueOf(s.status().name());
        return new Cell(
                kind,
                kind.label(),
                s.dueOn(),
                state,
                state.label(),
                !s.onTime(),
                s.getId(),
                s.getVersion(),
                s.submittedOn(),
                s.comment());
    }

    private static Optional<Submission> latest(List<Submission> filings, SubmissionKind kind) {
        return filings.stream().filter(s -> s.kind() == kind).max(Comparator.comparing(Submission::getId));
    }

    private Submission readable(long id) {
        Submission s = submissions.findById(id).orElseThrow(() -> NotFoundException.of(OBJECT));
        LedgerUser user = CurrentUser.require();
        if (!user.canRead(orgs.get(s.unitOrgId()).path())
                && !user.canRead(orgs.get(s.superiorOrgId()).path())) {
            throw NotFoundException.of(OBJECT);
        }
        return s;
    }

    /** The document filed: made from the unit's records as they stand, refused while it is not final. */
    private record Document(String name, byte[] bytes, List<Submission.Figure> figures) {}

    private Document document(OrgRef unit, SubmissionKind kind, int year) {
        return switch (kind) {
            case ANNUAL_PLAN ->
                new Document(
                        unit.name() + year + "年度学习计划.docx",
                        plans.planDocx(unit.code(), year)
                                .orElseThrow(() -> new BusinessRuleException(year + "年度学习计划尚未经组长审定，不能报送")),
                        List.of());
            case MEMBER_LIST -> {
                List<GroupMember> group = orgs.group(unit.id(), year);
                if (group.isEmpty()) {
                    throw new BusinessRuleException(year + "年度中心组尚未配备成员，不能报送名册");
                }
                yield new Document(unit.name() + year + "年度中心组成员名册.xlsx", office.memberList(group), List.of());
            }
            case HALF_YEAR_REPORT -> report(unit, new Period(year, Period.Part.H1));
            case ANNUAL_REPORT -> report(unit, Period.of(year));
        };
    }

    private Document report(OrgRef unit, Period period) {
        FinalReport report = reports.finalReport(unit.code(), period)
                .orElseThrow(() -> new BusinessRuleException(
                        (period.wholeYear() ? period.year() + "年度" : period.label()) + "中心组学习情况报告尚未定稿，不能报送"));
        return new Document(
                unit.name() + report.name() + ".docx",
                report.docx(),
                report.figures().stream()
                        .map(f -> new Submission.Figure(f.key(), f.label(), f.value(), f.unit()))
                        .toList());
    }

    private Filing view(Submission s) {
        OrgRef unit = orgs.get(s.unitOrgId());
        return new Filing(
                s.getId(),
                s.getVersion(),
                unit.code(),
                unit.name(),
                orgs.get(s.superiorOrgId()).code(),
                s.kind(),
                s.kind().label(),
                s.year(),
                s.status().name(),
                s.status().label(),
                s.submittedOn(),
                s.submittedBy(),
                s.dueOn(),
                s.onTime(),
                s.documentName(),
                "/api/v1/submissions/" + s.getId() + "/file",
                s.decidedOn(),
                s.decidedBy(),
                s.comment(),
                s.figures().stream()
                        .map(f -> new SubmissionViews.Figure(f.key(), f.label(), f.value(), f.unit()))
                        .toList());
    }
}
