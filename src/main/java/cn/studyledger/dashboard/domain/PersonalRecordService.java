package cn.studyledger.dashboard.domain;

import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureApi;
import cn.studyledger.figure.PersonFigures;
import cn.studyledger.office.DocumentBlock;
import cn.studyledger.office.OfficeDocuments;
import cn.studyledger.office.SheetData;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.selfstudy.BookSummary;
import cn.studyledger.selfstudy.SelfStudyApi;
import cn.studyledger.session.PersonSessionRecord;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SpeechKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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

    /** The per-person figure whose records are the member's study notes (学习笔记). */
    private static final String STUDY_NOTES = "studyNotes";

    private final OrgApi orgs;
    private final FigureApi figures;
    private final SessionApi sessions;
    private final SelfStudyApi selfStudy;
    private final OfficeDocuments office;
    private final AuditLog audit;

    PersonalRecordService(
            OrgApi orgs,
            FigureApi figures,
            SessionApi sessions,
            SelfStudyApi selfStudy,
            OfficeDocuments office,
            AuditLog audit) {
        this.orgs = orgs;
        this.figures = figures;
        this.sessions = sessions;
        this.selfStudy = selfStudy;
        this.office = office;
        this.audit = audit;
    }

    /** The members whose archives the current user may open: all of the group, or only themself. */
    public List<GroupMember> visibleMembers(String orgCode, int year) {
        return figures.visibleMembers(orgCode, year);
    }

    /**
     * The member's archive: the numbers are the member's per-person figures (the figures' visibility applies: a
     * member opens only their own, others get a 404), the lists the records behind them.
     */
    public PersonalRecord record(String orgCode, int year, long personId) {
        OrgRef org = orgs.requireReadable(orgCode);
        PersonFigures row = figures.person(org.code(), year, personId);
        List<String> speechKeys =
                Arrays.stream(SpeechKind.values()).map(SpeechKind::figureKey).toList();
        List<Evidence> speeches = figures.personEvidence(org.code(), year, personId, speechKeys).values().stream()
                .flatMap(List::stream)
                .sorted(Comparator.comparing(Evidence::date).thenComparing(Evidence::id))
                .toList();
        return new PersonalRecord(
                org.code(),
                org.name(),
                year,
                row,
                speeches,
                sessions.personRecords(org.id(), year, personId),
                selfStudy.entries(org.id(), year, personId),
                selfStudy.writings(org.id(), year).stream()
                        .filter(w -> w.personId() == personId)
                        .toList(),
                selfStudy.books(org.id(), year).stream()
                        .filter(b -> b.personId() == personId)
                        .toList(),
                figures.personEvidence(org.code(), year, personId, List.of(STUDY_NOTES))
                        .getOrDefault(STUDY_NOTES, List.of()));
    }

    @Transactional
    public byte[] docx(String orgCode, int year, long personId) {
        PersonalRecord r = record(orgCode, year, personId);
        List<DocumentBlock> blocks = new ArrayList<>();
        blocks.add(new DocumentBlock.Title(r.name() + "同志" + year + "年度理论学习档案"));
        blocks.add(new DocumentBlock.Body("单位：" + r.orgName() + "　职务：" + (r.position() == null ? "—" : r.position())));
        blocks.add(new DocumentBlock.Body("全年" + r.summary() + "。"));
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
        blocks.add(new DocumentBlock.Heading1("三、发言"));
        blocks.add(new DocumentBlock.Table(
                List.of("日期", "类别", "题目", "发言提纲"),
                r.speeches().stream()
                        .map(e -> List.of(
                                e.date().toString(),
                                e.type(),
                                e.title(),
                                e.url().contains("/files/") ? "有" : "无"))
                        .toList()));
        blocks.add(new DocumentBlock.Heading1("四、学习成果"));
        blocks.add(new DocumentBlock.Table(
                List.of("日期", "类别", "题目"),
                r.writings().stream()
                        .map(w -> List.of(w.writtenOn().toString(), w.kind().label(), w.title()))
                        .toList()));
        blocks.add(new DocumentBlock.Heading1("五、原著研读"));
        blocks.add(new DocumentBlock.Table(
                List.of("书名", "作者", "开始阅读", "读完"),
                r.books().stream().map(PersonalRecordService::bookRow).toList()));
        blocks.add(new DocumentBlock.Heading1("六、学习笔记"));
        blocks.add(new DocumentBlock.Table(
                List.of("日期", "笔记", "个人自学"),
                r.notes().stream().map(PersonalRecordService::noteRow).toList()));
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
                                .toList()),
                new SheetData(
                        "原著研读",
                        List.of("书名", "作者", "开始阅读", "读完"),
                        r.books().stream()
                                .map(b -> List.<Object>copyOf(bookRow(b)))
                                .toList()),
                new SheetData(
                        "学习笔记",
                        List.of("日期", "笔记", "个人自学"),
                        r.notes().stream()
                                .map(n -> List.<Object>copyOf(noteRow(n)))
                                .toList()));
        byte[] bytes = office.xlsx(sheets);
        audit.recordExport("学习档案", personId, "导出 " + r.name() + " " + year + "年度学习档案（.xlsx）");
        return bytes;
    }

    private static List<String> bookRow(BookSummary b) {
        return List.of(
                "《" + b.title() + "》",
                b.author() == null ? "" : b.author(),
                b.startedOn().toString(),
                b.finishedOn() == null ? "在读" : b.finishedOn().toString());
    }

    /** A note's evidence names the member and the file (张伟 · 笔记.jpg); the archive is the member's, so the file. */
    private static List<String> noteRow(Evidence n) {
        String title = n.title();
        int dot = title.indexOf(" · ");
        return List.of(
                n.date().toString(),
                dot < 0 ? title : title.substring(dot + 3),
                n.detail().startsWith("个人自学：") ? n.detail().substring(5) : n.detail());
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
}
