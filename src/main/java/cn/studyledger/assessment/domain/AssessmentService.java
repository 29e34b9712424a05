package cn.studyledger.assessment.domain;

import cn.studyledger.assessment.domain.AssessmentCommands.AdjustmentCommand;
import cn.studyledger.assessment.domain.AssessmentCommands.CommendationCommand;
import cn.studyledger.assessment.domain.AssessmentCommands.CriteriaCommand;
import cn.studyledger.assessment.domain.AssessmentCommands.CriterionCommand;
import cn.studyledger.assessment.domain.AssessmentViews.AdjustmentView;
import cn.studyledger.assessment.domain.AssessmentViews.Board;
import cn.studyledger.assessment.domain.AssessmentViews.CommendationView;
import cn.studyledger.assessment.domain.AssessmentViews.CriterionView;
import cn.studyledger.assessment.domain.AssessmentViews.EvidenceLink;
import cn.studyledger.assessment.domain.AssessmentViews.Item;
import cn.studyledger.assessment.domain.AssessmentViews.ObjectionView;
import cn.studyledger.assessment.domain.AssessmentViews.Scorecard;
import cn.studyledger.assessment.domain.AssessmentViews.Settings;
import cn.studyledger.assessment.domain.AssessmentViews.UnitScore;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.InvalidInputException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.Texts;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.files.FileDownload;
import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.jdbc.FirstTimeRows;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureApi;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.report.Finding;
import cn.studyledger.report.FindingSource;
import cn.studyledger.tracking.WorkingCalendar;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 年度考核 of an organisation's direct subordinate units, from their records. The clerk of the organisation sets the
 * criteria and settings, adds adjustments with reasons and commendations, and publishes; the units read their own
 * scorecard and may object until the end of the period; the clerk answers; the 组长 approves (never the one who
 * published) or sends it back; the clerk issues the 通报. Every change is audited and made in one transaction; the
 * figures are read before it (the tallies run on their own executor and hold no connection of the caller's).
 */
@Service
public class AssessmentService {

    static final String OBJECT = "年度考核";
    static final String VIEW = "hasAuthority('" + Permissions.ASSESSMENT_VIEW + "')";
    static final String EDIT = "hasAuthority('" + Permissions.ASSESSMENT_EDIT + "')";

    private final AssessmentRepository assessments;
    private final AdjustmentRepository adjustments;
    private final ObjectionRepository objections;
    private final CommendationRepository commendations;
    private final FirstTimeRows firstTime;
    private final OrgApi orgs;
    private final FigureApi figures;
    private final FindingSource findings;
    private final WorkingCalendar calendar;
    private final AssessmentDocument document;
    private final FileStore files;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    AssessmentService(
            AssessmentRepository assessments,
            AdjustmentRepository adjustments,
            ObjectionRepository objections,
            CommendationRepository commendations,
            FirstTimeRows firstTime,
            OrgApi orgs,
            FigureApi figures,
            FindingSource findings,
            WorkingCalendar calendar,
            AssessmentDocument document,
            FileStore files,
            AuditLog audit,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.assessments = assessments;
        this.adjustments = adjustments;
        this.objections = objections;
        this.commendations = commendations;
        this.firstTime = firstTime;
        this.orgs = orgs;
        this.figures = figures;
        this.findings = findings;
        this.calendar = calendar;
        this.document = document;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /**
     * The organisation's assessment of its units for the year: a row per direct subordinate unit with its score and
     * items, live from the records while a draft, the published snapshot after; in the organisation's order, or
     * sorted by score when the issuer asks ({@code sort=score}; {@code org} or none for the organisation's order).
     */
    @PreAuthorize(VIEW)
    public Board board(String orgCode, int year, String sort) {
        OrgRef org = orgs.requireReadable(orgCode);
        if (sort != null && !sort.equals("score") && !sort.equals("org")) {
            throw new InvalidInputException("sort 只能是 org 或 score");
        }
        return board(org, year, "score".equals(sort));
    }

    private Board board(OrgRef org, int year, boolean byScore) {
        Optional<Assessment> stored = stored(org, year);
        Assessment a = stored.orElseGet(() -> new Assessment(org.id(), year));
        List<ResultItem> items = a.status() == Assessment.Status.DRAFT ? live(org, year, a.criteria()) : a.results();
        return reading.execute(s -> board(org, a, stored.isPresent(), items, byScore));
    }

    /** A unit's own scorecard in the published assessment of the organisation above it. */
    @PreAuthorize(VIEW)
    public Scorecard scorecard(String unitCode, int year) {
        OrgRef unit = orgs.requireReadable(unitCode);
        return reading.execute(s -> {
            Optional<OrgRef> issuer = orgs.parent(unit.id());
            Optional<Assessment> found = issuer.flatMap(i -> assessments.findByOrgIdAndYear(i.id(), year))
                    .filter(a -> a.status() != Assessment.Status.DRAFT);
            if (found.isEmpty()) {
                return new Scorecard(
                        unit.code(),
                        issuer.map(OrgRef::code).orElse(null),
                        issuer.map(OrgRef::name).orElse(null),
                        year,
                        "NOT_PUBLISHED",
                        "上级尚未公示考核结果",
                        null,
                        false,
                        null,
                        null);
            }
            Assessment a = found.get();
            UnitScore card =
                    unitScores(a, a.results(), List.of(unit), year, unit.code()).get(0);
            return new Scorecard(
                    unit.code(),
                    issuer.get().code(),
                    issuer.get().name(),
                    year,
                    a.status().name(),
                    a.status().label(),
                    a.objectionUntil(),
                    mayObject(a),
                    Scoring.totalWeight(a.criteria()),
                    card);
        });
    }

    /** The records behind one figure of a unit's line, for the readers of the organisation assessing it. */
    @PreAuthorize(VIEW)
    public List<Evidence> unitEvidence(String orgCode, int year, String unitCode, String key) {
        OrgRef org = orgs.requireReadable(orgCode);
        Assessment a = stored(org, year).orElseGet(() -> new Assessment(org.id(), year));
        if (a.criteria().stream().noneMatch(c -> c.kind() == CriterionKind.FIGURE && key.equals(c.figureKey()))) {
            throw new NotFoundException("本年度考核没有“" + key + "”这项指标");
        }
        return figures.subordinateFigure(orgCode, unitCode, year, key).result().evidence();
    }

    /** Sets the criteria and settings of a draft; the weights add up to 100, each figure one the units have. */
    @PreAuthorize(EDIT)
    public void configure(String orgCode, int year, Long expectedVersion, CriteriaCommand command) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        List<Criterion> criteria =
                command.criteria().stream().map(this::criterion).toList();
        BigDecimal total = Scoring.totalWeight(criteria);
        if (total.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new BusinessRuleException("各项考核指标分值合计须为100分，现为" + Scoring.plain(total) + "分");
        }
        change(org, year, expectedVersion, a -> {
            a.configure(
                    criteria,
                    command.objectionDays(),
                    command.maxAdjustment(),
                    command.source().strip());
            audit.record(
                    AuditAction.UPDATE,
                    OBJECT,
                    a.getId(),
                    org.name() + year + "年度考核指标："
                            + criteria.stream()
                                    .map(c -> c.label() + Scoring.plain(c.weight()) + "分")
                                    .collect(Collectors.joining("、")));
        });
    }

    /** 加减分 for a unit, with the reason; within the assessment's limit, before approval. */
    @PreAuthorize(EDIT)
    public void adjust(String orgCode, int year, AdjustmentCommand command) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        OrgRef unit = subordinate(org, command.unitCode());
        change(org, year, null, a -> {
            a.requireOpen();
            if (command.points().signum() == 0 || command.points().abs().compareTo(a.maxAdjustment()) > 0) {
                throw new BusinessRuleException("加减分须在±" + Scoring.plain(a.maxAdjustment()) + "分以内且不为0");
            }
            Adjustment made = adjustments.saveAndFlush(new Adjustment(
                    a.getId(),
                    unit.id(),
                    command.points().setScale(1, java.math.RoundingMode.HALF_UP),
                    command.reason().strip(),
                    today(),
                    CurrentUser.require().displayName()));
            audit.record(
                    AuditAction.CREATE,
                    OBJECT,
                    made.getId(),
                    year + "年度考核" + unit.name() + (made.points().signum() > 0 ? "加" : "减")
                            + Scoring.plain(made.points().abs()) + "分：" + made.reason());
        });
    }

    /** Takes an adjustment back, before approval. */
    @PreAuthorize(EDIT)
    public void removeAdjustment(long id, long expectedVersion) {
        writing.executeWithoutResult(s -> {
            Adjustment made = adjustments.findById(id).orElseThrow(() -> NotFoundException.of("加减分"));
            Assessment a = editable(made.assessmentId());
            a.requireOpen();
            made.checkVersion(expectedVersion);
            adjustments.delete(made);
            adjustments.flush();
            audit.record(
                    AuditAction.DELETE,
                    OBJECT,
                    id,
                    a.year() + "年度考核撤销" + orgs.get(made.unitOrgId()).name() + "加减分：" + made.reason());
        });
    }

    /** Records a commendation (e.g. 先进集体) of a unit, before approval. */
    @PreAuthorize(EDIT)
    public void commend(String orgCode, int year, CommendationCommand command) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        OrgRef unit = subordinate(org, command.unitCode());
        String title = command.title().strip();
        change(org, year, null, a -> {
            a.requireOpen();
            if (commendations.existsByAssessmentIdAndUnitOrgIdAndTitle(a.getId(), unit.id(), title)) {
                throw new BusinessRuleException(unit.name() + "已记“" + title + "”");
            }
            Commendation made = commendations.saveAndFlush(
                    new Commendation(a.getId(), unit.id(), title, Texts.blankToNull(command.reason())));
            audit.record(AuditAction.CREATE, OBJECT, made.getId(), year + "年度考核表彰" + unit.name() + "为" + title);
        });
    }

    @PreAuthorize(EDIT)
    public void removeCommendation(long id) {
        writing.executeWithoutResult(s -> {
            Commendation made = commendations.findById(id).orElseThrow(() -> NotFoundException.of("表彰"));
            Assessment a = editable(made.assessmentId());
            a.requireOpen();
            commendations.delete(made);
            commendations.flush();
            audit.record(
                    AuditAction.DELETE,
                    OBJECT,
                    id,
                    a.year() + "年度考核撤销" + orgs.get(made.unitOrgId()).name() + made.title());
        });
    }

    /** 公示: the items frozen as they stand now; the units may object for the set number of working days. */
    @PreAuthorize(EDIT)
    public void publish(String orgCode, int year, Long expectedVersion) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        List<Criterion> criteria = stored(org, year).map(Assessment::criteria).orElseGet(Criterion::defaults);
        List<ResultItem> snapshot = live(org, year, criteria);
        change(org, year, expectedVersion, a -> {
            if (!a.criteria().equals(criteria)) {
                throw new cn.studyledger.common.ConflictException("考核指标刚被修改，请刷新后再公示");
            }
            LocalDate today = today();
            LocalDate until = calendar.after(today, a.objectionDays());
            a.publish(snapshot, today, CurrentUser.require().displayName(), until);
            audit.record(AuditAction.UPDATE, OBJECT, a.getId(), org.name() + year + "年度考核结果公示，异议期至" + until);
        });
    }

    /** 组长审定: after the objection period, every objection answered; never by the one who published. */
    @PreAuthorize("hasAuthority('" + Permissions.ASSESSMENT_APPROVE + "')")
    public void approve(String orgCode, int year, long expectedVersion) {
        OrgRef org = orgs.requireRole(orgCode, Role.LEADER);
        change(org, year, expectedVersion, a -> {
            LedgerUser user = CurrentUser.require();
            if (user.displayName().equals(a.publishedBy())) {
                throw new AccessDeniedException("不能审定本人公示的考核结果");
            }
            if (a.status() == Assessment.Status.PUBLISHED && !today().isAfter(a.objectionUntil())) {
                throw new BusinessRuleException("异议期至" + a.objectionUntil() + "，期满后才能审定");
            }
            long open = objections.findByAssessmentIdOrderByIdAsc(a.getId()).stream()
                    .filter(o -> !o.answered())
                    .count();
            if (open > 0) {
                throw new BusinessRuleException("还有" + open + "条异议未答复，答复后才能审定");
            }
            a.approve(today(), user.displayName());
            audit.record(AuditAction.UPDATE, OBJECT, a.getId(), org.name() + year + "年度考核结果经组长审定");
        });
    }

    /** 组长退回: back to a draft with the reason; the snapshot is dropped and made again at the next publication. */
    @PreAuthorize("hasAuthority('" + Permissions.ASSESSMENT_APPROVE + "')")
    public void returnToDraft(String orgCode, int year, long expectedVersion, String comment) {
        OrgRef org = orgs.requireRole(orgCode, Role.LEADER);
        change(org, year, expectedVersion, a -> {
            a.returnToDraft(comment);
            audit.record(AuditAction.UPDATE, OBJECT, a.getId(), org.name() + year + "年度考核被组长退回：" + a.returnedComment());
        });
    }

    /** 通报: the approved snapshot issued as a document, with the commendations; frozen from now on. */
    @PreAuthorize(EDIT)
    public void issue(String orgCode, int year, long expectedVersion, String documentNumber) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        if (documentNumber != null && documentNumber.length() > 100) {
            throw new InvalidInputException("文号不超过100字");
        }
        change(org, year, expectedVersion, a -> {
            if (a.status() != Assessment.Status.APPROVED) {
                throw new BusinessRuleException("考核结果须经组长审定后才能通报");
            }
            issue(
                    org,
                    a,
                    Texts.blankToNull(documentNumber),
                    today(),
                    CurrentUser.require().displayName());
            audit.record(AuditAction.UPDATE, OBJECT, a.getId(), org.name() + year + "年度考核情况通报印发");
        });
    }

    /** Issues the approved assessment: its 通报 written from the snapshot and stored with it. */
    void issue(OrgRef org, Assessment a, String documentNumber, LocalDate on, String by) {
        byte[] docx = document.write(org, board(org, a, true, a.results(), false), documentNumber, on);
        String name = org.name() + "关于" + a.year() + "年度理论学习中心组学习考核情况的通报.docx";
        long fileId = files.store(name, new ByteArrayInputStream(docx), FileKind.DOCUMENTS)
                .id();
        a.issue(on, by, documentNumber, fileId);
    }

    /** The issued 通报, to the readers of the organisation. */
    @PreAuthorize(VIEW)
    public FileDownload document(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        Long fileId = stored(org, year).map(Assessment::fileId).orElse(null);
        if (fileId == null) {
            throw new NotFoundException("本年度考核尚未通报");
        }
        return new FileDownload(files.describe(fileId), files.open(fileId));
    }

    /** 异议: the unit's clerk objects to its published scorecard, within the period. */
    @PreAuthorize("hasAuthority('" + Permissions.ASSESSMENT_OBJECT + "')")
    public Scorecard object(String unitCode, int year, String content) {
        OrgRef unit = orgs.requireRole(unitCode, Role.CLERK);
        writing.executeWithoutResult(s -> {
            OrgRef issuer = orgs.parent(unit.id()).orElseThrow(() -> new BusinessRuleException("本单位没有上级单位"));
            Assessment a = assessments
                    .findByOrgIdAndYear(issuer.id(), year)
                    .filter(x -> x.status() != Assessment.Status.DRAFT)
                    .orElseThrow(() -> new BusinessRuleException("上级尚未公示" + year + "年度考核结果"));
            if (!mayObject(a)) {
                throw new BusinessRuleException(
                        a.status() == Assessment.Status.PUBLISHED
                                ? "异议期已于" + a.objectionUntil() + "结束"
                                : "考核结果已审定，不能再提出异议");
            }
            Objection made = objections.saveAndFlush(new Objection(
                    a.getId(),
                    unit.id(),
                    content.strip(),
                    today(),
                    CurrentUser.require().displayName()));
            audit.record(AuditAction.CREATE, OBJECT, made.getId(), unit.name() + "对" + year + "年度考核结果提出异议");
        });
        return scorecard(unitCode, year);
    }

    /** The clerk of the organisation answers a unit's objection. */
    @PreAuthorize(EDIT)
    public void reply(long id, long expectedVersion, String reply) {
        writing.executeWithoutResult(s -> {
            Objection o = objections.findById(id).orElseThrow(() -> NotFoundException.of("异议"));
            Assessment a = editable(o.assessmentId());
            o.checkVersion(expectedVersion);
            o.answer(reply.strip(), today(), CurrentUser.require().displayName());
            objections.flush();
            audit.record(
                    AuditAction.UPDATE,
                    OBJECT,
                    id,
                    "答复" + orgs.get(o.unitOrgId()).name() + "对" + a.year() + "年度考核结果的异议");
        });
    }

    // ---- reading

    /** The stored assessment with its criteria and snapshot loaded, for use after its read-only transaction. */
    private Optional<Assessment> stored(OrgRef org, int year) {
        return reading.execute(
                s -> assessments.findByOrgIdAndYear(org.id(), year).map(Assessment::loaded));
    }

    /** Every unit's items as the records stand now (the snapshot a publication freezes). */
    List<ResultItem> live(OrgRef org, int year, List<Criterion> criteria) {
        List<String> keys = criteria.stream()
                .filter(c -> c.kind() == CriterionKind.FIGURE)
                .map(Criterion::figureKey)
                .distinct()
                .toList();
        Map<String, Map<Long, FigureResult>> tallied =
                keys.isEmpty() ? Map.of() : figures.subordinateTally(org.code(), keys, year);
        Map<Long, List<Finding>> found = criteria.stream().anyMatch(c -> c.kind() == CriterionKind.FINDINGS)
                ? findings.subordinateFindings(org.code(), year)
                : Map.of();
        Map<String, FigureDefinition> definitions = definitions();
        List<ResultItem> items = new ArrayList<>();
        for (OrgRef unit : orgs.children(org.id())) {
            items.addAll(
                    Scoring.items(unit.id(), criteria, definitions, tallied, found.getOrDefault(unit.id(), List.of())));
        }
        return items;
    }

    private Board board(OrgRef org, Assessment a, boolean stored, List<ResultItem> items, boolean byScore) {
        List<OrgRef> units = orgs.children(org.id());
        List<UnitScore> rows = unitScores(a, items, units, a.year(), null);
        if (byScore) {
            rows = rows.stream()
                    .sorted(Comparator.comparing(UnitScore::score).reversed())
                    .toList();
        }
        long open = stored
                ? objections.findByAssessmentIdOrderByIdAsc(a.getId()).stream()
                        .filter(o -> !o.answered())
                        .count()
                : 0;
        return new Board(
                org.code(),
                org.name(),
                a.year(),
                a.status().name(),
                a.status().label(),
                stored ? a.getVersion() : null,
                new Settings(a.objectionDays(), a.maxAdjustment(), a.settingsSource()),
                a.criteria().stream()
                        .map(c -> new CriterionView(
                                c.kind().name(), c.figureKey(), c.label(), c.weight(), c.target(), c.source()))
                        .toList(),
                Scoring.totalWeight(a.criteria()),
                a.publishedOn(),
                a.publishedBy(),
                a.objectionUntil(),
                a.approvedOn(),
                a.approvedBy(),
                a.returnedComment(),
                a.issuedOn(),
                a.documentNumber(),
                a.fileId() == null
                        ? null
                        : "/api/v1/orgs/" + org.code() + "/years/" + a.year() + "/assessment/document",
                open,
                rows,
                byScore);
    }

    /**
     * The lines of the units: the items, the adjustments, objections and commendations. The evidence links are the
     * issuer's ({@code ownUnit} null) or the unit's own.
     */
    private List<UnitScore> unitScores(
            Assessment a, List<ResultItem> items, List<OrgRef> units, int year, String ownUnit) {
        Map<Long, List<ResultItem>> byUnit = items.stream().collect(Collectors.groupingBy(ResultItem::unitOrgId));
        List<Adjustment> made = a.getId() == null ? List.of() : adjustments.findByAssessmentIdOrderByIdAsc(a.getId());
        List<Objection> raised = a.getId() == null ? List.of() : objections.findByAssessmentIdOrderByIdAsc(a.getId());
        List<Commendation> commended =
                a.getId() == null ? List.of() : commendations.findByAssessmentIdOrderByIdAsc(a.getId());
        BigDecimal total = Scoring.totalWeight(a.criteria());
        OrgRef issuer = orgs.get(a.orgId());
        List<UnitScore> rows = new ArrayList<>();
        for (OrgRef unit : units) {
            List<ResultItem> its = byUnit.getOrDefault(unit.id(), List.of());
            List<Adjustment> mine =
                    made.stream().filter(m -> m.unitOrgId() == unit.id()).toList();
            rows.add(new UnitScore(
                    unit.code(),
                    unit.name(),
                    Scoring.score(its, mine.stream().map(Adjustment::points).toList(), total),
                    its.stream()
                            .map(i -> item(i, issuer.code(), unit.code(), year, ownUnit != null))
                            .toList(),
                    mine.stream()
                            .map(m -> new AdjustmentView(
                                    m.getId(), m.getVersion(), m.points(), m.reason(), m.madeOn(), m.madeBy()))
                            .toList(),
                    raised.stream()
                            .filter(o -> o.unitOrgId() == unit.id())
                            .map(o -> new ObjectionView(
                                    o.getId(),
                                    o.getVersion(),
                                    unit.code(),
                                    o.content(),
                                    o.filedOn(),
                                    o.filedBy(),
                                    o.reply(),
                                    o.repliedOn(),
                                    o.repliedBy()))
                            .toList(),
                    commended.stream()
                            .filter(c -> c.unitOrgId() == unit.id())
                            .map(c -> new CommendationView(c.getId(), unit.code(), unit.name(), c.title(), c.reason()))
                            .toList()));
        }
        return rows;
    }

    private static Item item(ResultItem i, String issuerCode, String unitCode, int year, boolean unitsOwn) {
        String url;
        if (Scoring.FINDINGS.equals(i.criterion())) {
            url = unitsOwn ? "/api/v1/orgs/" + unitCode + "/years/" + year + "/findings" : null;
        } else {
            url = unitsOwn
                    ? FigureApi.evidenceUrl(unitCode, year, i.criterion())
                    : "/api/v1/orgs/" + issuerCode + "/years/" + year + "/assessment/units/" + unitCode + "/figures/"
                            + i.criterion() + "/evidence";
        }
        return new Item(
                i.criterion(),
                i.label(),
                i.value(),
                i.unit(),
                i.weight(),
                i.points(),
                i.detail(),
                List.of(new EvidenceLink(i.detail(), url)));
    }

    // ---- changing

    /**
     * One change of the organisation's assessment of the year, in one transaction: the row created with the
     * defaults on the first change (two first changes at once make one row), locked, its version checked when the
     * caller read one.
     */
    private void change(OrgRef org, int year, Long expectedVersion, java.util.function.Consumer<Assessment> work) {
        if (orgs.children(org.id()).isEmpty()) {
            throw new BusinessRuleException("本单位没有直属下级单位，无需考核");
        }
        writing.executeWithoutResult(s -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("org_id", org.id());
            row.put("assessment_year", year);
            row.put("status", Assessment.Status.DRAFT.name());
            row.put("objection_days", Assessment.DEFAULT_OBJECTION_DAYS);
            row.put("settings_source", Criterion.DEFAULT_SOURCE);
            row.put("max_adjustment", Assessment.DEFAULT_MAX_ADJUSTMENT);
            boolean created = firstTime.insertIfAbsent("assessment", row);
            Assessment a = assessments.lockByOrgIdAndYear(org.id(), year).orElseThrow();
            if (created) {
                a.startWithDefaults();
            } else if (expectedVersion != null) {
                a.checkVersion(expectedVersion);
            }
            work.accept(a);
            assessments.flush();
        });
    }

    /** The assessment an adjustment, commendation or objection belongs to, for its organisation's clerk. */
    private Assessment editable(long assessmentId) {
        Assessment a = assessments.findById(assessmentId).orElseThrow(() -> NotFoundException.of(OBJECT));
        OrgRef org = orgs.get(a.orgId());
        LedgerUser user = CurrentUser.require();
        if (!user.hasRoleAt(Role.CLERK, org.path())) {
            if (!user.canRead(org.path())) {
                throw NotFoundException.of(OBJECT);
            }
            throw new AccessDeniedException("只有本单位的学习秘书可以修改考核");
        }
        return a;
    }

    private OrgRef subordinate(OrgRef org, String unitCode) {
        return orgs.children(org.id()).stream()
                .filter(u -> u.code().equals(unitCode))
                .findFirst()
                .orElseThrow(() -> new BusinessRuleException("“" + unitCode + "”不是本单位的直属下级单位"));
    }

    private Criterion criterion(CriterionCommand c) {
        String key = Texts.blankToNull(c.figureKey());
        if (c.kind() == CriterionKind.FIGURE) {
            FigureDefinition d = Optional.ofNullable(key)
                    .map(definitions()::get)
                    .orElseThrow(() -> new BusinessRuleException("没有名为“" + c.figureKey() + "”的统计指标"));
            if (d.kind() == FigureDefinition.Kind.TEXT) {
                throw new BusinessRuleException("“" + d.label() + "”是文字指标，不能计分");
            }
        }
        String source = Texts.blankToNull(c.source());
        return new Criterion(
                c.kind(),
                key,
                c.label().strip(),
                c.weight().setScale(1, java.math.RoundingMode.HALF_UP),
                c.target().setScale(1, java.math.RoundingMode.HALF_UP),
                source == null ? Criterion.DEFAULT_SOURCE : source);
    }

    private Map<String, FigureDefinition> definitions() {
        return figures.definitions().stream()
                .collect(Collectors.toMap(FigureDefinition::key, Function.identity(), (x, y) -> x, LinkedHashMap::new));
    }

    private boolean mayObject(Assessment a) {
        return a.status() == Assessment.Status.PUBLISHED && !today().isAfter(a.objectionUntil());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
