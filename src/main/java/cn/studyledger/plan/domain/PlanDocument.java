package cn.studyledger.plan.domain;

import cn.studyledger.common.time.OfficeTime;
import cn.studyledger.office.DocumentBlock;
import cn.studyledger.office.OfficeDocuments;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.plan.domain.PlanViews.ArrangementRow;
import cn.studyledger.plan.domain.PlanViews.PlanDetail;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The annual plan in force as a Word document in the official layout (for the 年初报送 pack). */
@Component
public class PlanDocument {

    private final PlanQueries queries;
    private final PlanService plans;
    private final OrgApi orgs;
    private final OfficeDocuments office;

    PlanDocument(PlanQueries queries, PlanService plans, OrgApi orgs, OfficeDocuments office) {
        this.queries = queries;
        this.plans = plans;
        this.orgs = orgs;
        this.office = office;
    }

    /** The .docx of the year's approved plan (its latest approved revision); empty when none is approved. */
    public Optional<byte[]> docx(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        return queries.effective(org.id(), year).map(summary -> render(plans.get(summary.id())));
    }

    private byte[] render(PlanDetail plan) {
        List<DocumentBlock> blocks = new ArrayList<>();
        blocks.add(new DocumentBlock.Title(plan.orgName() + "党委（党组）理论学习中心组" + plan.year() + "年度学习计划"));
        if (plan.approvedAt() != null) {
            blocks.add(new DocumentBlock.Body("本计划（第" + plan.revision() + "版）于"
                    + OfficeTime.chineseDate(plan.approvedAt().toLocalDate()) + "经中心组组长审定。"));
        }
        blocks.add(new DocumentBlock.Heading1("一、学习专题"));
        List<String> themes = plan.themes();
        for (int i = 0; i < themes.size(); i++) {
            blocks.add(new DocumentBlock.Body((i + 1) + ". " + themes.get(i)));
        }
        blocks.add(new DocumentBlock.Heading1("二、月度安排"));
        List<List<String>> rows = new ArrayList<>();
        for (ArrangementRow row : plan.arrangements()) {
            rows.add(List.of(
                    row.month() + "月",
                    row.topic(),
                    row.format() == null ? "" : row.format().label(),
                    row.leadName() == null ? "" : row.leadName(),
                    row.materials() == null ? "" : row.materials()));
        }
        blocks.add(new DocumentBlock.Table(List.of("月份", "学习主题", "形式", "领学人", "学习材料"), rows));
        blocks.add(new DocumentBlock.Heading1("三、组织实施"));
        blocks.add(new DocumentBlock.Body("中心组学习秘书按月度安排做好学习通知、材料准备和台账记录，学习情况纳入年度报告。"));
        blocks.add(new DocumentBlock.Signature(plan.orgName() + "党委（党组）理论学习中心组", ""));
        return office.docx(blocks);
    }
}
