package cn.studyledger.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.figure.FigureDefinition.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Clauses ({@code {{#if key}}…{{#else}}…{{/if}}}): a sentence is written only when its figure has something to say,
 * so the default text never contradicts the records; the figure a clause names is checked like a token.
 */
class ReportClausesTests {

    static final Map<String, FigureValue> VALUES = Map.of(
            "firsttopic.sessions", value("firsttopic.sessions", Kind.COUNT, "2", null, null),
            "firsttopic.items", value("firsttopic.items", Kind.COUNT, "0", null, null),
            "plan.executionRate", value("plan.executionRate", Kind.RATE, null, 0L, 0L),
            "speech.keyRate", value("speech.keyRate", Kind.RATE, "0", 0L, 9L),
            "investigation.highlightField", value("investigation.highlightField", Kind.TEXT, null, null, null),
            "org.field", value("org.field", Kind.TEXT, "生态监测", null, null));

    @Test
    void aClauseIsWrittenOnlyWhenItsFigureIsNotZero() {
        assertThat(Tokens.render(
                        "“第一议题”学习{{firsttopic.sessions}}次{{#if firsttopic.items}}，学习内容{{firsttopic.items}}项{{/if}}。",
                        VALUES))
                .isEqualTo("“第一议题”学习2次。");
    }

    @Test
    void theAlternativeIsWrittenWhenThereIsNothingToSay() {
        assertThat(Tokens.render(
                        "{{#if plan.executionRate}}每月排出具体安排，执行率{{plan.executionRate}}。{{#else}}组织开展理论学习。{{/if}}",
                        VALUES))
                .isEqualTo("组织开展理论学习。");
        assertThat(Tokens.render("{{#if org.field}}推动{{org.field}}领域发展{{#else}}服务大局{{/if}}", VALUES))
                .isEqualTo("推动生态监测领域发展");
    }

    @Test
    void aRateOfSomethingSaysSomethingEvenAtZeroATextWithoutDataDoesNot() {
        assertThat(Tokens.render("{{#if speech.keyRate}}重点发言率{{speech.keyRate}}{{/if}}", VALUES))
                .isEqualTo("重点发言率0%");
        assertThat(Tokens.render(
                        "{{#if investigation.highlightField}}关于{{investigation.highlightField}}领域的调研报告{{/if}}", VALUES))
                .isEmpty();
        assertThat(Tokens.render("{{#if not.there}}无此指标{{/if}}其余照写", VALUES)).isEqualTo("其余照写");
    }

    @Test
    void theFigureAClauseNamesIsCheckedAndItsMarkersAreNoTokens() {
        String text = "{{#if firsttopic.items}}学习内容{{firsttopic.items}}项{{#else}}无{{/if}}{{#if no.such}}x{{/if}}";
        assertThat(Tokens.tokens(text))
                .extracting(Tokens.Token::key)
                .containsExactly("firsttopic.items", "no.such", "firsttopic.items");
        assertThat(Tokens.unknown(text, Set.of("firsttopic.items"))).containsExactly("{{#if no.such}}");
    }

    @Test
    void clausesNestTheInnerIsDecidedFirstAndWrittenOnlyInsideAWrittenOne() {
        String text = "{{#if firsttopic.sessions}}学习{{firsttopic.sessions}}次{{#if firsttopic.items}}，内容"
                + "{{firsttopic.items}}项{{#else}}，内容待定{{/if}}{{#if org.field}}，{{org.field}}{{/if}}。"
                + "{{#else}}未学习{{#if org.field}}（{{org.field}}）{{/if}}。{{/if}}";
        assertThat(Tokens.render(text, VALUES)).isEqualTo("学习2次，内容待定，生态监测。");
        Map<String, FigureValue> none = new java.util.HashMap<>(VALUES);
        none.put("firsttopic.sessions", value("firsttopic.sessions", Kind.COUNT, "0", null, null));
        assertThat(Tokens.render(text, none)).isEqualTo("未学习（生态监测）。");
        assertThat(Tokens.render("{{#if plan.executionRate}}计划{{#if org.field}}{{org.field}}{{/if}}{{/if}}其余", VALUES))
                .as("an inner clause with something to say inside an outer one without")
                .isEqualTo("其余");
        assertThat(Tokens.tokens(text))
                .extracting(Tokens.Token::key)
                .startsWith("firsttopic.sessions", "firsttopic.items", "org.field", "org.field");
    }

    @Test
    void theSegmentsOfAKeptClauseLinkTheirEvidence() {
        List<Tokens.Segment> segments =
                Tokens.segments("{{#if firsttopic.sessions}}学习{{firsttopic.sessions}}次{{/if}}", VALUES);
        assertThat(segments).extracting(Tokens.Segment::text).containsExactly("学习", "2", "次");
        assertThat(segments.get(1).url()).isEqualTo("/evidence/firsttopic.sessions");
    }

    private static FigureValue value(String key, Kind kind, String value, Long numerator, Long denominator) {
        return new FigureValue(key, key, kind, value, numerator, denominator, "", "/evidence/" + key);
    }
}
