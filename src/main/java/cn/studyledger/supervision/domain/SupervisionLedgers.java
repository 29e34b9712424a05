package cn.studyledger.supervision.domain;

import static cn.studyledger.office.SqlLedger.label;

import cn.studyledger.office.LedgerProvider;
import cn.studyledger.office.LedgerRows;
import cn.studyledger.office.SqlLedger;
import cn.studyledger.org.OrgApi;
import cn.studyledger.supervision.VisitStage;
import cn.studyledger.tracking.TrackingStatus;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The supervision 台账: the organisation's visits to its subordinate units planned in the year, and the
 * rectification items of those visits. Unit names come through the organisation API (by id, cached per export).
 */
@Configuration(proxyBeanMethods = false)
class SupervisionLedgers {

    private static final String VISIT_YEAR =
            "v.superior_org_id = :org and v.planned_on >= :from and v.planned_on < :to";

    @Bean
    LedgerProvider visitLedger(LedgerRows rows, OrgApi orgs) {
        return new SqlLedger(
                rows,
                orgs,
                "supervision",
                "列席旁听督导台账",
                List.of("计划日期", "被督导单位", "学习主题", "地点", "阶段", "旁听日期", "加权得分", "小结日期", "办结日期"),
                "select v.planned_on, v.unit_org_id, v.session_title, v.place, v.stage, v.observed_on,"
                        + " v.weighted_score, v.summarised_on, v.closed_on from supervision_visit v where "
                        + VISIT_YEAR + " order by v.planned_on, v.id",
                (names, r) -> Arrays.asList(
                        r.get(0),
                        names.orgName(r.get(1)),
                        r.get(2),
                        r.get(3),
                        label(r.get(4), c -> VisitStage.valueOf(c).label()),
                        r.get(5),
                        r.get(6),
                        r.get(7),
                        r.get(8)));
    }

    @Bean
    LedgerProvider rectificationLedger(LedgerRows rows, OrgApi orgs) {
        return new SqlLedger(
                rows,
                orgs,
                "rectification",
                "整改落实台账",
                List.of("督导日期", "被督导单位", "整改事项", "责任人", "期限", "状态", "完成日期", "销号日期", "整改情况"),
                "select v.planned_on, v.unit_org_id, r.title, r.owner_person_id, r.due_on, r.status, r.done_on,"
                        + " r.closed_on, r.evidence from supervision_rectification r"
                        + " join supervision_visit v on v.id = r.visit_id where " + VISIT_YEAR
                        + " order by v.planned_on, r.id",
                (names, r) -> Arrays.asList(
                        r.get(0),
                        names.orgName(r.get(1)),
                        r.get(2),
                        names.name(r.get(3)),
                        r.get(4),
                        label(r.get(5), c -> TrackingStatus.valueOf(c).label()),
                        r.get(6),
                        r.get(7),
                        r.get(8)));
    }
}
