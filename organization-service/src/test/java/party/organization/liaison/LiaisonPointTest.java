package party.organization.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import party.platform.test.TestContracts;
import party.platform.web.ApiException;

class LiaisonPointTest {

    private static final LocalDate TODAY = LocalDate.of(2023, 6, 30);

    private static LiaisonPoint point(LocalDate since) {
        return LiaisonPoint.establish("leader-1", "张三", "branch-1", since, TODAY, "staff");
    }

    @Test
    void aLinkStartsTodayAtTheLatestAndAnnouncesItselfWithoutTheLeadersName() {
        LiaisonPoint point = point(TODAY);
        assertThat(point.getStatus()).isEqualTo(LiaisonPoint.Status.ACTIVE);
        assertThat(point.getPendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(LiaisonPoint.ESTABLISHED);
            assertThat(event.subject()).isEqualTo(point.getId());
            assertThat(event.data()).doesNotContain("张三").contains("\"since\":\"2023-06-30\"");
            assertThat(TestContracts.violations(LiaisonPoint.ESTABLISHED, event.data())).isEmpty();
        });

        assertThatThrownBy(() -> point(TODAY.plusDays(1))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.slug()).isEqualTo("liaison-date-in-future"));
    }

    @Test
    void endingNeedsADateBetweenTheStartAndTodayAndHappensOnce() {
        LiaisonPoint point = point(LocalDate.of(2023, 3, 1));
        assertThatThrownBy(() -> point.end(TODAY.plusDays(1), TODAY)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.slug()).isEqualTo("liaison-date-in-future"));
        assertThatThrownBy(() -> point.end(LocalDate.of(2023, 2, 28), TODAY)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.slug()).isEqualTo("liaison-end-before-start"));
        assertThat(point.getStatus()).isEqualTo(LiaisonPoint.Status.ACTIVE);

        point.end(null, TODAY);
        assertThat(point.getUntil()).isEqualTo(TODAY);
        assertThat(point.getStatus()).isEqualTo(LiaisonPoint.Status.ENDED);
        assertThat(point.getPendingEvents()).hasSize(2).last().satisfies(event ->
                assertThat(TestContracts.violations(LiaisonPoint.ENDED, event.data())).isEmpty());
        assertThatThrownBy(() -> point.end(TODAY, TODAY)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status().value()).isEqualTo(409));
    }
}
