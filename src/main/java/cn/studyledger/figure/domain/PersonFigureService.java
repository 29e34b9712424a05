package cn.studyledger.figure.domain;

import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Role;
import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.figure.Period;
import cn.studyledger.figure.PersonFigureProvider;
import cn.studyledger.figure.PersonFigures;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.GroupRole;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-person figures of a year (one row a member of the central group), from every module's {@link
 * PersonFigureProvider}: the one place they are computed, for the API, the 学习档案 and the report tokens. A member
 * (who holds no clerk, 组长 or superior role at the organisation) sees only their own row; anyone who may not read the
 * organisation gets a 404.
 */
@Service
@Transactional(readOnly = true)
public class PersonFigureService {

    private final OrgApi orgs;
    private final List<PersonFigureProvider> providers;
    private final Map<String, FigureDefinition> definitions = new LinkedHashMap<>();

    /** The order of a row, as the 学习档案 reads; keys not named here (a new speech kind) follow in providers' order. */
    static final List<String> ORDER = List.of(
            "presided",
            "led",
            "evaluated",
            "expected",
            "attended",
            "leaves",
            "makeUps",
            "lateMakeUps",
            "keySpeeches",
            "exchangeSpeeches",
            "commentSpeeches",
            "selfStudyHours",
            "studyNotes",
            "booksRead",
            "writings",
            "experienceWritings",
            "researchReportWritings",
            "theoryArticleWritings",
            "speechWritings");

    PersonFigureService(OrgApi orgs, List<PersonFigureProvider> providers) {
        this.orgs = orgs;
        this.providers = List.copyOf(providers);
        Map<String, FigureDefinition> found = new LinkedHashMap<>();
        for (PersonFigureProvider provider : providers) {
            for (FigureDefinition d : provider.personDefinitions()) {
                if (d.kind() != FigureDefinition.Kind.COUNT && d.kind() != FigureDefinition.Kind.SUM) {
                    throw new IllegalStateException("per-person figure neither count nor sum: " + d.key());
                }
                if (found.put(d.key(), d) != null) {
                    throw new IllegalStateException("per-person figure defined twice: " + d.key());
                }
            }
        }
        found.values().stream()
                .sorted(Comparator.comparingInt(d -> ORDER.contains(d.key()) ? ORDER.indexOf(d.key()) : ORDER.size()))
                .forEach(d -> definitions.put(d.key(), d));
    }

    /** Every per-person figure defined, in the providers' order. */
    public List<FigureDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    /** The rows the current user may read: every member's, or only their own. */
    public List<PersonFigures> rows(String orgCode, int year) {
        return rows(orgCode, Period.of(year));
    }

    /** The rows over a period of the year, made from only the records it includes. */
    public List<PersonFigures> rows(String orgCode, Period period) {
        OrgRef org = orgs.requireReadable(orgCode);
        List<GroupMember> members = visibleMembers(org, period.year());
        if (members.isEmpty()) {
            return List.of();
        }
        Map<String, List<Evidence>> evidence = evidence(org, period);
        return members.stream().map(m -> row(org, period, m, evidence)).toList();
    }

    /** One member's row; a 404 for someone not in the year's group or whose row the current user may not read. */
    public PersonFigures row(String orgCode, int year, long personId) {
        OrgRef org = orgs.requireReadable(orgCode);
        GroupMember member = visibleMember(org, year, personId);
        return row(org, Period.of(year), member, evidence(org, Period.of(year)));
    }

    /**
     * The row of the year's 组长, for the report's {@code leader.*} tokens: part of the organisation's report, so
     * whoever may read the organisation reads it. Empty when the group has no 组长 that year.
     */
    public Optional<PersonFigures> leaderRow(String orgCode, int year) {
        return leaderRow(orgCode, Period.of(year));
    }

    /**
     * The 组长's row over a period of the year (the half-year report's {@code leader.*}): made from only the records
     * the period includes, as the organisation's figures are ({@link Period#includes}).
     */
    public Optional<PersonFigures> leaderRow(String orgCode, Period period) {
        OrgRef org = orgs.requireReadable(orgCode);
        return orgs.members(org.id(), period.year()).stream()
                .filter(m -> m.role() == GroupRole.LEADER)
                .findFirst()
                .map(m -> row(org, period, m, evidence(org, period)));
    }

    /** The records behind one member's figure; 404 as for {@link #row(String, int, long)} or an unknown key. */
    public List<Evidence> evidence(String orgCode, int year, long personId, String key) {
        return evidence(orgCode, year, personId, List.of(key)).get(key);
    }

    /** The records behind several of one member's figures, keyed in the order asked, computed once. */
    public Map<String, List<Evidence>> evidence(String orgCode, int year, long personId, List<String> keys) {
        return evidence(orgCode, Period.of(year), personId, keys);
    }

    /** The records behind several of one member's figures over a period of the year. */
    public Map<String, List<Evidence>> evidence(String orgCode, Period period, long personId, List<String> keys) {
        int year = period.year();
        OrgRef org = orgs.requireReadable(orgCode);
        visibleMember(org, year, personId);
        keys.stream().filter(k -> !definitions.containsKey(k)).findFirst().ifPresent(k -> {
            throw new NotFoundException("没有名为“" + k + "”的个人统计指标");
        });
        Map<String, List<Evidence>> all = evidence(org, period);
        Map<String, List<Evidence>> theirs = new LinkedHashMap<>();
        for (String key : keys) {
            theirs.put(
                    key,
                    all.getOrDefault(key, List.of()).stream()
                            .filter(e -> e.isAbout(personId))
                            .toList());
        }
        return theirs;
    }

    public static String evidenceUrl(String orgCode, int year, long personId, String key) {
        return "/api/v1/orgs/" + orgCode + "/years/" + year + "/people/" + personId + "/figures/" + key + "/evidence";
    }

    /** The evidence of a member's figure over part of the year: the year's, with {@code ?period=H1}. */
    static String evidenceUrl(String orgCode, Period period, long personId, String key) {
        return evidenceUrl(orgCode, period.year(), personId, key)
                + (period.wholeYear() ? "" : "?period=" + period.apiName());
    }

    /** The members whose rows (and 学习档案) the current user may read: all of the group, or only themself. */
    public List<GroupMember> visibleMembers(String orgCode, int year) {
        return visibleMembers(orgs.requireReadable(orgCode), year);
    }

    private List<GroupMember> visibleMembers(OrgRef org, int year) {
        LedgerUser user = CurrentUser.require();
        return orgs.members(org.id(), year).stream()
                .filter(m ->
                        seesEveryone(user, org) || Long.valueOf(m.personId()).equals(user.personId()))
                .toList();
    }

    private GroupMember visibleMember(OrgRef org, int year, long personId) {
        LedgerUser user = CurrentUser.require();
        if (!seesEveryone(user, org) && !Long.valueOf(personId).equals(user.personId())) {
            throw NotFoundException.of("个人学习情况");
        }
        return orgs.members(org.id(), year).stream()
                .filter(m -> m.personId() == personId)
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("个人学习情况"));
    }

    /** Every provider's records of the year about each person, only those the period includes. */
    private Map<String, List<Evidence>> evidence(OrgRef org, Period period) {
        Map<String, List<Evidence>> all = new LinkedHashMap<>();
        providers.forEach(p -> p.personEvidence(org, period.year())
                .forEach((key, records) -> all.put(
                        key,
                        period.wholeYear()
                                ? records
                                : records.stream()
                                        .filter(e -> period.includes(e.date()))
                                        .toList())));
        return all;
    }

    private PersonFigures row(OrgRef org, Period period, GroupMember m, Map<String, List<Evidence>> evidence) {
        List<PersonFigures.Value> values = new ArrayList<>();
        for (FigureDefinition d : definitions.values()) {
            List<Evidence> theirs = evidence.getOrDefault(d.key(), List.of()).stream()
                    .filter(e -> e.isAbout(m.personId()))
                    .toList();
            FigureResult r =
                    d.kind() == FigureDefinition.Kind.SUM ? FigureResult.sum(theirs) : FigureResult.count(theirs);
            values.add(new PersonFigures.Value(
                    d.key(),
                    d.label(),
                    d.unit(),
                    (Number) r.value(),
                    evidenceUrl(org.code(), period, m.personId(), d.key())));
        }
        return new PersonFigures(m.personId(), m.name(), m.position(), m.role(), values);
    }

    /** The clerk, the 组长 and superiors of the organisation see every member; anyone else only themself. */
    static boolean seesEveryone(LedgerUser user, OrgRef org) {
        return user.hasRoleAt(Role.CLERK, org.path())
                || user.hasRoleAt(Role.LEADER, org.path())
                || user.hasRoleAt(Role.SUPERIOR, org.path());
    }
}
