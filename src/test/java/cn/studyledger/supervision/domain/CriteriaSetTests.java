package cn.studyledger.supervision.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rating criteria: named, distinct, weights 1–100 adding up to 100. */
class CriteriaSetTests {

    @Test
    void theDefaultSetIsValid() {
        CriteriaSet.check(CriteriaSet.DEFAULTS);
        assertThat(CriteriaSet.DEFAULTS.stream().mapToInt(Criterion::weight).sum())
                .isEqualTo(100);
    }

    @Test
    void weightsMustAddUpToAHundred() {
        assertThatThrownBy(() -> CriteriaSet.check(List.of(new Criterion("方案", 50), new Criterion("研讨", 40))))
                .hasMessage("各项评价指标的权重合计须为100（现为90）");
    }

    @Test
    void criteriaAreNamedDistinctAndNotEmpty() {
        assertThatThrownBy(() -> CriteriaSet.check(List.of())).hasMessage("请至少设置一项评价指标");
        assertThatThrownBy(() -> CriteriaSet.check(List.of(new Criterion("方案", 50), new Criterion("方案", 50))))
                .hasMessage("评价指标“方案”重复");
        assertThatThrownBy(() -> CriteriaSet.check(List.of(new Criterion("方案", 0), new Criterion("研讨", 100))))
                .hasMessage("“方案”的权重须在1到100之间");
    }

    @Test
    void replacingKeepsTheNewSet() {
        CriteriaSet set = new CriteriaSet(1, 2025, CriteriaSet.DEFAULTS);
        set.replace(List.of(new Criterion("方案", 30), new Criterion("研讨", 70)));
        assertThat(set.criteria()).extracting(Criterion::name).containsExactly("方案", "研讨");
    }
}
