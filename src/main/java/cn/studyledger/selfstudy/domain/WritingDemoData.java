package cn.studyledger.selfstudy.domain;

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

    private static final List<Sample> SAMPLES = List.of(
            new Sample(WritingKind.EXPERIENCE, "学习贯彻党的二十届四中全会精神的心得体会", "结合分管工作，谈对全会精神的理解和贯彻落实的思路。"),
            new Sample(WritingKind.RESEARCH_REPORT, "关于基层生态环境监测能力建设的调研报告", "走访6个区县监测站，提出补齐设备和人员短板的建议。"),
            new Sample(WritingKind.THEORY_ARTICLE, "坚持用习近平生态文明思想指导美丽中国建设实践", null),
            new Sample(WritingKind.EXPERIENCE, "深入学习《习近平著作选读》第一卷的体会", "重点学习有关篇目，联系思想和工作实际谈认识。"),
            new Sample(WritingKind.SPEECH, "在中心组专题研讨上的交流发言", null),
            new Sample(WritingKind.RESEARCH_REPORT, "关于流域水污染协同治理的调研报告", "梳理上下游联防联控机制运行情况，提出完善生态补偿的建议。"),
            new Sample(WritingKind.EXPERIENCE, "学习新修订《中国共产党纪律处分条例》的体会", null),
            new Sample(WritingKind.THEORY_ARTICLE, "以高水平保护支撑高质量发展", "发表于局内部刊物《环境与发展》。"),
            new Sample(WritingKind.EXPERIENCE, "以学促干推动生态环境质量持续改善", null));

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
