package cn.studyledger.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A drafted problem beyond the tenth is numbered （十一）, never （11）, which reads as a lower heading level. */
class HeadingNumeralsTests {

    @Test
    void numbersPastTenAreWrittenInChineseNumerals() {
        assertThat(ReportBlocks.numeral(0)).isEqualTo("一");
        assertThat(ReportBlocks.numeral(9)).isEqualTo("十");
        assertThat(ReportBlocks.numeral(10)).isEqualTo("十一");
        assertThat(ReportBlocks.numeral(18)).isEqualTo("十九");
        assertThat(ReportBlocks.numeral(19)).isEqualTo("二十");
        assertThat(ReportBlocks.numeral(22)).isEqualTo("二十三");
        assertThat(ReportBlocks.numeral(98)).isEqualTo("九十九");
    }
}
