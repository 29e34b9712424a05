package cn.studyledger.selfstudy.domain;

import cn.studyledger.org.GroupMember;
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

/** Demo self-study: two entries a month for each member of X局's group through 2025. */
@Component
@Profile("demo")
@Order(30)
class SelfStudyDemoData implements ApplicationRunner {

    private static final String[] READINGS = {
        "《习近平著作选读》第一卷有关篇目",
        "《习近平谈治国理政》第五卷",
        "《习近平生态文明思想学习纲要》",
        "党的二十届四中全会公报",
        "《中国共产党纪律处分条例》",
        "人民日报评论员文章",
        "《习近平关于全面从严治党论述摘编》",
        "《中华人民共和国环境保护法》释义"
    };

    private final SelfStudyRepository entries;
    private final OrgApi orgs;
    private final SelfStudyTotals totals;

    SelfStudyDemoData(SelfStudyRepository entries, OrgApi orgs, SelfStudyTotals totals) {
        this.entries = entries;
        this.orgs = orgs;
        this.totals = totals;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        OrgRef bureau = orgs.findUnchecked("XJ").orElse(null);
        if (bureau == null || entries.countByOrgId(bureau.id()) > 0) {
            return;
        }
        List<GroupMember> members = orgs.members(bureau.id(), 2025);
        for (int m = 0; m < members.size(); m++) {
            for (int month = 1; month <= 12; month++) {
                for (int k = 0; k < 2; k++) {
                    LocalDate date = LocalDate.of(2025, month, 5 + k * 12 + m % 3);
                    BigDecimal hours = new BigDecimal(2 + (m + month + k) % 3)
                            .add(k == 0 ? BigDecimal.ZERO : new BigDecimal("0.5"));
                    entries.save(new SelfStudyEntry(
                            bureau.id(),
                            members.get(m).personId(),
                            date,
                            hours,
                            READINGS[(m + month + k) % READINGS.length]));
                    totals.added(bureau.id(), members.get(m).personId(), 2025, hours);
                }
            }
        }
    }
}
