package cn.studyledger.session.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.text.Collator;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The central group's 学习测试 of a year: listed and read by whoever reads the organisation's sessions, recorded by
 * its 学习秘书 (the test, then who took part with an optional score), every change audited and guarded by the test's
 * version. Nothing ranks the members: participants are listed by name, and their scores are shown only to the
 * clerk and the 组长 (current rules forbid ranking members by test scores as an assessment).
 */
@Service
@Transactional(readOnly = true)
public class StudyTests {

    static final String OBJECT = "学习测试";

    private static final Comparator<String> BY_NAME = Collator.getInstance(Locale.CHINA)::compare;

    private final StudyTestRepository tests;
    private final SessionRepository sessions;
    private final OrgApi orgs;
    private final AuditLog audit;
    private final EntityManager entities;

    StudyTests(
            StudyTestRepository tests,
            SessionRepository sessions,
            OrgApi orgs,
            AuditLog audit,
            EntityManager entities) {
        this.tests = tests;
        this.sessions = sessions;
        this.orgs = orgs;
        this.audit = audit;
        this.entities = entities;
    }

    /**
     * One test in a year's list.
     *
     * @param participants how many of the group took part
     * @param members how many members the group has in the year
     */
    public record StudyTestRow(
            long id,
            String title,
            LocalDate heldOn,
            Long sessionId,
            String sessionTitle,
            int participants,
            int members,
            long version) {}

    /**
     * A test with the group: each member, whether they took part, and (for the clerk and the 组长 only) their score.
     *
     * @param scoresShown whether the reader may see scores; when false every score is null
     * @param group the year's members in name order, each with their part
     * @param version the version a change must name
     */
    public record StudyTestView(
            long id,
            String orgCode,
            int year,
            String title,
            LocalDate heldOn,
            Long sessionId,
            String sessionTitle,
            String note,
            boolean scoresShown,
            List<Member> group,
            long version) {

        /** Those who took part, in name order. */
        public List<Member> participants() {
            return group.stream().filter(Member::took).toList();
        }
    }

    /**
     * A member of the group and their part in a test.
     *
     * @param took whether they took part
     * @param score their score, null when none was recorded or the reader may not see scores
     * @param note a note on their part (e.g. 补测)
     */
    public record Member(long personId, String name, String position, boolean took, BigDecimal score, String note) {}

    /**
     * One participant as the clerk records them.
     *
     * @param personId a member of the group in the test's year
     * @param score optional, 0 to 100
     * @param note optional note, at most 200 characters
     */
    public record Participant(Long personId, BigDecimal score, String note) {}

    @PreAuthorize("hasAuthority('" + Permissions.SESSION_VIEW + "')")
    public List<StudyTestRow> list(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        int members = orgs.members(org.id(), year).size();
        return tests.findByOrgYear(org.id(), year).stream()
                .map(t -> new StudyTestRow(
                        t.getId(),
                        t.title(),
                        t.heldOn(),
                        t.sessionId(),
                        sessionTitle(t.sessionId()),
                        t.participants().size(),
                        members,
                        t.getVersion()))
                .toList();
    }

    @PreAuthorize("hasAuthority('" + Permissions.SESSION_VIEW + "')")
    public StudyTestView get(long id) {
        return view(readable(id));
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public StudyTestView create(String orgCode, int year, StudyTestCommand command) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        StudyTest test = new StudyTest(org.id(), year);
        describe(test, org, command);
        tests.saveAndFlush(test);
        audit.record(AuditAction.CREATE, OBJECT, test.getId(), org.code() + " " + test.heldOn() + " " + test.title());
        return view(test);
    }

    /** Changes the test's description; 409 on a stale version. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public StudyTestView edit(long id, long version, StudyTestCommand command) {
        StudyTest test = asClerk(id);
        test.checkVersion(version);
        OrgRef org = orgs.get(test.orgId());
        String before = test.heldOn() + " " + test.title();
        describe(test, org, command);
        tests.saveAndFlush(test);
        audit.record(AuditAction.UPDATE, OBJECT, id, before + " → " + test.heldOn() + " " + test.title());
        return view(test);
    }

    /**
     * Who took part, replacing the list: each a member of the group in the test's year, once, with an optional score
     * of 0 to 100 (422 otherwise); 409 on a stale version. The test's version moves on with every change of its
     * participants.
     */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public StudyTestView participants(long id, long version, List<Participant> participants) {
        StudyTest test = asClerk(id);
        test.checkVersion(version);
        Map<Long, GroupMember> members = new LinkedHashMap<>();
        orgs.members(test.orgId(), test.year()).forEach(m -> members.put(m.personId(), m));
        Map<Long, StudyTest.Taken> taken = new LinkedHashMap<>();
        for (Participant p : participants == null ? List.<Participant>of() : participants) {
            if (p == null || p.personId() == null) {
                throw new BusinessRuleException("请选择参加测试的成员");
            }
            GroupMember m = members.get(p.personId());
            if (m == null) {
                throw new BusinessRuleException("参加测试的人员须是本单位中心组" + test.year() + "年度成员");
            }
            if (p.score() != null
                    && (p.score().compareTo(BigDecimal.ZERO) < 0 || p.score().compareTo(BigDecimal.valueOf(100)) > 0)) {
                throw new BusinessRuleException(m.name() + "的成绩应在0至100分之间");
            }
            if (p.score() != null && p.score().stripTrailingZeros().scale() > 1) {
                throw new BusinessRuleException(m.name() + "的成绩最多保留一位小数");
            }
            if (p.note() != null && p.note().length() > 200) {
                throw new BusinessRuleException(m.name() + "的备注最长200字");
            }
            if (taken.put(p.personId(), new StudyTest.Taken(p.score(), p.note())) != null) {
                throw new BusinessRuleException(m.name() + "重复填写");
            }
        }
        // a change of scores only leaves the test's row as it was: its version moves on all the same
        entities.lock(test, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        test.takenBy(taken);
        tests.saveAndFlush(test);
        audit.record(
                AuditAction.UPDATE,
                OBJECT,
                id,
                test.title() + "：参加测试" + taken.size() + "人（应参加" + members.size() + "人）");
        return view(test);
    }

    /** Deletes the test with its participants; 409 on a stale version. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public void delete(long id, long version) {
        StudyTest test = asClerk(id);
        test.checkVersion(version);
        tests.delete(test);
        tests.flush();
        audit.record(AuditAction.DELETE, OBJECT, id, test.heldOn() + " " + test.title());
    }

    private StudyTest readable(long id) {
        StudyTest test = tests.findById(id).orElseThrow(() -> NotFoundException.of(OBJECT));
        orgs.requireReadable(orgs.get(test.orgId()).code());
        return test;
    }

    private StudyTest asClerk(long id) {
        StudyTest test = readable(id);
        orgs.requireRole(orgs.get(test.orgId()).code(), Role.CLERK);
        return test;
    }

    private void describe(StudyTest test, OrgRef org, StudyTestCommand c) {
        if (c.heldOn().getYear() != test.year()) {
            throw new BusinessRuleException("测试日期应在" + test.year() + "年内");
        }
        if (c.sessionId() != null) {
            StudySession s = sessions.findById(c.sessionId())
                    .filter(x -> x.orgId() == org.id())
                    .orElseThrow(() -> new BusinessRuleException("所关联的集中学习不是本单位的集中学习"));
            if (!s.date().equals(c.heldOn())) {
                throw new BusinessRuleException("在集中学习时举行的测试，测试日期应为该次集中学习的日期（" + s.date() + "）");
            }
        }
        test.describe(c.title(), c.heldOn(), c.sessionId(), c.note());
    }

    private StudyTestView view(StudyTest t) {
        OrgRef org = orgs.get(t.orgId());
        LedgerUser user = CurrentUser.require();
        boolean scores = user.hasRoleAt(Role.CLERK, org.path()) || user.hasRoleAt(Role.LEADER, org.path());
        Map<Long, StudyTestParticipant> byPerson = new LinkedHashMap<>();
        t.participants().forEach(p -> byPerson.put(p.personId(), p));
        List<Member> group = orgs.members(t.orgId(), t.year()).stream()
                .sorted(Comparator.comparing(GroupMember::name, BY_NAME))
                .map(m -> {
                    StudyTestParticipant p = byPerson.get(m.personId());
                    return new Member(
                            m.personId(),
                            m.name(),
                            m.position(),
                            p != null,
                            p == null || !scores ? null : p.score(),
                            p == null ? null : p.note());
                })
                .toList();
        return new StudyTestView(
                t.getId(),
                org.code(),
                t.year(),
                t.title(),
                t.heldOn(),
                t.sessionId(),
                sessionTitle(t.sessionId()),
                t.note(),
                scores,
                group,
                t.getVersion());
    }

    private String sessionTitle(Long sessionId) {
        return sessionId == null
                ? null
                : sessions.findById(sessionId).map(StudySession::title).orElse(null);
    }
}
