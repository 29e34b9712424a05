package cn.studyledger.liaison.domain;

import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureDefinition.Kind;
import cn.studyledger.figure.FigureProvider;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.figure.Period;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The issuer's own report speaks for the system (下属N个单位中心组共开展集体学习X次): {@code system.units} and
 * {@code system.all.units} (the direct subordinate units; every unit below), and for each figure of {@link #TALLIED}
 * — a count or a sum of the units' own records — {@code system.<key>} and {@code system.all.<key>}: the figure of
 * each unit of the period, tallied with its provider's grouped statement (one per figure, never a new count), and
 * added up. A unit is one evidence record, with its own figure as the amount; no page of the unit is linked, since
 * the issuer's readers need not read the unit's records.
 *
 * <p>Only counts and sums add up. A rate of the system (its members' 参学率) is not the sum of the units' rates;
 * the issuer's own rates about its units ({@code supervision.coverage} 列席旁听覆盖率, {@code submissions.onTime}
 * 报送及时率, {@code notices.coverage}) are figures of the issuer already.
 */
@Component
@Transactional(readOnly = true)
class SystemFigures implements FigureProvider {

    static final String UNITS = "system.units";
    static final String ALL_UNITS = "system.all.units";
    static final String PREFIX = "system.";
    static final String ALL_PREFIX = "system.all.";

    /**
     * A figure of each unit that the system adds up.
     *
     * @param base the unit's figure, a COUNT or a SUM
     * @param what what it counts, for the labels (下属单位…, 全系统…) and each unit's record (集体学习2次)
     * @param unit its unit, as the base figure's
     */
    record Tallied(String base, String what, String unit) {

        String key() {
            return PREFIX + base;
        }

        String allKey() {
            return ALL_PREFIX + base;
        }
    }

    /** The figures the system adds up, in the order they are read. */
    static final List<Tallied> TALLIED = List.of(
            new Tallied("sessions.collective", "集体学习", "次"),
            new Tallied("sessions.hours", "集中学习时长", "小时"),
            new Tallied("sessions.discussion", "专题研讨", "次"),
            new Tallied("firsttopic.sessions", "“第一议题”学习", "次"),
            new Tallied("lectures.count", "专题辅导报告", "场"),
            new Tallied("selfstudy.hours", "中心组成员个人自学", "学时"),
            new Tallied("writings.count", "心得体会、调研报告等学习成果", "篇"),
            new Tallied("research.adopted", "对策建议直接转化", "条"),
            new Tallied("investigation.reports", "形成调研报告", "篇"),
            new Tallied("supervision.visits", "列席旁听指导", "场次"));

    private final OrgApi orgs;
    private final ObjectProvider<FigureProvider> providers;
    private final Map<String, Tallied> byKey = new HashMap<>();

    SystemFigures(OrgApi orgs, ObjectProvider<FigureProvider> providers) {
        this.orgs = orgs;
        this.providers = providers;
        for (Tallied t : TALLIED) {
            byKey.put(t.key(), t);
            byKey.put(t.allKey(), t);
        }
    }

    @Override
    public List<FigureDefinition> definitions() {
        List<FigureDefinition> d = new ArrayList<>();
        d.add(new FigureDefinition(UNITS, "下属单位", "个", Kind.COUNT));
        TALLIED.forEach(t -> d.add(new FigureDefinition(t.key(), "下属单位" + t.what(), t.unit(), Kind.SUM)));
        d.add(new FigureDefinition(ALL_UNITS, "全系统下属单位", "个", Kind.COUNT));
        TALLIED.forEach(t -> d.add(new FigureDefinition(t.allKey(), "全系统" + t.what(), t.unit(), Kind.SUM)));
        return d;
    }

    @Override
    public FigureResult compute(String key, OrgRef org, int year) {
        return compute(key, org, Period.of(year));
    }

    /** Computed for the period itself: a unit has no date, its records do. */
    @Override
    public FigureResult compute(String key, OrgRef org, Period period) {
        return computeAll(List.of(key), org, period).get(key);
    }

    @Override
    public Map<String, FigureResult> computeAll(List<String> keys, OrgRef org, int year) {
        return computeAll(keys, org, Period.of(year));
    }

    /** The figures asked, the units below read once for all of them. */
    @Override
    public Map<String, FigureResult> computeAll(List<String> keys, OrgRef org, Period period) {
        List<OrgRef> children = null;
        List<OrgRef> below = null;
        Map<String, FigureResult> results = new LinkedHashMap<>();
        for (String key : keys) {
            boolean all = key.equals(ALL_UNITS) || key.startsWith(ALL_PREFIX);
            if (!key.equals(UNITS) && !key.equals(ALL_UNITS) && !byKey.containsKey(key)) {
                throw new IllegalArgumentException(key);
            }
            List<OrgRef> units;
            if (all) {
                units = below == null ? below = orgs.descendants(org.id()) : below;
            } else {
                units = children == null ? children = orgs.children(org.id()) : children;
            }
            results.put(
                    key,
                    key.equals(UNITS) || key.equals(ALL_UNITS)
                            ? FigureResult.count(units.stream()
                                    .map(u -> new Evidence("下属单位", u.id(), null, u.name(), u.issuer(), null, null))
                                    .toList())
                            : added(byKey.get(key), units, period));
        }
        return results;
    }

    /** The units' own figure of the period added up: a unit with something to add is one record. */
    private FigureResult added(Tallied figure, List<OrgRef> units, Period period) {
        Map<Long, FigureResult> each = base(figure.base()).tally(figure.base(), units, period);
        List<Evidence> evidence = new ArrayList<>();
        for (OrgRef u : units) {
            BigDecimal amount = amount(each.get(u.id()));
            if (amount.signum() != 0) {
                evidence.add(new Evidence(
                        "下属单位",
                        u.id(),
                        null,
                        u.name(),
                        figure.what() + amount.toPlainString() + figure.unit(),
                        amount,
                        null));
            }
        }
        return FigureResult.sum(evidence);
    }

    private static BigDecimal amount(FigureResult r) {
        if (r == null || r.value() == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal amount = new BigDecimal(r.value().toString());
        return amount.stripTrailingZeros().scale() <= 0 ? amount.setScale(0) : amount.stripTrailingZeros();
    }

    /** The provider of a unit's figure; it must be a count or a sum, which alone add up over units. */
    private FigureProvider base(String key) {
        for (FigureProvider p : providers) {
            Optional<FigureDefinition> d =
                    p.definitions().stream().filter(x -> x.key().equals(key)).findFirst();
            if (d.isPresent()) {
                if (d.get().kind() != Kind.COUNT && d.get().kind() != Kind.SUM) {
                    throw new IllegalStateException("只有计数或合计的指标可以汇总：" + key);
                }
                return p;
            }
        }
        throw new IllegalStateException("没有指标" + key);
    }
}
