package party.organization.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import party.platform.events.PendingEvent;
import party.platform.test.TestContracts;
import party.platform.web.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ResearchTripTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.of(2023, 6, 30);
    private static final List<String> CATEGORIES = LiaisonProperties.DEFAULT_CATEGORIES;

    private static ResearchTrip trip(LocalDate date, ResearchTrip.NewProblem... problems) {
        return ResearchTrip.record("掘进单进效率", date, "leader-1", "张三", "branch-1", "实地走访", List.of(problems), TODAY,
                CATEGORIES, "staff");
    }

    @Test
    void eachProblemIsPublishedOnItsOwnAfterTheTrip() {
        ResearchTrip trip = trip(TODAY,
                new ResearchTrip.NewProblem("支护材料运输环节多", "SAFETY_PRODUCTION", "优化运输线路", LocalDate.of(2023, 9, 30)),
                new ResearchTrip.NewProblem("职工食堂管理不到位", "LIVELIHOOD", " ", null));

        assertThat(trip.getYear()).isEqualTo(2023);
        assertThat(trip.getProblemCount()).isEqualTo(2);
        assertThat(trip.getProblems().get(1).measure()).isNull();
        List<PendingEvent> events = trip.getPendingEvents();
        assertThat(events).extracting(PendingEvent::type).containsExactly(ResearchTrip.RECORDED,
                ResearchTrip.PROBLEM_FOUND, ResearchTrip.PROBLEM_FOUND);
        events.forEach(event -> {
            assertThat(event.subject()).isEqualTo(trip.getId());
            assertThat(event.data()).doesNotContain("张三");
            assertThat(TestContracts.violations(event.type(), event.data())).isEmpty();
        });
        JsonNode recorded = JSON.readTree(events.get(0).data());
        assertThat(recorded.get("problemIds").valueStream().map(JsonNode::asString))
                .containsExactly(trip.getProblems().get(0).problemId(), trip.getProblems().get(1).problemId());
        JsonNode first = JSON.readTree(events.get(1).data());
        assertThat(first.get("problemId").asString()).isEqualTo(trip.getProblems().get(0).problemId());
        assertThat(first.get("deadline").asString()).isEqualTo("2023-09-30");
        assertThat(first.get("foundOn").asString()).isEqualTo("2023-06-30");
        assertThat(JSON.readTree(events.get(2).data()).has("deadline")).isFalse();
    }

    @Test
    void aTripInTheFutureAnUnknownAreaOrAnEarlyDeadlineIsRefused() {
        assertThatThrownBy(() -> trip(TODAY.plusDays(1))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.slug()).isEqualTo("research-date-in-future"));
        assertThatThrownBy(() -> trip(TODAY, new ResearchTrip.NewProblem("x", "WEATHER", null, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.slug()).isEqualTo("research-unknown-category"));
        assertThatThrownBy(() -> trip(TODAY, new ResearchTrip.NewProblem("x", "OTHER", null, TODAY.minusDays(1))))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.slug()).isEqualTo("research-deadline-before-trip"));
        assertThat(trip(TODAY, new ResearchTrip.NewProblem("x", "OTHER", null, TODAY)).getProblemCount()).isEqualTo(1);
    }
}
