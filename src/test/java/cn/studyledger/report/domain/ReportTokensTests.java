package cn.studyledger.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.figure.FigureDefinition.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Figure tokens: how they are found, shown, and refused when they name no figure. */
class ReportTokensTests {

    static final Map<String, FigureValue> VALUES = Map.of(
            "sessions.collective", value("sessions.collective", Kind.COUNT, "14", null, null),
            "research.adoptionRate", value("research.adoptionRate", Kind.RATE, "44.4", 4L, 9L),
            "supervision.coverage", value("supervision.coverage", Kind.RATE, "83.3", 5L, 6L),
            "full.coverage", value("full.coverage", Kind.RATE, "100", 6L, 6L),
            "selfstudy.hours", value("selfstudy.hours", Kind.SUM, "702.5", null, null),
            "round.hours", value("round.hours", Kind.SUM, "700", null, null),
            "lectures.count", value("lectures.count", Kind.COUNT, null, null, null));

    @Test
    void countsShowTheirValueAndRatesTheirPercentSign() {
        assertThat(Tokens.render("共组织集体学习{{sessions.collective}}次，转化率{{research.adoptionRate}}", VALUES))
                .isEqualTo("共组织集体学习14次，转化率44.4%");
    }

    @Test
    void aFigureWithoutDataIsMarkedMissingNeverANumber() {
        assertThat(Tokens.render("专题辅导报告{{lectures.count}}场", VALUES)).isEqualTo("专题辅导报告【待补充】场");
        assertThat(Tokens.render("{{not.there}}", VALUES)).isEqualTo("【待补充】");
        List<Tokens.Segment> segments = Tokens.segments("辅导{{lectures.count}}场", VALUES);
        assertThat(segments).hasSize(3);
        assertThat(segments.get(1).missing()).isTrue();
        assertThat(segments.get(1).key()).isEqualTo("lectures.count");
    }

    @Test
    void aPlaceholderTypedByHandIsMarkedLikeAMissingFigure() {
        List<Tokens.Segment> segments = Tokens.segments("问题：【待补充】。", VALUES);
        assertThat(segments).extracting(Tokens.Segment::text).containsExactly("问题：", "【待补充】", "。");
        assertThat(segments.get(1).missing()).isTrue();
        assertThat(segments.get(1).token()).isFalse();
    }

    @Test
    void overVariantRoundsDownAndOnlySaysOverWhenTrue() {
        assertThat(Tokens.render("{{selfstudy.hours|超过}}", VALUES)).isEqualTo("超过700");
        assertThat(Tokens.render("{{round.hours|超过}}", VALUES)).isEqualTo("700");
        assertThat(Tokens.over("1234")).isEqualTo("超过1200");
        assertThat(Tokens.over("0")).isEqualTo(Tokens.MISSING);
    }

    @Test
    void oddVariantRoundsTheTensDownAndWritesRoundOrSmallValuesPlainly() {
        assertThat(Tokens.odd("14")).isEqualTo("10余");
        assertThat(Tokens.odd("21")).isEqualTo("20余");
        assertThat(Tokens.odd("135")).isEqualTo("130余");
        assertThat(Tokens.odd("13.5")).isEqualTo("10余");
        assertThat(Tokens.odd("10.5")).isEqualTo("10余");
        assertThat(Tokens.odd("1234")).isEqualTo("1230余");
        assertThat(Tokens.odd("10")).isEqualTo("10");
        assertThat(Tokens.odd("20")).isEqualTo("20");
        assertThat(Tokens.odd("100")).isEqualTo("100");
        assertThat(Tokens.odd("9")).isEqualTo("9");
        assertThat(Tokens.odd("9.5")).isEqualTo("9.5");
        assertThat(Tokens.odd("0")).isEqualTo("0");
        assertThat(Tokens.render("自学{{selfstudy.hours|余}}学时", VALUES)).isEqualTo("自学700余学时");
        assertThat(Tokens.render("自学{{round.hours|余}}学时", VALUES)).isEqualTo("自学700学时");
        assertThat(Tokens.render("辅导{{lectures.count|余}}场", VALUES)).isEqualTo("辅导【待补充】场");
    }

    @Test
    void nearlyVariantNamesTheNextRoundNumberOnlyWithinNinetyPercentOfIt() {
        assertThat(Tokens.nearly("96")).isEqualTo("近100");
        assertThat(Tokens.nearly("99")).isEqualTo("近100");
        assertThat(Tokens.nearly("99.5")).isEqualTo("近100");
        assertThat(Tokens.nearly("9")).isEqualTo("近10");
        assertThat(Tokens.nearly("46")).isEqualTo("近50");
        assertThat(Tokens.nearly("45")).isEqualTo("近50");
        assertThat(Tokens.nearly("85")).isEqualTo("近90");
        assertThat(Tokens.nearly("950")).isEqualTo("近1000");
        assertThat(Tokens.nearly("901")).isEqualTo("近1000");
        assertThat(Tokens.nearly("1850")).isEqualTo("近2000");
        assertThat(Tokens.nearly("9500")).isEqualTo("近10000");
        // from 1000 the round step is a thousand: every value would be "近" its next hundred
        assertThat(Tokens.nearly("1234")).isEqualTo("1234");
        assertThat(Tokens.nearly("1201")).isEqualTo("1201");
        assertThat(Tokens.nearly("1000")).isEqualTo("1000");
        assertThat(Tokens.nearly("2000")).isEqualTo("2000");
        // further below the next round number than 90%: "近" would be untrue
        assertThat(Tokens.nearly("44")).isEqualTo("44");
        assertThat(Tokens.nearly("14")).isEqualTo("14");
        assertThat(Tokens.nearly("21")).isEqualTo("21");
        assertThat(Tokens.nearly("135")).isEqualTo("135");
        assertThat(Tokens.nearly("13.5")).isEqualTo("13.5");
        assertThat(Tokens.nearly("8")).isEqualTo("8");
        // already round: written plainly
        assertThat(Tokens.nearly("0")).isEqualTo("0");
        assertThat(Tokens.nearly("10")).isEqualTo("10");
        assertThat(Tokens.nearly("20")).isEqualTo("20");
        assertThat(Tokens.nearly("100")).isEqualTo("100");
        assertThat(Tokens.nearly("800")).isEqualTo("800");
        assertThat(Tokens.render("自学{{selfstudy.hours|近}}学时", VALUES)).isEqualTo("自学702.5学时");
        assertThat(Tokens.render("辅导{{lectures.count|近}}场", VALUES)).isEqualTo("辅导【待补充】场");
    }

    @Test
    void rateVariantsGiveNumeratorDenominatorAndFullCoverageOnlyAtHundredPercent() {
        assertThat(Tokens.render("{{research.adoptionRate|分子}}/{{research.adoptionRate|分母}}", VALUES))
                .isEqualTo("4/9");
        assertThat(Tokens.render("{{supervision.coverage|覆盖}}", VALUES)).isEqualTo("覆盖5/6个单位");
        assertThat(Tokens.render("{{full.coverage|覆盖}}", VALUES)).isEqualTo("全覆盖");
    }

    @Test
    void tokensWithUnknownKeysOrVariantsAreListedOnceEach() {
        String text = "{{sessions.collective}} {{no.such}} {{no.such}} {{sessions.collective|大约}} {{ year }}";
        assertThat(Tokens.unknown(text, Set.of("sessions.collective", "year")))
                .containsExactly("{{no.such}}", "{{sessions.collective|大约}}");
        assertThat(Tokens.unknown("{{sessions.collective|余}}{{sessions.collective|近}}", Set.of("sessions.collective")))
                .isEmpty();
        assertThat(Tokens.tokens(text)).extracting(Tokens.Token::key).contains("year");
    }

    @Test
    void textWithoutTokensIsLeftAlone() {
        assertThat(Tokens.render("没有数字的段落 { 单个括号 }", VALUES)).isEqualTo("没有数字的段落 { 单个括号 }");
        assertThat(Tokens.render(null, VALUES)).isEmpty();
    }

    static FigureValue value(String key, Kind kind, String value, Long numerator, Long denominator) {
        return new FigureValue(key, key, kind, value, numerator, denominator, "", "/figures/" + key);
    }
}
