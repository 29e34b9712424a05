package cn.studyledger.liaison.domain;

import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureDefinition.Kind;
import cn.studyledger.figure.FigureProvider;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.figure.Period;
import cn.studyledger.figure.Tallies;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.SessionSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code notices.coverage} (学习提示落实率): of the target units of the notices the organisation issued in the period
 * (by the date of issue), the share that carried theirs out — linked at least one of their sessions that was held.
 * Each receipt is one evidence record, the ones not carried out its complement.
 */
@Component
@Transactional(readOnly = true)
class NoticeFigures implements FigureProvider {

    static final String COVERAGE = "notices.coverage";

    private final NoticeRepository notices;
    private final NoticeReceiptRepository receipts;
    private final OrgApi orgs;
    private final SessionApi sessions;
    private final JdbcClient jdbc;

    NoticeFigures(
            NoticeRepository notices,
            NoticeReceiptRepository receipts,
            OrgApi orgs,
            SessionApi sessions,
            JdbcClient jdbc) {
        this.notices = notices;
        this.receipts = receipts;
        this.orgs = orgs;
        this.sessions = sessions;
        this.jdbc = jdbc;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(new FigureDefinition(COVERAGE, "学习提示落实率", "%", Kind.RATE));
    }

    @Override
    public FigureResult compute(String key, OrgRef org, int year) {
        if (!COVERAGE.equals(key)) {
            throw new IllegalArgumentException(key);
        }
        List<Notice> issued = notices.findByIssuerOrgIdAndYearOrderByIssuedOnAscIdAsc(org.id(), year);
        Map<Long, Notice> byId = issued.stream().collect(Collectors.toMap(Notice::getId, n -> n));
        List<Evidence> acted = new ArrayList<>();
        List<Evidence> not = new ArrayList<>();
        receipts.findByNoticeIdIn(byId.keySet()).stream()
                .sorted(Comparator.comparing(
                                (NoticeReceipt r) -> byId.get(r.noticeId()).issuedOn())
                        .thenComparing(NoticeReceipt::getId))
                .forEach(r -> {
                    Notice n = byId.get(r.noticeId());
                    Optional<SessionSummary> first = r.sessionIds().stream()
                            .map(sessions::find)
                            .flatMap(Optional::stream)
                            .filter(s -> s.status() == SessionStatus.HELD)
                            .min(Comparator.comparing(SessionSummary::date));
                    String unit = orgs.get(r.unitOrgId()).name();
                    Evidence e = new Evidence(
                            "学习提示",
                            r.getId(),
                            n.issuedOn(),
                            n.title(),
                            unit
                                    + first.map(s -> " · " + s.date() + "《" + s.title() + "》")
                                            .orElse(" · 未落实"),
                            null,
                            "/notices/" + n.getId());
                    (first.isPresent() ? acted : not).add(e);
                });
        return FigureResult.rate(acted, not);
    }

    /** The same numbers as {@link #compute} for many issuers with one grouped statement. */
    @Override
    public Map<Long, FigureResult> tally(String key, List<OrgRef> orgs, Period period) {
        return Tallies.rates(jdbc, """
                select n.issuer_org_id,
                       sum(case when exists (select 1 from liaison_notice_receipt_session rs
                                               join session_study_session s on s.id = rs.session_id
                                              where rs.receipt_id = r.id and s.status = 'HELD') then 1 else 0 end),
                       count(*)
                  from liaison_notice n join liaison_notice_receipt r on r.notice_id = n.id
                 where n.issuer_org_id in (:orgIds) and n.issued_on between :from and :to
                 group by n.issuer_org_id""", Map.of("from", period.from(), "to", period.to()), orgs);
    }
}
