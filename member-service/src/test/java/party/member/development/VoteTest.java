package party.member.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import party.platform.web.ApiException;

/** The double majority on the expected count, at its boundaries. */
class VoteTest {

    @Test
    void bothMajoritiesAreTakenOnTheExpectedCount() {
        assertThat(new Vote(10, 6, 6, 0, 0).passed()).isTrue();
        assertThat(new Vote(10, 5, 5, 0, 0).quorate()).isFalse();
        assertThat(new Vote(10, 5, 5, 0, 0).passed()).isFalse();
        // 5 of 6 present approve: a majority of those present, not of the 10 expected.
        assertThat(new Vote(10, 6, 5, 1, 0).quorate()).isTrue();
        assertThat(new Vote(10, 6, 5, 1, 0).approved()).isFalse();
        assertThat(new Vote(10, 10, 5, 5, 0).passed()).isFalse();
        assertThat(new Vote(10, 10, 6, 4, 0).passed()).isTrue();
    }

    @Test
    void anOddExpectedCountNeedsMoreThanHalf() {
        assertThat(new Vote(9, 5, 5, 0, 0).passed()).isTrue();
        assertThat(new Vote(9, 4, 4, 0, 0).passed()).isFalse();
        assertThat(new Vote(9, 9, 4, 5, 0).passed()).isFalse();
        assertThat(new Vote(1, 1, 1, 0, 0).passed()).isTrue();
        assertThat(new Vote(2, 1, 1, 0, 0).passed()).isFalse();
    }

    @Test
    void numbersThatDoNotAddUpAreABadRequest() {
        new Vote(10, 10, 6, 3, 1).requireConsistent();
        for (Vote bad : new Vote[] {new Vote(10, 11, 6, 0, 0), new Vote(10, 8, 6, 2, 1), new Vote(0, 0, 0, 0, 0),
                new Vote(10, -1, 0, 0, 0), new Vote(10, 8, 6, -1, 0), new Vote(10, 8, 6, 0, -1)}) {
            assertThatThrownBy(bad::requireConsistent).as(bad.toString()).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status().value() + " " + e.slug()).isEqualTo("400 development-vote-inconsistent"));
        }
    }
}
