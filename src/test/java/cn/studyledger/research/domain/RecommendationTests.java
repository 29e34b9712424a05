package cn.studyledger.research.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.research.RecommendationStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The life of a recommendation: PROPOSED → ADOPTED (with measure, document number, date) | NOT_ADOPTED (with reason). */
class RecommendationTests {

    static final LocalDate PROPOSED = LocalDate.of(2025, 7, 10);
    static final LocalDate TODAY = LocalDate.of(2025, 12, 31);

    Recommendation proposed() {
        return new Recommendation(1, 2, "建立规划目标任务季度调度机制", 3, PROPOSED);
    }

    @Test
    void adoptionRecordsThePolicyItBecameWithDocumentNumberAndDate() {
        Recommendation r = proposed();
        r.adopt(" 印发调度工作机制 ", "X局发〔2025〕12号", LocalDate.of(2025, 8, 5), TODAY);
        assertThat(r.status()).isEqualTo(RecommendationStatus.ADOPTED);
        assertThat(r.measure()).isEqualTo("印发调度工作机制");
        assertThat(r.documentNo()).isEqualTo("X局发〔2025〕12号");
        assertThat(r.adoptedOn()).isEqualTo(LocalDate.of(2025, 8, 5));
    }

    @Test
    void adoptionWithoutMeasureDocumentNumberOrDateIsRefusedWithTheMissingItemNamed() {
        assertThatThrownBy(() -> proposed().adopt(" ", "X局发〔2025〕12号", PROPOSED, TODAY))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("采纳须填写转化形成的政策举措");
        assertThatThrownBy(() -> proposed().adopt("印发机制", "", PROPOSED, TODAY)).hasMessage("采纳须填写政策举措的文件文号");
        assertThatThrownBy(() -> proposed().adopt("印发机制", "X局发〔2025〕12号", null, TODAY))
                .hasMessage("采纳须填写采纳日期");
    }

    @Test
    void adoptionCannotPrecedeTheProposalNorLieInTheFuture() {
        assertThatThrownBy(() -> proposed().adopt("印发机制", "X局发〔2025〕12号", PROPOSED.minusDays(1), TODAY))
                .hasMessage("采纳日期不能早于建议提出日期（2025-07-10）");
        assertThatThrownBy(() -> proposed().adopt("印发机制", "X局发〔2025〕12号", TODAY.plusDays(1), TODAY))
                .hasMessage("采纳日期不能晚于今天");
    }

    @Test
    void notAdoptedNeedsAReasonAndDefaultsToToday() {
        assertThatThrownBy(() -> proposed().reject("  ", null, TODAY)).hasMessage("不予采纳须说明理由");
        Recommendation r = proposed();
        r.reject("已纳入上级统一建设", null, TODAY);
        assertThat(r.status()).isEqualTo(RecommendationStatus.NOT_ADOPTED);
        assertThat(r.reason()).isEqualTo("已纳入上级统一建设");
        assertThat(r.decidedOn()).isEqualTo(TODAY);
    }

    @Test
    void aDecidedRecommendationStaysDecided() {
        Recommendation adopted = proposed();
        adopted.adopt("印发机制", "X局发〔2025〕12号", PROPOSED, TODAY);
        assertThatThrownBy(() -> adopted.adopt("再次采纳", "X局发〔2025〕13号", PROPOSED, TODAY))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("该建议已采纳转化，不能再采纳");
        assertThatThrownBy(() -> adopted.reject("理由", null, TODAY)).hasMessage("该建议已采纳转化，不能再作不予采纳处理");
        assertThatThrownBy(() -> adopted.revise("改写", 3, PROPOSED)).hasMessage("该建议已采纳转化，不能再修改");
        assertThatThrownBy(adopted::checkDeletable).hasMessage("该建议已采纳转化，不能再删除");

        Recommendation rejected = proposed();
        rejected.reject("理由", null, TODAY);
        assertThatThrownBy(() -> rejected.adopt("印发机制", "X局发〔2025〕12号", PROPOSED, TODAY))
                .hasMessage("该建议已确定不予采纳，不能再采纳");
        assertThat(rejected.status()).isEqualTo(RecommendationStatus.NOT_ADOPTED);
    }

    @Test
    void anUndecidedRecommendationCanBeRevisedAndDeleted() {
        Recommendation r = proposed();
        r.revise(" 建立季度调度和通报机制 ", 4, PROPOSED.plusDays(1));
        assertThat(r.content()).isEqualTo("建立季度调度和通报机制");
        assertThat(r.proposerPersonId()).isEqualTo(4);
        r.checkDeletable();
        assertThat(r.status()).isEqualTo(RecommendationStatus.PROPOSED);
    }
}
