package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.demo.DemoTable;
import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.selfstudy.WritingKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo writings and online learning of X局's group in 2025: one to three writings for each member but the last
 * (who wrote none, so the writing rule of DESIGN.md §4 finds a member below it), some with a small text file; and
 * a 学习强国 row per member and quarter.
 */
@Component
@Profile("demo")
@Order(35)
class WritingDemoData implements ApplicationRunner {

    private record Sample(WritingKind kind, String title, String summary) {}

    private static final List<Sample> SAMPLES = DemoTable.read("selfstudy/writings.txt", Sample.class);

    private final WritingRepository writings;
    private final OnlineLearningRepository online;
    private final FileStore files;
    private final OrgApi orgs;

    WritingDemoData(WritingRepository writings, OnlineLearningRepository online, FileStore files, OrgApi orgs) {
        this.writings = writings;
        this.online = online;
        this.files = files;
        this.orgs = orgs;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        OrgRef bureau = orgs.findUnchecked("XJ").orElse(null);
        if (bureau == null) {
            return;
        }
        List<GroupMember> members = orgs.members(bureau.id(), 2025);
        if (writings.countByOrgId(bureau.id()) == 0) {
            writings(bureau, members);
        }
        if (online.countByOrgId(bureau.id()) == 0) {
            online(bureau, members);
        }
    }

    private void writings(OrgRef bureau, List<GroupMember> members) {
        int sample = 0;
        // the last member writes nothing in 2025: the writing rule has someone to find
        for (int m = 0; m < members.size() - 1; m++) {
            GroupMember member = members.get(m);
            int count = 1 + m % 3;
            for (int k = 0; k < count; k++) {
                // each member's first writing is a 心得体会 or 调研报告, so only the last member breaks the rule
                Sample s = k == 0 ? firstOf(m) : SAMPLES.get(sample++ % SAMPLES.size());
                LocalDate date = LocalDate.of(2025, 2 + (m + k * 4) % 11, 8 + m);
                Writing writing = new Writing(bureau.id(), member.personId(), s.kind(), s.title(), date, s.summary());
                if ((m + k) % 3 == 0) {
                    String text = s.title() + "\n\n" + member.name() + "\n" + date + "\n\n"
                            + (s.summary() == null ? "（正文略）" : s.summary()) + "\n";
                    writing.attach(files.store(
                                    s.title() + ".txt",
                                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                                    FileKind.DOCUMENTS)
                            .id());
                }
                writings.save(writing);
            }
        }
    }

    private static Sample firstOf(int member) {
        return member % 2 == 0 ? SAMPLES.get(0) : SAMPLES.get(member % 4 == 1 ? 1 : 5);
    }

    private void online(OrgRef bureau, List<GroupMember> members) {
        for (int m = 0; m < members.size(); m++) {
            for (int q = 0; q < 4; q++) {
                LocalDate start = LocalDate.of(2025, 1 + q * 3, 1);
                int personTimes = 20 + (m * 7 + q * 11) % 41;
                online.save(new OnlineLearning(
                        bureau.id(),
                        members.get(m).personId(),
                        "学习强国",
                        start,
                        start.plusMonths(3).minusDays(1),
                        personTimes,
                        personTimes * 25 + m * 13));
            }
        }
    }
}
