package cn.studyledger.figure;

import cn.studyledger.figure.domain.FigureService;
import cn.studyledger.figure.domain.PersonFigureService;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask of the figures: which figures are defined, and one figure of an organisation and
 * year with the records behind it. Every computation goes through the figure service, so the caller gets the
 * same permission ({@code report:figure:view}) and data-scope checks (404 for an organisation out of sight) as
 * the figures page and API.
 */
@Service
public class FigureApi {

    private final FigureService figures;
    private final PersonFigureService people;

    FigureApi(FigureService figures, PersonFigureService people) {
        this.figures = figures;
        this.people = people;
    }

    /** A figure's definition together with its computed value and evidence. */
    public record Figure(FigureDefinition definition, FigureResult result) {

        /**
         * The part of the figure about one person: its value computed, by the figure's kind, from only the records
         * about them ({@link Evidence#personId()}) — a member's attendances for a rate, their entries for a sum.
         */
        public FigureResult about(long personId) {
            if (definition.kind() == FigureDefinition.Kind.TEXT) {
                throw new IllegalArgumentException("文字指标不能按人计算：" + definition.key());
            }
            return FigureResult.of(
                    definition.kind(),
                    result.evidence().stream().filter(e -> e.isAbout(personId)).toList(),
                    result.complement().stream()
                            .filter(e -> e.isAbout(personId))
                            .toList());
        }
    }

    /** Every figure some module defines, in the annual report's order. */
    public List<FigureDefinition> definitions() {
        return figures.definitions();
    }

    public Optional<FigureDefinition> definition(String key) {
        return definitions().stream().filter(d -> d.key().equals(key)).findFirst();
    }

    /** One figure of the organisation and year; 404 for an organisation out of sight or an unknown key. */
    public Figure figure(String orgCode, int year, String key) {
        return figures.figure(orgCode, year, key);
    }

    /** Several figures of the organisation and year, keyed in the order asked, each module asked once. */
    public Map<String, Figure> figures(String orgCode, int year, List<String> keys) {
        return figures.some(orgCode, year, keys);
    }

    /** Every figure of the organisation and year, keyed in the annual report's order. */
    public Map<String, Figure> all(String orgCode, int year) {
        return figures.all(orgCode, year);
    }

    /** Every figure of the organisation over the period (the year, or its first half), keyed in report order. */
    public Map<String, Figure> all(String orgCode, Period period) {
        return figures.all(orgCode, period);
    }

    /** One figure of the organisation over the period; 404 as for {@link #figure(String, int, String)}. */
    public Figure figure(String orgCode, Period period, String key) {
        return figures.figure(orgCode, period, key);
    }

    /** One figure for many organisations, values only (no evidence), by organisation id; for the roll-up. */
    public Map<Long, FigureResult> tally(String key, List<OrgRef> orgs, int year) {
        return figures.tally(key, orgs, Period.of(year));
    }

    /** One figure for many organisations over the period, values only; for the roll-up and the contract tests. */
    public Map<Long, FigureResult> tally(String key, List<OrgRef> orgs, Period period) {
        return figures.tally(key, orgs, period);
    }

    /**
     * Several figures for many organisations, values only, by key and then organisation id; for the roll-up. The
     * statements run side by side on the shared, bounded tally executor while the caller waits without holding a
     * database connection (call it outside a transaction for that).
     */
    public Map<String, Map<Long, FigureResult>> tally(List<String> keys, List<OrgRef> orgs, int year) {
        return figures.tally(keys, orgs, Period.of(year));
    }

    /**
     * Several figures of the organisation's direct subordinate units, values only, by key and then unit id, for a
     * reader of the organisation (the assessment of its units); 404 for an organisation out of sight.
     */
    public Map<String, Map<Long, FigureResult>> subordinateTally(String orgCode, List<String> keys, int year) {
        return figures.subordinateTally(orgCode, keys, Period.of(year));
    }

    /** One figure of a direct subordinate unit with its evidence, for a reader of the organisation above it. */
    public Figure subordinateFigure(String orgCode, String unitCode, int year, String key) {
        return figures.subordinateFigure(orgCode, unitCode, Period.of(year), key);
    }

    /** The URL of the API's evidence of a figure. */
    public static String evidenceUrl(String orgCode, int year, String key) {
        return FigureService.evidenceUrl(orgCode, year, key);
    }

    /** The URL of the API's evidence of a figure over the period. */
    public static String evidenceUrl(String orgCode, Period period, String key) {
        return FigureService.evidenceUrl(orgCode, period, key);
    }

    /**
     * The members' per-person figures of the year the current user may read: every member's for the clerk, the 组长
     * and superiors, only their own for a member; 404 for an organisation out of sight.
     */
    public List<PersonFigures> people(String orgCode, int year) {
        return people.rows(orgCode, year);
    }

    /** The members whose per-person figures (and 学习档案) the current user may read: all, or only themself. */
    public List<GroupMember> visibleMembers(String orgCode, int year) {
        return people.visibleMembers(orgCode, year);
    }

    /** One member's per-person figures (their 学习档案's numbers); 404 unless the current user may read them. */
    public PersonFigures person(String orgCode, int year, long personId) {
        return people.row(orgCode, year, personId);
    }

    /** The records behind some of one member's per-person figures, keyed; 404 as for {@link #person}. */
    public Map<String, List<Evidence>> personEvidence(String orgCode, int year, long personId, List<String> keys) {
        return people.evidence(orgCode, year, personId, keys);
    }

    /** The per-person figures of the year's 组长, for the report; empty when the group has none. */
    public Optional<PersonFigures> leader(String orgCode, int year) {
        return people.leaderRow(orgCode, year);
    }

    /** The 组长's per-person figures over a period (the half-year report's {@code leader.*}). */
    public Optional<PersonFigures> leader(String orgCode, Period period) {
        return people.leaderRow(orgCode, period);
    }

    /** Every per-person figure defined, in the order of a row. */
    public List<FigureDefinition> personDefinitions() {
        return people.definitions();
    }
}
