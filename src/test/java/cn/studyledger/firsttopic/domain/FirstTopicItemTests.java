package cn.studyledger.firsttopic.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.firsttopic.ItemScope;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Linking an item to the sessions that studied it. */
class FirstTopicItemTests {

    final LocalDate published = LocalDate.of(2025, 3, 5);

    FirstTopicItem item() {
        FirstTopicItem item = new FirstTopicItem(1);
        item.describe("重要讲话", published, "人民日报", ItemScope.NEWS_EXCERPT, null, null, null);
        return item;
    }

    @Test
    void aSessionStudiesAnItemOnlyOnce() {
        FirstTopicItem item = item();
        item.studiedIn(10, 100, LocalDate.of(2025, 3, 13));
        assertThatThrownBy(() -> item.studiedIn(10, 101, LocalDate.of(2025, 3, 13)))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("该议题已关联这次学习");
        assertThat(item.studies()).hasSize(1);
    }

    @Test
    void aSessionBeforeThePublicationCannotHaveStudiedTheItem() {
        FirstTopicItem item = item();
        assertThatThrownBy(() -> item.studiedIn(10, 100, published.minusDays(1)))
                .hasMessageContaining("早于议题的发布日期");
        item.studiedIn(11, 110, published);
        assertThat(item.studies()).hasSize(1);
    }

    @Test
    void publicationDateCannotMovePastAStudy() {
        FirstTopicItem item = item();
        LocalDate studied = LocalDate.of(2025, 3, 13);
        assertThatThrownBy(() ->
                        item.describe("重要讲话", studied.plusDays(1), "人民日报", ItemScope.NEWS_EXCERPT, null, null, studied))
                .hasMessageContaining("发布日期不能晚于已关联的学习日期");
        item.describe("重要讲话", studied, "人民日报", ItemScope.NEWS_EXCERPT, null, null, studied);
        assertThat(item.publishedOn()).isEqualTo(studied);
    }

    @Test
    void unlinkingAStudyOfAnotherItemIsRefused() {
        assertThatThrownBy(() -> item().unlink(999)).hasMessage("该学习记录不属于本议题");
    }

    @Test
    void deploymentCannotPrecedeThePublication() {
        assertThatThrownBy(() -> new Deployment(1, 2, published, "部署", published.minusDays(1), null))
                .hasMessageContaining("部署日期不能早于议题发布日期");
    }
}
