package cn.studyledger.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Real titles of the bureau and its units, broken for the 20 characters a 二号 line of the 版心 holds. */
class TitleLinesTests {

    static final double LINE = DocxWriter.TITLE_CHARS_PER_LINE;

    @Test
    void aLineOfTheTypeAreaHoldsTwentyCharactersOfTheTitleFont() {
        assertThat(DocxWriter.TITLE_CHARS_PER_LINE).isEqualTo(20);
    }

    @Test
    void theBureausTitleBreaksAfterTheYearIntoTwoBalancedLines() {
        assertThat(TitleLines.split("X局党组关于2025年度理论学习中心组学习情况报告", LINE))
                .containsExactly("X局党组关于2025年度", "理论学习中心组学习情况报告");
    }

    @Test
    void unitsLongerTitlesBreakAfterTheYearOrBeforeGuanyuWhicheverIsBalanced() {
        assertThat(TitleLines.split("X局生态环境监测中心党委关于2025年度理论学习中心组学习情况报告", LINE))
                .containsExactly("X局生态环境监测中心党委关于2025年度", "理论学习中心组学习情况报告");
        assertThat(TitleLines.split("中共X局信息中心总支部委员会关于2025年度理论学习中心组学习情况报告", LINE))
                .containsExactly("中共X局信息中心总支部委员会", "关于2025年度理论学习中心组学习情况报告");
    }

    @Test
    void aTitleThatFitsStaysOneLine() {
        assertThat(TitleLines.split("X局党组关于2025年度学习情况报告", LINE)).containsExactly("X局党组关于2025年度学习情况报告");
        assertThat(TitleLines.split("  2025年度理论学习中心组学习计划 ", LINE)).containsExactly("2025年度理论学习中心组学习计划");
    }

    @Test
    void aVeryLongTitleTakesThreeLinesEachAWholePhraseAndNoStub() {
        String title = "中共X局生态环境监测中心机关第一总支部委员会关于2025年度理论学习中心组学习情况报告";
        List<String> lines = TitleLines.split(title, LINE);
        assertThat(String.join("", lines)).isEqualTo(title);
        assertThat(lines)
                .hasSize(3)
                .allSatisfy(line -> assertThat(TitleLines.width(line)).isLessThanOrEqualTo(LINE));
        assertThat(lines).containsExactly("中共X局生态环境监测中心机关", "第一总支部委员会关于2025年度", "理论学习中心组学习情况报告");
    }

    @Test
    void noLineIsAStubOfOneToThreeCharacters() {
        for (String title : List.of(
                "X局党组关于2025年度理论学习中心组学习情况报告",
                "X局党组关于2025年度理论学习中心组学习情况的报告",
                "X局生态环境监测中心党委关于2025年度理论学习中心组学习情况报告",
                "X局党组理论学习中心组关于2025年度学习情况报告",
                "中共X局信息中心总支部委员会关于2025年度理论学习中心组学习情况报告")) {
            List<String> lines = TitleLines.split(title, LINE);
            assertThat(String.join("", lines)).as(title).isEqualTo(title);
            assertThat(lines).as(title).allSatisfy(line -> {
                assertThat(line.length()).isGreaterThanOrEqualTo(TitleLines.SHORTEST_LINE);
                assertThat(TitleLines.width(line)).isLessThanOrEqualTo(LINE);
            });
        }
    }

    @Test
    void neverInsideANumberAWordOrAgainstPunctuation() {
        String title = "X局党组关于印发《2025年度理论学习中心组学习计划》的通知";
        List<String> lines = TitleLines.split(title, LINE);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).doesNotStartWith("》").doesNotStartWith("的通知");
        assertThat(lines.get(0)).doesNotEndWith("《");
        for (String line : lines) {
            assertThat(line).doesNotStartWith("025").doesNotStartWith("度").doesNotStartWith("局");
        }
    }

    @Test
    void digitsAndLettersCountHalf() {
        assertThat(TitleLines.width("X局2025年")).isEqualTo(4.5);
    }
}
