package cn.studyledger.liaison.domain;

import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.liaison.SubmissionDeadlines;
import cn.studyledger.liaison.SubmissionKind;
import cn.studyledger.office.OfficeDocuments;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The units' 2025 member lists filed to X局党组: the 监测中心 and the 执法总队 in time and accepted, the 规划研究院 late
 * and waiting for the decision, the 信息中心 returned; the other two not filed (逾期未报).
 */
@Component
@Profile("demo")
@Order(96)
class SubmissionDemoData implements ApplicationRunner {

    private final SubmissionRepository submissions;
    private final OrgApi orgs;
    private final OfficeDocuments office;
    private final FileStore files;
    private final SubmissionDeadlines deadlines;

    SubmissionDemoData(
            SubmissionRepository submissions,
            OrgApi orgs,
            OfficeDocuments office,
            FileStore files,
            SubmissionDeadlines deadlines) {
        this.submissions = submissions;
        this.orgs = orgs;
        this.office = office;
        this.files = files;
        this.deadlines = deadlines;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        OrgRef bureau = orgs.findUnchecked("XJ").orElse(null);
        if (bureau == null
                || !submissions
                        .findBySuperiorOrgIdAndYearOrderByIdAsc(bureau.id(), 2025)
                        .isEmpty()) {
            return;
        }
        for (OrgRef unit : orgs.children(bureau.id())) {
            switch (unit.code()) {
                case "XJ-01" -> file(bureau, unit, LocalDate.of(2025, 1, 20), true, null);
                case "XJ-02" -> file(bureau, unit, LocalDate.of(2025, 1, 27), true, null);
                case "XJ-03" -> file(bureau, unit, LocalDate.of(2025, 2, 10), null, null);
                case "XJ-04" -> file(bureau, unit, LocalDate.of(2025, 1, 24), false, "名册未列明学习秘书，请补充后重新报送");
                default -> {}
            }
        }
    }

    /** {@code accepted}: true accepted, false returned, null waiting. */
    private void file(OrgRef bureau, OrgRef unit, LocalDate on, Boolean accepted, String comment) {
        String name = unit.name() + "2025年度中心组成员名册.xlsx";
        long fileId = files.store(
                        name,
                        new ByteArrayInputStream(office.memberList(orgs.group(unit.id(), 2025))),
                        FileKind.DOCUMENTS)
                .id();
        Submission s = new Submission(
                unit.id(),
                bureau.id(),
                SubmissionKind.MEMBER_LIST,
                2025,
                on,
                unit.name() + "学习秘书",
                deadlines.due(bureau.id(), 2025, SubmissionKind.MEMBER_LIST),
                fileId,
                name,
                List.of());
        if (accepted != null) {
            s.decide(accepted, comment, on.plusDays(3), "X局党组学习秘书");
        }
        submissions.save(s);
    }
}
