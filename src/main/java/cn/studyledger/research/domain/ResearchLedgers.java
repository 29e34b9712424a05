package cn.studyledger.research.domain;

import static cn.studyledger.office.SqlLedger.label;

import cn.studyledger.office.LedgerProvider;
import cn.studyledger.office.LedgerRows;
import cn.studyledger.office.SqlLedger;
import cn.studyledger.org.OrgApi;
import cn.studyledger.research.RecommendationStatus;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The research 台账: research topics of the year with their recommendations (a topic without any still gets a
 * row), and the investigations of the year as one row each for the investigation, its field trips and its
 * reports.
 */
@Configuration(proxyBeanMethods = false)
class ResearchLedgers {

    @Bean
    LedgerProvider researchLedger(LedgerRows rows, OrgApi orgs) {
        return new SqlLedger(
                rows,
                orgs,
                "research",
                "课题研究与建议转化台账",
                List.of("课题", "牵头人", "对应重点工作", "建议内容", "提出人", "提出日期", "状态", "转化举措", "文号", "采纳日期"),
                "select t.title, t.lead_person_id, t.key_task, r.content, r.proposer_person_id, r.proposed_on,"
                        + " r.status, r.measure, r.document_no, r.adopted_on from research_topic t"
                        + " left join research_recommendation r on r.topic_id = t.id"
                        + " where t.org_id = :org and t.topic_year = :year order by t.id, r.id",
                (names, r) -> Arrays.asList(
                        r.get(0),
                        names.name(r.get(1)),
                        r.get(2),
                        r.get(3),
                        names.name(r.get(4)),
                        r.get(5),
                        label(r.get(6), c -> RecommendationStatus.valueOf(c).label()),
                        r.get(7),
                        r.get(8),
                        r.get(9)));
    }

    @Bean
    LedgerProvider investigationLedger(LedgerRows rows, OrgApi orgs) {
        return new SqlLedger(
                rows,
                orgs,
                "investigations",
                "调查研究台账",
                List.of("调研主题", "类别", "日期", "牵头人", "地点或题目", "内容", "领域", "入选优秀"),
                "select i.theme, 1, cast(null as date), i.lead_person_id, cast(null as varchar(300)),"
                        + " i.purpose, cast(null as varchar(100)), cast(null as boolean), i.id, 0"
                        + " from research_investigation i where i.org_id = :org and i.investigation_year = :year"
                        + " union all select i.theme, 2, t.trip_date, cast(null as bigint), t.place, t.findings,"
                        + " cast(null as varchar(100)), cast(null as boolean), i.id, t.id from research_trip t"
                        + " join research_investigation i on i.id = t.investigation_id"
                        + " where i.org_id = :org and i.investigation_year = :year"
                        + " union all select i.theme, 3, cast(null as date), cast(null as bigint), r.title,"
                        + " cast(null as varchar(2000)), r.field, r.chosen, i.id, r.id from research_report r"
                        + " join research_investigation i on i.id = r.investigation_id"
                        + " where i.org_id = :org and i.investigation_year = :year order by 9, 2, 3, 10",
                (names, r) -> Arrays.asList(
                        r.get(0),
                        switch (((Number) r.get(1)).intValue()) {
                            case 1 -> "调研课题";
                            case 2 -> "调研行程";
                            default -> "调研报告";
                        },
                        r.get(2),
                        names.name(r.get(3)),
                        r.get(4),
                        r.get(5),
                        r.get(6),
                        r.get(7)));
    }
}
