package cn.studyledger.session.domain;

import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo year's 学习测试 of X局: an 应知应会 test at the session on the 二十届四中全会 (taken by those present) and a
 * 党纪 knowledge test of its own, one member missing it; most scores recorded, some left blank.
 */
@Component
@Profile("demo")
@Order(21)
class StudyTestDemoData implements ApplicationRunner {

    private static final LocalDate PLENUM_SESSION = LocalDate.of(2025, 10, 30);

    private final StudyTestRepository tests;
    private final SessionRepository sessions;
    private final OrgApi orgs;

    StudyTestDemoData(StudyTestRepository tests, SessionRepository sessions, OrgApi orgs) {
        this.tests = tests;
        this.sessions = sessions;
        this.orgs = orgs;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        OrgRef bureau = orgs.findUnchecked("XJ").orElse(null);
        if (bureau == null || tests.countByOrgId(bureau.id()) > 0) {
            return;
        }
        List<GroupMember> members = orgs.members(bureau.id(), 2025);
        if (members.isEmpty()) {
            return;
        }
        StudySession plenum =
                sessions.findByOrgIdAndDateBetweenOrderByDate(bureau.id(), PLENUM_SESSION, PLENUM_SESSION).stream()
                        .findFirst()
                        .orElse(null);

        StudyTest discipline = new StudyTest(bureau.id(), 2025);
        discipline.describe("党纪学习教育知识测试", LocalDate.of(2025, 6, 26), null, "闭卷，单选、多选、判断共50题，满分100分");
        discipline.takenBy(taken(members, Set.of("周文斌"), 0));
        tests.save(discipline);

        StudyTest plenumTest = new StudyTest(bureau.id(), 2025);
        plenumTest.describe(
                "党的二十届四中全会精神应知应会测试", PLENUM_SESSION, plenum == null ? null : plenum.getId(), "集中学习结束后当场闭卷测试");
        Set<Long> present = plenum == null
                ? Set.of()
                : Set.copyOf(plenum.attendance().stream()
                        .filter(a -> a.isMember() && a.status() == cn.studyledger.session.AttendanceStatus.PRESENT)
                        .map(Attendance::personId)
                        .toList());
        Map<Long, StudyTest.Taken> plenumTaken = new LinkedHashMap<>();
        taken(members, Set.of(), 3).forEach((person, t) -> {
            if (plenum == null || present.contains(person)) {
                plenumTaken.put(person, t);
            }
        });
        plenumTest.takenBy(plenumTaken);
        tests.save(plenumTest);
    }

    /** Every member but those named, with a plausible score (the last of every four left blank). */
    private static Map<Long, StudyTest.Taken> taken(List<GroupMember> members, Set<String> missing, int shift) {
        Map<Long, StudyTest.Taken> taken = new LinkedHashMap<>();
        int i = 0;
        for (GroupMember m : members) {
            if (missing.contains(m.name())) {
                continue;
            }
            int n = i++ + shift;
            BigDecimal score = n % 4 == 3 ? null : BigDecimal.valueOf(88 + (n * 7) % 12);
            taken.put(m.personId(), new StudyTest.Taken(score, null));
        }
        return taken;
    }
}
