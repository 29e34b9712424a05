package cn.studyledger.firsttopic.domain;

import static cn.studyledger.office.SqlLedger.label;

import cn.studyledger.firsttopic.ItemScope;
import cn.studyledger.office.LedgerProvider;
import cn.studyledger.office.LedgerRows;
import cn.studyledger.office.SqlLedger;
import cn.studyledger.org.OrgApi;
import cn.studyledger.tracking.TrackingStatus;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The first-topic 台账: the items published in the year with how often they were studied, and the follow-up tasks. */
@Configuration(proxyBeanMethods = false)
class FirstTopicLedgers {

    @Bean
    LedgerProvider firstTopicLedger(LedgerRows rows, OrgApi orgs) {
        return new SqlLedger(
                rows,
                orgs,
                "firsttopic",
                "“第一议题”学习台账",
                List.of("发布日期", "标题", "来源", "范围", "学习次数", "部署次数"),
                "select i.published_on, i.title, i.source, i.scope,"
                        + " (select count(*) from firsttopic_study st where st.item_id = i.id),"
                        + " (select count(*) from firsttopic_deployment d where d.item_id = i.id)"
                        + " from firsttopic_item i where i.org_id = :org and i.published_on >= :from"
                        + " and i.published_on < :to order by i.published_on, i.id",
                (names, r) -> Arrays.asList(
                        r.get(0),
                        r.get(1),
                        r.get(2),
                        label(r.get(3), c -> ItemScope.valueOf(c).label()),
                        r.get(4),
                        r.get(5)));
    }

    @Bean
    LedgerProvider firstTopicTaskLedger(LedgerRows rows, OrgApi orgs) {
        return new SqlLedger(
                rows,
                orgs,
                "firsttopic-tasks",
                "“第一议题”跟进落实台账",
                List.of("议题", "部署日期", "任务", "责任人", "期限", "状态", "完成日期", "落实情况"),
                "select i.title, d.decided_on, t.title, t.owner_person_id, t.due_on, t.status, t.done_on, t.evidence"
                        + " from firsttopic_task t join firsttopic_deployment d on d.id = t.deployment_id"
                        + " join firsttopic_item i on i.id = d.item_id where t.org_id = :org"
                        + " and d.decided_on >= :from and d.decided_on < :to order by d.decided_on, t.id",
                (names, r) -> Arrays.asList(
                        r.get(0),
                        r.get(1),
                        r.get(2),
                        names.name(r.get(3)),
                        r.get(4),
                        label(r.get(5), c -> TrackingStatus.valueOf(c).label()),
                        r.get(6),
                        r.get(7)));
    }
}
