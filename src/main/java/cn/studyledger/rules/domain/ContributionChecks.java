package cn.studyledger.rules.domain;

import static cn.studyledger.rules.domain.RuleChecks.counted;
import static cn.studyledger.rules.domain.RuleChecks.held;
import static cn.studyledger.rules.domain.RuleChecks.member;
import static cn.studyledger.rules.domain.RuleChecks.plainNames;
import static cn.studyledger.rules.domain.RuleChecks.session;

import cn.studyledger.figure.Evidence;
import cn.studyledger.org.GroupMember;
import cn.studyledger.report.Finding;
import cn.studyledger.rules.domain.RuleChecks.Check;
import cn.studyledger.selfstudy.WritingSummary;
import cn.studyledger.session.SessionFacts;
import cn.studyledger.session.SpeechKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The rules on the members' own contributions: key speeches at each session and over the year, writings and books. */
final class ContributionChecks {

    private ContributionChecks() {}

    static Optional<Finding> keySpeechesPerSession(Check c) {
        int min = c.int1();
        int max = c.int2();
        int outOfRange = 0;
        int withoutOutline = 0;
        List<Evidence> evidence = new ArrayList<>();
        for (SessionFacts s : held(c.facts())) {
            List<SessionFacts.SpeechFact> key = s.speeches().stream()
                    .filter(sp -> sp.kind() == SpeechKind.KEY)
                    .toList();
            long missing = key.stream().filter(sp -> !sp.hasOutline()).count();
            List<String> wrong = new ArrayList<>();
            if (key.size() < min || key.size() > max) {
                outOfRange++;
                wrong.add("重点发言" + key.size() + "人");
            }
            if (missing > 0) {
                withoutOutline += missing;
                wrong.add(missing + "篇重点发言未附提纲");
            }
            if (!wrong.isEmpty()) {
                evidence.add(session(s, String.join("；", wrong)));
            }
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (outOfRange > 0) {
            parts.add(outOfRange + "次集中学习重点发言人数不在" + c.p1() + "至" + c.p2() + "人之间");
        }
        if (withoutOutline > 0) {
            parts.add(withoutOutline + "篇重点发言未附书面提纲");
        }
        String finding = String.join("，", parts);
        String problem = "交流研讨的组织还不够规范，" + String.join("，", parts) + "，研讨交流的深度和质量有待提升。";
        String next = "每次集中学习安排" + c.p1() + "至" + c.p2() + "名成员重点发言，发言前形成书面提纲，增强研讨交流的针对性和实效性。";
        return c.found(finding, problem, next, evidence);
    }

    static Optional<Finding> keySpeechesPerMember(Check c) {
        RuleFacts f = c.facts();
        if (!f.yearOver() || f.members().isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Long> counts = held(f).stream()
                .flatMap(s -> s.speeches().stream())
                .filter(sp -> c.counts(sp.kind()))
                .collect(Collectors.groupingBy(SessionFacts.SpeechFact::personId, Collectors.counting()));
        List<GroupMember> below = f.members().stream()
                .filter(m -> counts.getOrDefault(m.personId(), 0L) < c.int1())
                .toList();
        if (below.isEmpty()) {
            return Optional.empty();
        }
        String kinds = c.kindLabels("、");
        String who = counted(below);
        String finding = below.size() + "名成员全年" + kinds + "少于" + c.p1() + "次：" + plainNames(below);
        String problem = "成员参与交流研讨还不够均衡，有" + who + "全年"
                + (c.int1() == 1 ? "未作" + c.kindLabels("或") : kinds + "少于" + c.p1() + "次")
                + "，带头研学、深入思考的作用发挥不够充分。";
        String next = "统筹安排成员发言，确保每名成员全年至少作" + c.p1() + "次" + c.kindLabels("或") + "，做到人人有准备、个个有发言。";
        return c.found(
                finding,
                problem,
                next,
                below.stream()
                        .map(m -> member(m, "全年" + kinds + counts.getOrDefault(m.personId(), 0L) + "次"))
                        .toList());
    }

    static Optional<Finding> writingsPerMember(Check c) {
        RuleFacts f = c.facts();
        if (!f.yearOver() || f.members().isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Long> counts = f.writings().stream()
                .filter(w -> c.counts(w.kind()))
                .collect(Collectors.groupingBy(WritingSummary::personId, Collectors.counting()));
        List<GroupMember> below = f.members().stream()
                .filter(m -> counts.getOrDefault(m.personId(), 0L) < c.int1())
                .toList();
        if (below.isEmpty()) {
            return Optional.empty();
        }
        String kinds = c.kindLabels("、");
        String either = c.kindLabels("或");
        String who = counted(below);
        String finding = below.size() + "名成员全年撰写" + kinds + "少于" + c.p1() + "篇：" + plainNames(below);
        String problem = "学习成果的总结转化还不够充分，有" + who + "全年"
                + (c.int1() == 1 ? "未撰写" + either : "撰写" + kinds + "少于" + c.p1() + "篇") + "，以学促思、以文践学还有差距。";
        String next = "督促每名成员全年至少撰写" + c.p1() + "篇" + either + "，及时把学习收获转化为推动工作的思路举措。";
        return c.found(
                finding,
                problem,
                next,
                below.stream()
                        .map(m -> member(m, "全年撰写" + kinds + counts.getOrDefault(m.personId(), 0L) + "篇"))
                        .toList());
    }

    /** Each member's books finished in the year, as the figure books.read counts them (its evidence is per reader). */
    static Optional<Finding> booksPerMember(Check c) {
        RuleFacts f = c.facts();
        if (!f.yearOver() || f.members().isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Long> counts = f.figure(RuleChecks.BOOKS).evidence().stream()
                .filter(e -> e.personId() != null)
                .collect(Collectors.groupingBy(Evidence::personId, Collectors.counting()));
        List<GroupMember> below = f.members().stream()
                .filter(m -> counts.getOrDefault(m.personId(), 0L) < c.int1())
                .toList();
        if (below.isEmpty()) {
            return Optional.empty();
        }
        String finding = below.size() + "名成员全年研读原著少于" + c.p1() + "本：" + plainNames(below);
        String problem = "原原本本学原著、读原文还不够扎实，有" + counted(below) + "全年研读原著少于" + c.p1() + "本，系统学习、深入钻研有待加强。";
        String next = "制定个人原著研读书目，督促每名成员全年至少研读" + c.p1() + "本原著，做到读原著、学原文、悟原理。";
        return c.found(
                finding,
                problem,
                next,
                below.stream()
                        .map(m -> member(m, "全年读完原著" + counts.getOrDefault(m.personId(), 0L) + "本"))
                        .toList());
    }
}
