package cn.studyledger.firsttopic.domain;

import cn.studyledger.common.demo.DemoTable;
import cn.studyledger.firsttopic.InspectionRating;
import cn.studyledger.firsttopic.ItemScope;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.AgendaSummary;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionSummary;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo year of the first topic for X局: the items studied in the 2025 sessions (one studied 47 days after its
 * publication, one of December not yet studied), four deployments with eight follow-up tasks (one done late, one
 * open and overdue, one open and not yet due) and three inspections.
 */
@Component
@Profile("demo")
@Order(40)
class FirstTopicDemoData implements ApplicationRunner {

    private final ItemRepository items;
    private final DeploymentRepository deployments;
    private final TaskRepository tasks;
    private final InspectionRepository inspections;
    private final SessionApi sessions;
    private final OrgApi orgs;
    private final Clock clock;

    FirstTopicDemoData(
            ItemRepository items,
            DeploymentRepository deployments,
            TaskRepository tasks,
            InspectionRepository inspections,
            SessionApi sessions,
            OrgApi orgs,
            Clock clock) {
        this.clock = clock;
        this.items = items;
        this.deployments = deployments;
        this.tasks = tasks;
        this.inspections = inspections;
        this.sessions = sessions;
        this.orgs = orgs;
    }

    /** An item of the register and the date of the session that studied it (null: not yet studied). */
    private record Seed(
            String title, String publishedOn, String source, ItemScope scope, String summary, String studiedOn) {}

    private static final List<Seed> SEEDS = DemoTable.read("firsttopic/items.txt", Seed.class);

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        OrgRef bureau = orgs.findUnchecked("XJ").orElse(null);
        if (bureau == null || items.countByOrgId(bureau.id()) > 0) {
            return;
        }
        Map<LocalDate, SessionSummary> byDate = sessions.sessions(bureau.id(), 2025).stream()
                .collect(Collectors.toMap(SessionSummary::date, Function.identity(), (a, b) -> a));
        Map<String, FirstTopicItem> byTitle = new HashMap<>();
        for (Seed seed : SEEDS) {
            FirstTopicItem item = new FirstTopicItem(bureau.id());
            item.describe(
                    seed.title(),
                    LocalDate.parse(seed.publishedOn()),
                    seed.source(),
                    seed.scope(),
                    seed.summary(),
                    null,
                    null);
            if (seed.studiedOn() != null) {
                SessionSummary session = byDate.get(LocalDate.parse(seed.studiedOn()));
                if (session != null) {
                    sessions.agenda(session.id()).stream()
                            .filter(a -> a.kind() == AgendaKind.FIRST_TOPIC)
                            .map(AgendaSummary::id)
                            .findFirst()
                            .ifPresent(agendaId -> item.studiedIn(session.id(), agendaId, session.date()));
                }
            }
            byTitle.put(seed.title(), items.save(item));
        }
        Map<String, Long> people = orgs.activePeople(bureau.id()).stream()
                .collect(Collectors.toMap(PersonRef::name, PersonRef::id, (a, b) -> a));

        Deployment discipline = deploy(
                bureau,
                byTitle.get("习近平总书记在二十届中央纪委四次全会上的重要讲话"),
                "认真贯彻全会部署，制定本局2025年全面从严治党工作要点，压紧压实管党治党政治责任。",
                "2025-01-16",
                byDate);
        FollowUpTask points = task(
                discipline,
                "制定并印发2025年全面从严治党工作要点",
                people.get("李明华"),
                "2025-02-28",
                "2025-02-20",
                "工作要点已经党组会审议通过并印发，责任分解到各处室和直属单位。");
        task(
                discipline,
                "开展一轮廉政风险点排查并建立防控台账",
                people.get("陈志强"),
                "2025-04-30",
                "2025-04-25",
                "排查廉政风险点46个，逐一制定防控措施，形成防控台账。");

        Deployment conduct = deploy(
                bureau,
                byTitle.get("习近平总书记关于深入贯彻中央八项规定精神学习教育的重要指示"),
                "扎实开展深入贯彻中央八项规定精神学习教育，班子及成员对照检视问题、建立清单、逐项整改。",
                "2025-02-20",
                byDate);
        task(conduct, "形成领导班子及成员作风问题检视清单", people.get("张伟"), "2025-03-31", "2025-03-28", "检视问题清单已形成，共梳理问题12条，报党组审定。");
        FollowUpTask rectify = task(
                conduct,
                "完成检视问题整改并报送整改情况",
                people.get("刘芳"),
                "2025-06-30",
                "2025-07-15",
                "12条问题全部完成整改，整改情况报告已报送上级学习教育领导小组。");

        Deployment ecology = deploy(
                bureau,
                byTitle.get("习近平总书记关于以美丽中国建设全面推进人与自然和谐共生现代化的重要文章"),
                "把学习成果转化为污染防治攻坚的实际举措，制定美丽X局建设年度行动方案，开展重点流域问题排查整治。",
                "2025-04-17",
                byDate);
        task(ecology, "制定美丽X局建设年度行动方案", people.get("赵磊"), "2025-06-30", "2025-06-20", "行动方案已印发，明确5方面18项重点任务。");
        FollowUpTask river = task(ecology, "完成重点流域水生态环境问题排查整治", people.get("杨丽"), "2025-11-30", null, null);

        Deployment plenum = deploy(
                bureau,
                byTitle.get("党的二十届四中全会公报及习近平总书记在全会上的重要讲话"),
                "深入学习贯彻党的二十届四中全会精神，组织干部专题轮训，谋划本局“十五五”生态环境保护规划。",
                "2025-10-30",
                byDate);
        task(
                plenum,
                "组织处级以上干部学习四中全会精神专题轮训",
                people.get("孙海燕"),
                "2025-12-20",
                "2025-12-18",
                "分两期完成轮训，处级以上干部126人参训，形成学习体会汇编。");
        LocalDate today = LocalDate.now(clock);
        LocalDate notYetDue = LocalDate.of(2026, 12, 31).isAfter(today.plusDays(30))
                ? LocalDate.of(2026, 12, 31)
                : today.plusDays(90);
        tasks.save(new FollowUpTask(
                bureau.id(),
                plenum.getId(),
                "编制本局“十五五”生态环境保护规划（征求意见稿）",
                people.get("李明华"),
                notYetDue,
                plenum.decidedOn()));

        inspections.save(new Inspection(
                points.getId(), LocalDate.of(2025, 3, 10), "工作要点已印发，任务分解到位，各处室已制定落实清单。", InspectionRating.GOOD));
        inspections.save(new Inspection(
                rectify.getId(), LocalDate.of(2025, 7, 5), "整改进度滞后于时限，已督促责任处室倒排工期、限期完成。", InspectionRating.AVERAGE));
        inspections.save(new Inspection(
                river.getId(), LocalDate.of(2025, 12, 10), "排查已完成，整治方案尚未审定，任务已逾期，需加快推进。", InspectionRating.POOR));
    }

    private Deployment deploy(
            OrgRef bureau,
            FirstTopicItem item,
            String decision,
            String decidedOn,
            Map<LocalDate, SessionSummary> byDate) {
        LocalDate date = LocalDate.parse(decidedOn);
        SessionSummary session = byDate.get(date);
        return deployments.save(new Deployment(
                bureau.id(), item.getId(), item.publishedOn(), decision, date, session == null ? null : session.id()));
    }

    private FollowUpTask task(
            Deployment deployment, String title, Long owner, String dueOn, String doneOn, String evidence) {
        FollowUpTask task = new FollowUpTask(
                deployment.orgId(), deployment.getId(), title, owner, LocalDate.parse(dueOn), deployment.decidedOn());
        if (doneOn != null) {
            task.complete(evidence, null, LocalDate.parse(doneOn), LocalDate.now(clock));
        }
        return tasks.save(task);
    }
}
