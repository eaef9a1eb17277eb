package party.organization.leadership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import party.platform.web.ApiException;

class TermCalendarTest {

    private final TermCalendar calendar = new TermCalendar(LeadershipProperties.defaults());
    private final LocalDate today = LocalDate.of(2026, 5, 20);

    @Test
    void aTermLastsThreeYearsInAnEnterpriseAndFiveInAVillageOrCommunity() {
        LocalDate start = LocalDate.of(2023, 3, 18);
        assertThat(calendar.defaultEnd(start, UnitKind.ENTERPRISE)).isEqualTo(LocalDate.of(2026, 3, 18));
        assertThat(calendar.defaultEnd(start, UnitKind.VILLAGE)).isEqualTo(LocalDate.of(2028, 3, 18));
        assertThat(calendar.defaultEnd(start, UnitKind.COMMUNITY)).isEqualTo(LocalDate.of(2028, 3, 18));
        // A term elected on a leap day ends on the last day of February.
        assertThat(calendar.defaultEnd(LocalDate.of(2024, 2, 29), UnitKind.ENTERPRISE)).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void theTermLengthIsConfigurable() {
        TermCalendar four = new TermCalendar(new LeadershipProperties(4, 6, 0, 0, 0, 0, 0));
        assertThat(four.defaultEnd(LocalDate.of(2020, 1, 1), UnitKind.ENTERPRISE)).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(four.defaultEnd(LocalDate.of(2020, 1, 1), UnitKind.VILLAGE)).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(four.defaultEnd(LocalDate.of(2020, 1, 1), UnitKind.COMMUNITY)).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void aFirstTermStartsNoLaterThanTodayAndNoEarlierThanTheFounding() {
        assertThat(calendar.firstTerm(today, null, UnitKind.ENTERPRISE, null, today)).isEqualTo(LocalDate.of(2029, 5, 20));
        assertThat(calendar.firstTerm(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 6, 30), UnitKind.ENTERPRISE,
                LocalDate.of(2025, 1, 1), today)).isEqualTo(LocalDate.of(2027, 6, 30));
        assertSlug(() -> calendar.firstTerm(today.plusDays(1), null, UnitKind.ENTERPRISE, null, today),
                "leadership-start-in-future");
        assertSlug(() -> calendar.firstTerm(LocalDate.of(2019, 12, 31), null, UnitKind.ENTERPRISE,
                LocalDate.of(2020, 1, 1), today), "leadership-start-before-founding");
        assertSlug(() -> calendar.firstTerm(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), UnitKind.ENTERPRISE,
                null, today), "leadership-end-not-after-start");
    }

    @Test
    void aRenewalMayComeEarlyButNotBeforeThePreviousStartNorInTheFuture() {
        Term previous = term(LocalDate.of(2023, 3, 18), LocalDate.of(2026, 3, 18));
        assertThat(calendar.renewal(previous, LocalDate.of(2026, 3, 10), null, UnitKind.ENTERPRISE, today))
                .isEqualTo(LocalDate.of(2029, 3, 10));
        assertThat(calendar.renewal(previous, LocalDate.of(2023, 3, 18), null, UnitKind.VILLAGE, today))
                .isEqualTo(LocalDate.of(2028, 3, 18));
        assertSlug(() -> calendar.renewal(previous, LocalDate.of(2023, 3, 17), null, UnitKind.ENTERPRISE, today),
                "leadership-renewal-before-previous-start");
        assertSlug(() -> calendar.renewal(previous, today.plusDays(1), null, UnitKind.ENTERPRISE, today),
                "leadership-start-in-future");
        assertSlug(() -> calendar.renewal(previous, today, today.minusDays(1), UnitKind.ENTERPRISE, today),
                "leadership-end-not-after-start");
    }

    @Test
    void expiryCountsCalendarDaysAndOnlyCurrentTermsExpire() {
        Term endsToday = term(LocalDate.of(2023, 5, 20), today);
        assertThat(TermCalendar.expired(endsToday, today)).isFalse();
        assertThat(TermCalendar.expiring(endsToday, today, 0)).isTrue();
        assertThat(TermCalendar.daysLeft(endsToday, today)).isZero();

        Term endedYesterday = term(LocalDate.of(2023, 5, 19), today.minusDays(1));
        assertThat(TermCalendar.expired(endedYesterday, today)).isTrue();
        assertThat(TermCalendar.expiring(endedYesterday, today, 90)).isFalse();
        assertThat(TermCalendar.daysLeft(endedYesterday, today)).isEqualTo(-1);

        Term in30 = term(LocalDate.of(2023, 6, 19), today.plusDays(30));
        assertThat(TermCalendar.expiring(in30, today, 30)).isTrue();
        assertThat(TermCalendar.expiring(in30, today, 29)).isFalse();

        Term renewed = endedYesterday.ended(LocalDate.of(2026, 5, 1));
        assertThat(TermCalendar.expired(renewed, today)).isFalse();
        assertThat(TermCalendar.expiring(renewed, today, 3650)).isFalse();
    }

    private static Term term(LocalDate start, LocalDate end) {
        return new Term("t", 1, start, end, UnitKind.ENTERPRISE, Term.Status.CURRENT, null,
                List.of(new Holder(LeadershipRole.SECRETARY, "m1", "张三", true)));
    }

    static void assertSlug(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String slug) {
        assertThatThrownBy(call).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).slug()).isEqualTo(slug));
    }
}
