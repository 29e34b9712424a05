package cn.studyledger.outreach.domain;

import cn.studyledger.common.demo.DemoTable;
import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.outreach.ExchangeRole;
import cn.studyledger.outreach.PublicityChannel;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionFormat;
import cn.studyledger.session.SessionSummary;
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
 * Demo outreach of X局 for 2025: the twelve youth cadres in two youth theory groups, two 机关 branches, the
 * 联学共建 session of 2025-11-27 linked to both groups and both branches, fifteen publicity items on the four
 * channels in three columns, and one external exchange meeting besides the group's own of 2025-12-25.
 */
@Component
@Profile("demo")
@Order(90)
class OutreachDemoData implements ApplicationRunner {

    private record Item(
            String date, PublicityChannel channel, String column, String title, String link, String related) {}

    private static final List<Item> ITEMS = DemoTable.read("outreach/publicity.txt", Item.class);

    private final YouthGroupRepository groups;
    private final PartnerBranchRepository branches;
    private final JointLinkRepository links;
    private final PublicityItemRepository items;
    private final ExchangeMeetingRepository meetings;
    private final OrgApi orgs;
    private final SessionApi sessions;
    private final FileStore files;

    OutreachDemoData(
            YouthGroupRepository groups,
            PartnerBranchRepository branches,
            JointLinkRepository links,
            PublicityItemRepository items,
            ExchangeMeetingRepository meetings,
            OrgApi orgs,
            SessionApi sessions,
            FileStore files) {
        this.groups = groups;
        this.branches = branches;
        this.links = links;
        this.items = items;
        this.meetings = meetings;
        this.orgs = orgs;
        this.sessions = sessions;
        this.files = files;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        OrgRef bureau = orgs.findUnchecked("XJ").orElse(null);
        if (bureau == null) {
            return;
        }
        if (groups.countByOrgId(bureau.id()) == 0) {
            linkage(bureau);
        }
        if (items.countByOrgId(bureau.id()) == 0) {
            publicity(bureau);
        }
        if (meetings.countByOrgId(bureau.id()) == 0) {
            ExchangeMeeting meeting = new ExchangeMeeting(bureau.id());
            meeting.describe(
                    "全省生态环境系统理论学习中心组学习经验交流会",
                    LocalDate.of(2025, 12, 9),
                    "省生态环境厅党组",
                    ExchangeRole.ATTENDED,
                    3,
                    "王建国同志代表局党组作题为《建立“三会一课”与中心组学习联动机制》的交流发言，会上学习借鉴了兄弟单位“读书班+现场教学”的经验做法。");
            meetings.save(meeting);
        }
    }

    private void linkage(OrgRef bureau) {
        List<PersonRef> youth = orgs.activePeople(bureau.id()).stream()
                .filter(PersonRef::youthCadre)
                .sorted(java.util.Comparator.comparingLong(PersonRef::id))
                .toList();
        if (youth.size() < 2) {
            return;
        }
        int half = youth.size() / 2;
        List<PersonRef> first = youth.subList(0, half);
        List<PersonRef> second = youth.subList(half, youth.size());
        YouthGroup one = groups.save(new YouthGroup(
                bureau.id(),
                "机关第一青年理论学习小组",
                first.get(0).id(),
                first.stream().map(PersonRef::id).toList()));
        YouthGroup two = groups.save(new YouthGroup(
                bureau.id(),
                "机关第二青年理论学习小组",
                second.get(0).id(),
                second.stream().map(PersonRef::id).toList()));
        PartnerBranch office = branches.save(new PartnerBranch(bureau.id(), "局机关办公室党支部", "办公室、人事处"));
        PartnerBranch planning = branches.save(new PartnerBranch(bureau.id(), "局机关规划法规处党支部", "规划处、法规处"));
        branches.save(new PartnerBranch(bureau.id(), "局机关监测处党支部", "监测处、信息科"));
        sessions.sessions(bureau.id(), 2025).stream()
                .filter(s -> s.format() == SessionFormat.JOINT && s.date().equals(LocalDate.of(2025, 11, 27)))
                .map(SessionSummary::id)
                .findFirst()
                .ifPresent(sessionId -> {
                    JointLink link = new JointLink(bureau.id(), sessionId);
                    link.participants(List.of(one.getId(), two.getId()), List.of(office.getId(), planning.getId()));
                    links.save(link);
                });
    }

    private void publicity(OrgRef bureau) {
        for (Item s : ITEMS) {
            Long file = s.link() == null
                    ? text(
                            s.title() + ".txt",
                            s.channel().label() + "·" + s.column() + "\n" + s.title() + "\n\n（演示稿件，正文略）\n")
                    : null;
            items.save(new PublicityItem(
                    bureau.id(),
                    s.channel(),
                    s.column(),
                    s.title(),
                    LocalDate.parse(s.date()),
                    s.link(),
                    file,
                    s.related()));
        }
    }

    private long text(String name, String content) {
        return files.store(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), FileKind.DOCUMENTS)
                .id();
    }
}
