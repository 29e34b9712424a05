package cn.studyledger.material.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.material.IssueStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The life of a material issue: draft, then published once; published issues stay. */
class MaterialIssueTests {

    MaterialIssue draft() {
        return new MaterialIssue(1, 3, "学习贯彻全会精神", LocalDate.of(2025, 11, 5), "一、公报全文");
    }

    @Test
    void aNewIssueIsADraftNumberedInTheYearOfItsDate() {
        MaterialIssue issue = draft();
        assertThat(issue.status()).isEqualTo(IssueStatus.DRAFT);
        assertThat(issue.year()).isEqualTo(2025);
        assertThat(issue.label()).isEqualTo("2025年第3期");
    }

    @Test
    void publishingTwiceIsRefusedWithAClearMessage() {
        MaterialIssue issue = draft();
        issue.publish();
        assertThat(issue.isPublished()).isTrue();
        assertThatThrownBy(issue::publish)
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("2025年第3期已发布，不能重复发布");
    }

    @Test
    void aDraftMayBeDeletedButAPublishedIssueMayNot() {
        MaterialIssue issue = draft();
        assertThatNoException().isThrownBy(issue::checkDeletable);
        issue.publish();
        assertThatThrownBy(issue::checkDeletable)
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("2025年第3期已发布，不能删除");
    }

    @Test
    void movingTheDateToAnotherYearMovesTheNumberToThatYear() {
        MaterialIssue issue = draft();
        issue.describe(1, "新年第一期", LocalDate.of(2026, 1, 8), null);
        assertThat(issue.label()).isEqualTo("2026年第1期");
    }

    @Test
    void issueNumbersArePositive() {
        assertThatThrownBy(() -> new MaterialIssue(1, 0, "x", LocalDate.of(2025, 1, 1), null))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("期号应为正整数");
    }

    @Test
    void onlyAttachedFilesCanBeRemoved() {
        MaterialIssue issue = draft();
        issue.attach(42);
        issue.attach(7);
        assertThat(issue.fileIds()).containsExactly(7L, 42L);
        issue.detach(42);
        assertThat(issue.hasFile(42)).isFalse();
        assertThatThrownBy(() -> issue.detach(42)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void tagsAreSplitOnCommasEnumerationCommasAndSpacesWithoutRepeats() {
        assertThat(LibraryService.normaliseTags(" 生态文明，党纪学习、 生态文明 八项规定 ,")).isEqualTo("生态文明,党纪学习,八项规定");
        assertThat(LibraryService.normaliseTags("  ")).isNull();
    }
}
