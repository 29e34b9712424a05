package cn.studyledger.dashboard.domain;

import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Role;
import cn.studyledger.office.DocumentBlock;
import cn.studyledger.office.OfficeDocuments;
import cn.studyledger.office.SheetData;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.selfstudy.SelfStudyApi;
import cn.studyledger.session.PersonSessionRecord;
import cn.studyledger.session.SessionApi;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 学习档案: a member sees their own; the clerk, the 组长 and superiors see every member of the group.
 * Anyone else gets a 404, as for any record outside their sight.
 */
@Service
@Transactional(readOnly = true)
public class PersonalRecordService {

    private final OrgApi orgs;
    private final SessionApi sessions;
    private final SelfStudyApi selfStudy;
    private final OfficeDocuments office;
    private final AuditLog audit;

    PersonalRecordService(
            OrgApi orgs, SessionApi sessions, SelfStudyApi selfStudy, OfficeDocuments office, AuditLog audit) {
        this.orgs = orgs;
        this.sessions = sessions;
        this.selfStudy = selfStudy;
        this.office = office;
        this.audit = audit;
    }

    /** The members whose archives the current user may open: all of the group, or only themself. */
    public List<GroupMember> visibleMembers(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        LedgerUser user = CurrentUser.require();
        return orgs.members(org.id(), year).stream()
                .filter(m ->
                        seesEveryone(user, org) || Long.valueOf(m.personId()).equals(user.personId()))
                .toList();
    }

    public PersonalRecord record(String orgCode, int year, long personId) {
        OrgRef org = orgs.requireReadable(orgCode);
        LedgerUser user = CurrentUser.require();
        if (!seesEveryone(user, org) && !Long.valueOf(personId).equals(user.personId())) {
            throw NotFoundException.of("学习档案");
        }
        GroupMember member = orgs.members(org.id(), year).stream()
                .filter(m -> m.personId() == personId)
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("学习档案"));
        return new PersonalRecord(
                personId,
                member.name(),
                member.position(),
                org.code(),
                org.name(),
                year,
                sessions.personRecords(org.id(), year, personId),
                selfStudy.entries(org.id(), year, personId),
                selfStudy.writings(org.id(), year).stream()
                        .filter(w -> w.personId() == personId)
                        .toList());
    }

    @Transactional
    public byte[] docx(String orgCode, int year, long personId) {
        PersonalRecord r = record(orgCode, year, personId);
        List<DocumentBlock> blocks = new ArrayList<>();
        blocks.add(new DocumentBlock.Title(r.name() + "同志" + year + "年度理论学习档案"));
        blocks.add(new DocumentBlock.Body("单位：" + r.orgName() + "　职务：" + (r.position() == null ? "—" : r.position())));
        blocks.add(new DocumentBlock.Body("全年应参加集中学习" + r.held() + "次，出席" + r.attended() + "次，请假" + r.leaves()
                + "次（按期补学" + r.makeUpsDone() + "次" + (r.makeUpsLate() > 0 ? "，逾期补学" + r.makeUpsLate() + "次" : "")
                + "）；重点发言" + r.keySpeeches() + "次，交流发言" + r.exchangeSpeeches()
                + "次" + (r.commentSpeeches() > 0 ? "，点评" + r.commentSpeeches() + "次" : "") + "；个人自学"
                + r.hours().stripTrailingZeros().toPlainString() + "学时；撰写学习成果"
                + r.writings().size()
                + "篇。"));
        blocks.add(new DocumentBlock.Heading1("一、集中学习"));
        blocks.add(new DocumentBlock.Table(
                List.of("日期", "学习主题", "考勤", "补学", "发言"),
                r.sessions().stream().map(PersonalRecordService::sessionRow).toList()));
        blocks.add(new DocumentBlock.Heading1("二、个人自学"));
        blocks.add(new DocumentBlock.Table(
                List.of("日期", "学时", "学习内容"),
                r.selfStudy().stream()
                        .map(e -> List.of(e.date().toString(), e.hours().toPlainString(), e.content()))
                        .toList()));
        blocks.add(new DocumentBlock.Heading1("三、学习成果"));
        blocks.add(new DocumentBlock.Table(
                List.of("日期", "类别", "题目"),
                r.writings().stream()
                        .map(w -> List.of(w.writtenOn().toString(), w.kind().label(), w.title()))
                        .toList()));
        byte[] bytes = office.docx(blocks);
        audit.recordExport("学习档案", personId, "导出 " + r.name() + " " + year + "年度学习档案（.docx）");
        return bytes;
    }

    @Transactional
    public byte[] xlsx(String orgCode, int year, long personId) {
        PersonalRecord r = record(orgCode, year, personId);
        List<SheetData> sheets = List.of(
                new SheetData(
                        "集中学习",
                        List.of("日期", "学习主题", "形式", "身份", "考勤", "补学截止", "补学完成", "发言"),
                        r.sessions().stream()
                                .map(s -> List.<Object>of(
                                        s.date().toString(),
                                        s.title(),
                                        s.format().label(),
                                        s.role().label(),
                                        s.attendance() == null
                                                ? "未登记"
                                                : s.attendance().label(),
                                        s.makeUpDueOn() == null
                                                ? ""
                                                : s.makeUpDueOn().toString(),
                                        s.makeUpDoneOn() == null
                                                ? ""
                                                : s.makeUpDoneOn().toString(),
                                        String.join("；", s.speeches())))
                                .toList()),
                new SheetData(
                        "个人自学",
                        List.of("日期", "学时", "学习内容"),
                        r.selfStudy().stream()
                                .map(e -> List.<Object>of(e.date().toString(), e.hours(), e.content()))
                                .toList()),
                new SheetData(
                        "学习成果",
                        List.of("日期", "类别", "题目"),
                        r.writings().stream()
                                .map(w -> List.<Object>of(
                                        w.writtenOn().toString(), w.kind().label(), w.title()))
                                .toList()));
        byte[] bytes = office.xlsx(sheets);
        audit.recordExport("学习档案", personId, "导出 " + r.name() + " " + year + "年度学习档案（.xlsx）");
        return bytes;
    }

    private static List<String> sessionRow(PersonSessionRecord s) {
        String makeUp = switch (s.participation()) {
            case MADE_UP -> "已补学";
            case MADE_UP_LATE -> "逾期补学";
            case LEAVE_OPEN -> "待补学";
            default -> "";
        };
        return List.of(
                s.date().toString(),
                s.title(),
                s.attendance() == null ? "未登记" : s.attendance().label(),
                makeUp,
                String.join("；", s.speeches()));
    }

    private static boolean seesEveryone(LedgerUser user, OrgRef org) {
        return user.hasRoleAt(Role.CLERK, org.path())
                || user.hasRoleAt(Role.LEADER, org.path())
                || user.hasRoleAt(Role.SUPERIOR, org.path());
    }
}
