package cn.studyledger.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * XJ's 2025 recommendations as they stand now (other tests in the shared context add and adopt some), counted
 * with SQL, and the 学用转化 finding text the rule must give for them.
 */
public record DemoAdoption(long proposed, long adopted) {

    public static DemoAdoption now(JdbcClient jdbc) {
        String of = "select count(*) from research_recommendation r join org_unit o on o.id = r.org_id"
                + " where o.code = 'XJ' and r.proposed_on between '2025-01-01' and '2025-12-31'";
        DemoAdoption a = new DemoAdoption(
                jdbc.sql(of).query(Long.class).single(),
                jdbc.sql(of + " and r.status = 'ADOPTED'").query(Long.class).single());
        assertThat(a.adopted() * 2)
                .as("the demo year's adoption rate stays below 50 %% (%d of %d)", a.adopted(), a.proposed())
                .isLessThan(a.proposed());
        return a;
    }

    public String rate() {
        BigDecimal rate = BigDecimal.valueOf(adopted * 100)
                .divide(BigDecimal.valueOf(proposed), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return (rate.scale() < 0 ? rate.setScale(0) : rate).toPlainString() + "%";
    }

    public String finding() {
        return "对策建议" + proposed + "条，采纳" + adopted + "条，采纳率" + rate();
    }
}
