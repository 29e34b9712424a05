package cn.studyledger.research.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rules of topics, investigations, field trips and reports that the forms rely on. */
class InvestigationRulesTests {

    static final LocalDate TODAY = LocalDate.of(2025, 12, 31);

    @Test
    void aFieldTripBelongsToItsInvestigationsYearHasTakenPlaceAndHasParticipants() {
        FieldTrip trip = new FieldTrip(1, 2);
        assertThatThrownBy(() -> trip.describe(LocalDate.of(2024, 12, 30), "某县", "发现", List.of(5L), 2025, TODAY))
                .hasMessage("调研活动日期须在调研所属的2025年内");
        assertThatThrownBy(() ->
                        trip.describe(LocalDate.of(2025, 12, 31), "某县", "发现", List.of(5L), 2025, TODAY.minusDays(1)))
                .hasMessage("调研活动日期不能晚于今天，尚未开展的调研请在开展后登记");
        assertThatThrownBy(() -> trip.describe(LocalDate.of(2025, 6, 1), "某县", "发现", List.of(), 2025, TODAY))
                .hasMessage("请选择参加调研的人员");
        trip.describe(LocalDate.of(2025, 6, 1), "某县", "发现", List.of(5L, 6L), 2025, TODAY);
        assertThat(trip.participantIds()).containsExactly(5L, 6L);
    }

    @Test
    void theLeadIsAlwaysAMemberOfTheInvestigationAndTheYearFollowsTheTrips() {
        Investigation investigation = new Investigation(1);
        investigation.describe(2025, "主题", 3, List.of(4L), null, Set.of());
        assertThat(investigation.memberIds()).containsExactly(3L, 4L);
        assertThatThrownBy(() -> investigation.describe(2026, "主题", 3, List.of(4L), null, Set.of(2025)))
                .hasMessage("已有不在2026年的调研活动，不能修改调研年度");
    }

    @Test
    void aScoredReportCannotChangeAndNeedsAuthors() {
        InvestigationReport report = new InvestigationReport(1, 2);
        assertThatThrownBy(() -> report.describe("标题", "水生态保护", List.of(), false))
                .hasMessage("请选择报告作者");
        report.describe("标题", "水生态保护", List.of(5L), false);
        assertThatThrownBy(() -> report.describe("新标题", "水生态保护", List.of(5L), true))
                .hasMessage("该报告已有评委评分，不能再修改");
        assertThat(report.isAuthor(5)).isTrue();
    }

    @Test
    void aTopicIsDiscussedOnlyInSessionsOfItsYearAndOnceEach() {
        ResearchTopic topic = new ResearchTopic(1);
        topic.describe(2025, "课题", "重点任务", 3, null);
        topic.discussedIn(10, 100, LocalDate.of(2025, 7, 10));
        assertThatThrownBy(() -> topic.discussedIn(10, 101, LocalDate.of(2025, 7, 10)))
                .hasMessage("该课题已关联这次学习");
        assertThatThrownBy(() -> topic.discussedIn(11, 102, LocalDate.of(2026, 1, 8)))
                .hasMessage("只能关联2025年度的学习，所选学习在2026-01-08举行");
        assertThatThrownBy(() -> topic.describe(2026, "课题", "重点任务", 3, null))
                .hasMessage("课题已关联2025年的研讨，不能改到2026年；请先取消关联");
    }
}
