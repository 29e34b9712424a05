package cn.studyledger.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.studyledger.common.todo.Todo;
import cn.studyledger.common.todo.TodoSource.TodoQuestion;
import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureApi;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.firsttopic.FirstTopicApi;
import cn.studyledger.firsttopic.FirstTopicItemSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The rules' early warnings on the work list: before a quarter or a 第一议题 limit is missed, from the rule table. */
class RuleWarningsTests {

    static final long ORG = 7;
    static final LocalDate SEP_19 = LocalDate.of(2026, 9, 19);

    final RuleSettingRepository settings = mock(RuleSettingRepository.class);
    final FigureApi figures = mock(FigureApi.class);
    final FirstTopicApi firstTopic = mock(FirstTopicApi.class);
    final RuleWarnings warnings = new RuleWarnings(settings, figures, firstTopic, 30, 10);

    @BeforeEach
    void aClerk() {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        new TestingAuthenticationToken("clerk", null, "session:session:edit", "report:figure:view"));
        when(settings.findByOrgIdAndYear(anyLong(), anyInt())).thenReturn(List.of());
        when(firstTopic.itemsPublishedIn(anyLong(), anyInt())).thenReturn(List.of());
        held();
    }

    @AfterEach
    void nobody() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aQuarterWithoutASessionIsNamedInItsLastDays() {
        List<Todo> todos = warnings.todos(new TodoQuestion(ORG, "XJ", 1L, SEP_19));

        assertThat(todos).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo("rule.sessionsPerQuarter");
            assertThat(t.title()).isEqualTo("第三季度尚未开展集体学习，距季末还有11天");
            assertThat(t.due()).isEqualTo(LocalDate.of(2026, 9, 30));
            assertThat(t.overdue()).isFalse();
        });
    }

    @Test
    void noWarningEarlyInTheQuarterNorOnceTheQuarterHasItsSession() {
        assertThat(warnings.todos(new TodoQuestion(ORG, "XJ", 1L, LocalDate.of(2026, 7, 20))))
                .isEmpty();

        held(LocalDate.of(2026, 8, 6));
        assertThat(warnings.todos(new TodoQuestion(ORG, "XJ", 1L, SEP_19))).isEmpty();
    }

    @Test
    void theOrganisationsOwnTableSetsTheThreshold() {
        RuleSetting twoAQuarter = new RuleSetting(ORG, 2026, RuleDefinition.SESSION_COUNT);
        twoAQuarter.change(RuleDefinition.SESSION_COUNT, true, new BigDecimal("12"), new BigDecimal("2"), "本单位规定");
        when(settings.findByOrgIdAndYear(ORG, 2026)).thenReturn(List.of(twoAQuarter));
        held(LocalDate.of(2026, 8, 6));

        assertThat(warnings.todos(new TodoQuestion(ORG, "XJ", 1L, SEP_19)))
                .extracting(Todo::title)
                .containsExactly("第三季度已举行集体学习1次，少于每季度2次，距季末还有11天");
    }

    @Test
    void firstTopicItemsNearTheirLimitAreWarnedAndThosePastItAreOverdue() {
        held(LocalDate.of(2026, 8, 6));
        when(firstTopic.itemsPublishedIn(ORG, 2026))
                .thenReturn(List.of(
                        item(1, SEP_19.minusDays(21), null), // 21 days: past the warning at 20 of the 30
                        item(2, SEP_19.minusDays(25), null),
                        item(3, SEP_19.minusDays(12), null), // not yet near
                        item(4, SEP_19.minusDays(40), null), // limit passed
                        item(5, SEP_19.minusDays(28), SEP_19.minusDays(2)))); // studied

        assertThat(warnings.todos(new TodoQuestion(ORG, "XJ", 1L, SEP_19)))
                .extracting(Todo::kind, Todo::title, Todo::count, Todo::overdue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "rule.firstTopicTimeliness", "2项第一议题发布已超过20天尚未学习", 2L, false),
                        org.assertj.core.groups.Tuple.tuple("rule.firstTopicLate", "1项第一议题发布已超过30天仍未学习", 1L, true));
    }

    @Test
    void aMemberGetsNoWarnings() {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("member", null, "session:leave:request"));
        assertThat(warnings.todos(new TodoQuestion(ORG, "XJ", 1L, SEP_19))).isEmpty();
    }

    private void held(LocalDate... dates) {
        List<Evidence> sessions = java.util.Arrays.stream(dates)
                .map(d -> new Evidence("集中学习", d.getDayOfYear(), d, "学习", "", null, "/sessions/1"))
                .toList();
        when(figures.figure(anyString(), eq(2026), eq(RuleChecks.HELD)))
                .thenReturn(new FigureApi.Figure(
                        new FigureDefinition(RuleChecks.HELD, "集中学习次数", "次", FigureDefinition.Kind.COUNT),
                        FigureResult.count(sessions)));
    }

    private static FirstTopicItemSummary item(long id, LocalDate published, LocalDate studied) {
        return new FirstTopicItemSummary(id, ORG, "第一议题" + id, "来源", published, studied);
    }
}
