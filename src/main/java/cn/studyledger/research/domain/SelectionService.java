package cn.studyledger.research.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.ConflictException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.research.domain.InvestigationViews.CandidateView;
import cn.studyledger.research.domain.InvestigationViews.CriterionView;
import cn.studyledger.research.domain.InvestigationViews.JudgeView;
import cn.studyledger.research.domain.InvestigationViews.RankingRow;
import cn.studyledger.research.domain.InvestigationViews.ScoreForm;
import cn.studyledger.research.domain.InvestigationViews.SelectionView;
import cn.studyledger.research.domain.ResearchViews.PersonOption;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The excellent-report selection (优秀调研报告评选) of an organisation's year. The clerk sets the criteria and the
 * judges (members of the year's central group), the judges score every report of the year's investigations except
 * their own, and the clerk finishes it with the awards; finished, it is read-only.
 */
@Service
@Transactional(readOnly = true)
public class SelectionService {

    static final String SELECTION = "优秀调研报告评选";
    static final String SHEET = "调研报告评分";
    static final String JUDGE = "hasAuthority('" + Permissions.RESEARCH_JUDGE + "')";

    private final SelectionRepository selections;
    private final ScoreSheetRepository sheets;
    private final InvestigationService investigationService;
    private final ResearchAccess access;
    private final OrgApi orgs;
    private final AuditLog audit;

    SelectionService(
            SelectionRepository selections,
            ScoreSheetRepository sheets,
            InvestigationService investigationService,
            ResearchAccess access,
            OrgApi orgs,
            AuditLog audit) {
        this.selections = selections;
        this.sheets = sheets;
        this.investigationService = investigationService;
        this.access = access;
        this.orgs = orgs;
        this.audit = audit;
    }

    /** The selection of the organisation's year, if one was set up. */
    @PreAuthorize(TopicService.READ)
    public Optional<SelectionView> ofYear(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        return selections.findByOrgIdAndYear(org.id(), year).map(s -> view(s, org));
    }

    @PreAuthorize(TopicService.READ)
    public SelectionView get(long id) {
        Selection selection = readable(id);
        return view(selection, access.readable(selection.orgId()));
    }

    /** Sets up the year's selection; there is one per organisation and year. */
    @Transactional
    @PreAuthorize(TopicService.WRITE)
    public SelectionView create(String orgCode, SelectionCommand command) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        if (selections.findByOrgIdAndYear(org.id(), command.year()).isPresent()) {
            throw new BusinessRuleException(command.year() + "年度已有优秀调研报告评选");
        }
        Selection selection = new Selection(org.id(), command.year());
        configure(selection, org, command, Set.of());
        selections.saveAndFlush(selection);
        audit.record(AuditAction.CREATE, SELECTION, selection.getId(), summary(selection));
        return view(selection, org);
    }

    /** Changes the title, criteria or judges while the selection is open (criteria only before any scoring). */
    @Transactional
    @PreAuthorize(TopicService.WRITE)
    public SelectionView configure(long id, long expectedVersion, SelectionCommand command) {
        Selection selection = writable(id);
        selection.checkVersion(expectedVersion);
        if (command.year() != selection.year()) {
            throw new BusinessRuleException("评选年度不能修改");
        }
        OrgRef org = orgs.get(selection.orgId());
        Set<Long> scoredBy = sheets.findBySelectionId(id).stream()
                .map(ScoreSheet::judgePersonId)
                .collect(Collectors.toSet());
        configure(selection, org, command, scoredBy);
        selections.flush();
        audit.record(AuditAction.UPDATE, SELECTION, id, summary(selection));
        return view(selection, org);
    }

    /** What the scoring form of a report shows the current judge, with their earlier scores if any. */
    @PreAuthorize(JUDGE)
    public ScoreForm scoreForm(long id, long reportId) {
        Selection selection = readable(id);
        InvestigationReport report = candidate(selection, reportId);
        long judge = requireJudge(selection);
        selection.checkMayScore(judge, report.title(), report.authorIds());
        Optional<ScoreSheet> sheet = sheets.findBySelectionIdAndReportIdAndJudgePersonId(id, reportId, judge);
        return new ScoreForm(
                id,
                selection.title(),
                selection.year(),
                reportId,
                report.investigationId(),
                report.title(),
                report.field(),
                access.joined(new ArrayList<>(report.authorIds())),
                report.fileId(),
                criteria(selection),
                sheet.map(s -> Map.copyOf(s.scores())).orElse(Map.of()),
                sheet.map(ScoreSheet::remark).orElse(null),
                sheet.map(ScoreSheet::getVersion).orElse(null));
    }

    /**
     * The current judge scores a report (or corrects their scores while the selection is open). A judge never
     * scores a report of their own.
     */
    @Transactional
    @PreAuthorize(JUDGE)
    public SelectionView score(long id, ScoreCommand command) {
        Selection selection = readable(id);
        InvestigationReport report = candidate(selection, command.reportId());
        long judge = requireJudge(selection);
        selection.checkMayScore(judge, report.title(), report.authorIds());
        ScoreSheet sheet = sheets.findBySelectionIdAndReportIdAndJudgePersonId(id, report.getId(), judge)
                .orElse(null);
        boolean first = sheet == null;
        if (first) {
            if (command.version() != null) {
                throw new ConflictException();
            }
            sheet = new ScoreSheet(id, report.getId(), judge);
        } else if (command.version() == null) {
            throw new BusinessRuleException("您已为该报告评分，修改评分请在评分表中进行");
        } else {
            sheet.checkVersion(command.version());
        }
        sheet.record(selection.weights(), command.scores(), command.remark());
        sheets.saveAndFlush(sheet);
        audit.record(
                first ? AuditAction.CREATE : AuditAction.UPDATE,
                SHEET,
                sheet.getId(),
                "评委#" + judge + " 评《" + report.title() + "》："
                        + Ranking.weighted(selection.weights(), sheet.scores()).setScale(2, RoundingMode.HALF_UP)
                        + "分");
        return view(selection, orgs.get(selection.orgId()));
    }

    /** OPEN → FINISHED with the awards; every eligible judge must have scored every report. */
    @Transactional
    @PreAuthorize(TopicService.WRITE)
    public SelectionView finish(long id, long expectedVersion, FinishCommand command) {
        Selection selection = writable(id);
        selection.checkVersion(expectedVersion);
        List<InvestigationReport> reports = candidates(selection);
        List<ScoreSheet> scored = sheets.findBySelectionId(id);
        List<Ranking.Candidate> candidates = candidates(reports);
        List<Ranking.Missing> missing = Ranking.missing(candidates, selection.judgeIds(), sheetsOf(scored));
        if (!missing.isEmpty()) {
            Ranking.Missing first = missing.get(0);
            throw new BusinessRuleException("尚有 " + missing.size() + " 份评分未完成（如评委" + access.name(first.judgeId())
                    + "尚未评《" + first.title() + "》），全部评委评分后才能结束评选");
        }
        List<Ranking.Row> ranking =
                Ranking.rank(selection.weights(), candidates, selection.judgeIds(), sheetsOf(scored));
        selection.finish(ranking, missing.size(), command.awardsOrEmpty(), access.today());
        selections.flush();
        audit.record(
                AuditAction.UPDATE,
                SELECTION,
                id,
                "结束评选："
                        + selection.results().stream()
                                .filter(r -> r.award() != null)
                                .map(r -> "第" + r.ranking() + "名#" + r.reportId()
                                        + r.award().label())
                                .collect(Collectors.joining("，")));
        return view(selection, orgs.get(selection.orgId()));
    }

    /** The central-group members of the year, who may be judges. */
    @PreAuthorize(TopicService.READ)
    public List<PersonOption> judgeOptions(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        return access.members(org.id(), year).stream()
                .map(m -> new PersonOption(m.personId(), m.name(), m.role().label()))
                .toList();
    }

    private void configure(Selection selection, OrgRef org, SelectionCommand c, Set<Long> scoredBy) {
        Set<Long> members = access.members(org.id(), c.year()).stream()
                .map(GroupMember::personId)
                .collect(Collectors.toSet());
        List<Long> judges = c.judgeIds() == null ? List.of() : c.judgeIds();
        for (Long judge : judges) {
            if (judge == null || !members.contains(judge)) {
                throw new BusinessRuleException("评委须为" + c.year() + "年度中心组成员");
            }
        }
        List<Selection.CriterionLine> lines = c.criteria() == null
                ? List.of()
                : c.criteria().stream()
                        .map(x -> new Selection.CriterionLine(x.name(), x.weight() == null ? 0 : x.weight()))
                        .toList();
        selection.configure(c.title(), lines, new LinkedHashSet<>(judges), scoredBy);
    }

    /** The person of the signed-in user if they are a judge of the selection; 403 otherwise. */
    private long requireJudge(Selection selection) {
        Long person = access.judge();
        if (person == null || !selection.isJudge(person)) {
            throw new AccessDeniedException("您不是本次评选的评委");
        }
        return person;
    }

    private InvestigationReport candidate(Selection selection, long reportId) {
        return candidates(selection).stream()
                .filter(r -> r.getId() == reportId)
                .findFirst()
                .orElseThrow(() -> new BusinessRuleException("所选报告不是本次评选的参评报告"));
    }

    /** The reports taking part: those of the year's investigations (once finished, those that were ranked). */
    List<InvestigationReport> candidates(Selection selection) {
        List<InvestigationReport> all = investigationService.yearReports(selection.orgId(), selection.year());
        if (!selection.isFinished()) {
            return all;
        }
        Set<Long> ranked =
                selection.results().stream().map(SelectionResult::reportId).collect(Collectors.toSet());
        return all.stream().filter(r -> ranked.contains(r.getId())).toList();
    }

    private static List<Ranking.Candidate> candidates(List<InvestigationReport> reports) {
        return reports.stream()
                .map(r -> new Ranking.Candidate(r.getId(), r.title(), Set.copyOf(r.authorIds())))
                .toList();
    }

    private static List<Ranking.Sheet> sheetsOf(List<ScoreSheet> scored) {
        return scored.stream().map(ScoreSheet::toSheet).toList();
    }

    private Selection readable(long id) {
        return access.readable(selections.findById(id), SELECTION, Selection::orgId);
    }

    private Selection writable(long id) {
        return access.writable(selections.findById(id), SELECTION, Selection::orgId);
    }

    private static List<CriterionView> criteria(Selection selection) {
        return selection.criteria().stream()
                .map(c -> new CriterionView(c.id() == null ? 0 : c.id(), c.name(), c.weight()))
                .toList();
    }

    private String summary(Selection selection) {
        return selection.year() + "年 " + selection.title() + "，评分标准："
                + selection.criteria().stream().map(c -> c.name() + c.weight()).collect(Collectors.joining("、"))
                + "，评委：" + access.joined(selection.judgeIds());
    }

    private SelectionView view(Selection selection, OrgRef org) {
        boolean edits = access.edits(org);
        Long me = access.judge();
        boolean judge = me != null && selection.isJudge(me);
        List<InvestigationReport> reports = candidates(selection);
        Map<Long, InvestigationReport> byId =
                reports.stream().collect(Collectors.toMap(InvestigationReport::getId, Function.identity()));
        List<ScoreSheet> scored = selection.getId() == null ? List.of() : sheets.findBySelectionId(selection.getId());
        List<Ranking.Candidate> candidates = candidates(reports);
        List<Ranking.Criterion> weights = selection.weights();
        Set<Long> judgeIds = selection.judgeIds();

        Map<Long, String> names = new HashMap<>(access.names(judgeIds));
        Set<Long> authorIds =
                reports.stream().flatMap(r -> r.authorIds().stream()).collect(Collectors.toSet());
        names.putAll(access.names(authorIds));

        List<JudgeView> judges = judgeIds.stream()
                .map(j -> new JudgeView(
                        j,
                        names.get(j),
                        (int) scored.stream()
                                .filter(s -> s.judgePersonId() == j && byId.containsKey(s.reportId()))
                                .count(),
                        (int) candidates.stream()
                                .filter(c -> !c.authorIds().contains(j))
                                .count()))
                .toList();

        List<CandidateView> candidateViews = new ArrayList<>();
        for (InvestigationReport r : reports) {
            Optional<ScoreSheet> mine = me == null
                    ? Optional.empty()
                    : scored.stream()
                            .filter(s -> s.reportId() == r.getId() && s.judgePersonId() == me)
                            .findFirst();
            candidateViews.add(new CandidateView(
                    r.getId(),
                    r.investigationId(),
                    r.title(),
                    r.field(),
                    authorNames(r, names),
                    (int) scored.stream()
                            .filter(s -> s.reportId() == r.getId() && judgeIds.contains(s.judgePersonId()))
                            .count(),
                    (int) judgeIds.stream()
                            .filter(j -> !r.authorIds().contains(j))
                            .count(),
                    me != null && r.authorIds().contains(me),
                    mine.map(s -> Ranking.weighted(weights, s.scores()).setScale(2, RoundingMode.HALF_UP))
                            .orElse(null),
                    mine.map(ScoreSheet::getVersion).orElse(null)));
        }

        boolean rankingVisible = selection.isFinished() || edits;
        List<RankingRow> ranking = new ArrayList<>();
        if (selection.isFinished()) {
            for (SelectionResult result : selection.results()) {
                InvestigationReport r = byId.get(result.reportId());
                if (r == null) {
                    continue;
                }
                CandidateView c = candidateViews.stream()
                        .filter(v -> v.reportId() == r.getId())
                        .findFirst()
                        .orElseThrow();
                ranking.add(new RankingRow(
                        result.ranking(),
                        r.getId(),
                        r.investigationId(),
                        r.title(),
                        r.field(),
                        c.authorNames(),
                        result.score(),
                        c.sheets(),
                        c.eligible(),
                        result.award()));
            }
        } else if (rankingVisible) {
            for (Ranking.Row row : Ranking.rank(weights, candidates, judgeIds, sheetsOf(scored))) {
                InvestigationReport r = byId.get(row.reportId());
                ranking.add(new RankingRow(
                        row.rank(),
                        r.getId(),
                        r.investigationId(),
                        r.title(),
                        r.field(),
                        authorNames(r, names),
                        row.score(),
                        row.sheets(),
                        row.eligible(),
                        null));
            }
        }
        List<String> missing = edits && !selection.isFinished()
                ? Ranking.missing(candidates, judgeIds, sheetsOf(scored)).stream()
                        .map(m -> names.get(m.judgeId()) + " — 《" + m.title() + "》")
                        .toList()
                : List.of();
        return new SelectionView(
                selection.getId(),
                org.code(),
                selection.year(),
                selection.title(),
                selection.status(),
                selection.finishedOn(),
                selection.getVersion(),
                criteria(selection),
                judges,
                candidateViews,
                rankingVisible,
                ranking,
                missing,
                judge,
                edits);
    }

    private static String authorNames(InvestigationReport r, Map<Long, String> names) {
        return r.authorIds().stream().map(names::get).collect(Collectors.joining("、"));
    }
}
