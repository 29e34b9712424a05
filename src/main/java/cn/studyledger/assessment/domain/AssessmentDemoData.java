package cn.studyledger.assessment.domain;

import cn.studyledger.common.security.SystemIdentity;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * X局党组's assessment of its units' 2025 study with the default criteria and the units' records as they stand:
 * published on 26 January 2026, the 规划研究院's objection answered, approved by the 组长 on 5 February and issued as a
 * 通报 on 6 February; the 监测中心 commended as 先进集体 with 2 points added.
 */
@Component
@Profile("demo")
@Order(97)
class AssessmentDemoData implements ApplicationRunner {

    private final AssessmentRepository assessments;
    private final AdjustmentRepository adjustments;
    private final ObjectionRepository objections;
    private final CommendationRepository commendations;
    private final AssessmentService service;
    private final OrgApi orgs;

    AssessmentDemoData(
            AssessmentRepository assessments,
            AdjustmentRepository adjustments,
            ObjectionRepository objections,
            CommendationRepository commendations,
            AssessmentService service,
            OrgApi orgs) {
        this.assessments = assessments;
        this.adjustments = adjustments;
        this.objections = objections;
        this.commendations = commendations;
        this.service = service;
        this.orgs = orgs;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        OrgRef bureau = orgs.findUnchecked("XJ").orElse(null);
        if (bureau == null || assessments.findByOrgIdAndYear(bureau.id(), 2025).isPresent()) {
            return;
        }
        Assessment a = new Assessment(bureau.id(), 2025);
        List<ResultItem> snapshot = SystemIdentity.call(() -> service.live(bureau, 2025, a.criteria()));
        a.publish(snapshot, LocalDate.of(2026, 1, 26), "X局党组学习秘书", LocalDate.of(2026, 2, 2));
        assessments.saveAndFlush(a);
        for (OrgRef unit : orgs.children(bureau.id())) {
            switch (unit.code()) {
                case "XJ-01" -> {
                    adjustments.save(new Adjustment(
                            a.getId(),
                            unit.id(),
                            BigDecimal.valueOf(20, 1),
                            "获评全市学习型党组织建设示范单位",
                            LocalDate.of(2026, 1, 26),
                            "X局党组学习秘书"));
                    commendations.save(new Commendation(a.getId(), unit.id(), "先进集体", "学习制度健全，学用转化成效明显"));
                }
                case "XJ-03" -> {
                    Objection objection = new Objection(
                            a.getId(),
                            unit.id(),
                            "本单位第一季度集中学习记录已于1月补录，请按补录后的记录复核集体学习次数。",
                            LocalDate.of(2026, 1, 28),
                            "规划研究院学习秘书");
                    objection.answer("经核实，补录的3月集中学习已计入集体学习次数，得分无误。", LocalDate.of(2026, 2, 3), "X局党组学习秘书");
                    objections.save(objection);
                }
                default -> {}
            }
        }
        adjustments.flush();
        a.approve(LocalDate.of(2026, 2, 5), "王建国");
        service.issue(bureau, a, "X党组〔2026〕5号", LocalDate.of(2026, 2, 6), "X局党组学习秘书");
        assessments.saveAndFlush(a);
    }
}
