package party.organization.liaison;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResearchSummaryTest {

    @Test
    void figuresPerLeaderAddUpToTheTotalsMostTripsFirst() {
        List<ResearchSummary.TripFigures> trips = new ArrayList<>();
        // The seed's year: 28 trips, 42 problems, over three leaders.
        for (int i = 0; i < 12; i++) {
            trips.add(new ResearchSummary.TripFigures("a", "王书记", LocalDate.of(2023, 1 + i, 1), 2));
        }
        for (int i = 0; i < 10; i++) {
            trips.add(new ResearchSummary.TripFigures("b", "李矿长", LocalDate.of(2023, 1 + i, 2), 1));
        }
        for (int i = 0; i < 6; i++) {
            trips.add(new ResearchSummary.TripFigures("c", "赵副书记", LocalDate.of(2023, 1 + i, 3), i < 4 ? 2 : 0));
        }

        ResearchSummary summary = ResearchSummary.of("committee", 2023, trips);

        assertThat(summary.totals()).isEqualTo(new ResearchSummary.Totals(28, 42, 3));
        assertThat(summary.leaders()).containsExactly(
                new ResearchSummary.LeaderFigures("a", "王书记", 12, 24),
                new ResearchSummary.LeaderFigures("b", "李矿长", 10, 10),
                new ResearchSummary.LeaderFigures("c", "赵副书记", 6, 8));
    }

    @Test
    void aLeaderIsNamedAsOnTheLatestTripAndTiesGoByProblems() {
        ResearchSummary summary = ResearchSummary.of("o", 2023, List.of(
                new ResearchSummary.TripFigures("x", "新名字", LocalDate.of(2023, 9, 1), 0),
                new ResearchSummary.TripFigures("x", "旧名字", LocalDate.of(2023, 2, 1), 0),
                new ResearchSummary.TripFigures("y", "乙", LocalDate.of(2023, 3, 1), 1),
                new ResearchSummary.TripFigures("y", "乙", LocalDate.of(2023, 4, 1), 0)));

        assertThat(summary.leaders()).extracting(ResearchSummary.LeaderFigures::leaderId).containsExactly("y", "x");
        assertThat(summary.leaders().get(1).leaderName()).isEqualTo("新名字");
        assertThat(ResearchSummary.of("o", 2024, List.of()).totals()).isEqualTo(new ResearchSummary.Totals(0, 0, 0));
    }
}
