package cn.studyledger.outreach.domain;

import static cn.studyledger.office.SqlLedger.label;

import cn.studyledger.office.LedgerProvider;
import cn.studyledger.office.LedgerRows;
import cn.studyledger.office.SqlLedger;
import cn.studyledger.org.OrgApi;
import cn.studyledger.outreach.PublicityChannel;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The publicity 台账: the items published in the year. */
@Configuration(proxyBeanMethods = false)
class OutreachLedgers {

    @Bean
    LedgerProvider publicityLedger(LedgerRows rows, OrgApi orgs) {
        return new SqlLedger(
                rows,
                orgs,
                "publicity",
                "宣传报道台账",
                List.of("发布日期", "渠道", "栏目", "标题", "链接", "相关活动", "附件"),
                "select p.published_on, p.channel, p.column_name, p.title, p.link, p.related, p.file_id"
                        + " from outreach_publicity_item p where p.org_id = :org and p.published_on >= :from"
                        + " and p.published_on < :to order by p.published_on, p.id",
                (names, r) -> Arrays.asList(
                        r.get(0),
                        label(r.get(1), c -> PublicityChannel.valueOf(c).label()),
                        r.get(2),
                        r.get(3),
                        r.get(4),
                        r.get(5),
                        r.get(6) == null ? "无" : "有"));
    }
}
