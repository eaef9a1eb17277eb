package party.organization.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import party.platform.test.TestContracts;
import party.platform.web.ApiException;

class CarrierTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 3, 1);

    private static Carrier carrier(CarrierKind kind, int year) {
        return Carrier.register(kind, "branch-1", new Carrier.Details("先锋岗", null, year, List.of("m1", "m1", "m2")),
                TODAY.getYear(), "staff");
    }

    @Test
    void registrationChecksTheYearAndAnnouncesTheCarrier() {
        Carrier post = carrier(CarrierKind.VANGUARD_POST, 2023);
        assertThat(post.getMemberIds()).containsExactly("m1", "m2");
        assertThat(post.getPendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(Carrier.REGISTERED);
            assertThat(TestContracts.violations(Carrier.REGISTERED, event.data())).isEmpty();
        });
        assertThatThrownBy(() -> carrier(CarrierKind.VANGUARD_POST, 2025)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.slug()).isEqualTo("carrier-year-in-future"));
        assertThatThrownBy(() -> carrier(CarrierKind.VANGUARD_POST, 1920)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.slug()).isEqualTo("carrier-year-too-early"));
    }

    @Test
    void anIdenticalUpdateIsNoChangeAndARetiredCarrierCannotChange() {
        Carrier post = carrier(CarrierKind.COMMANDO_TEAM, 2023);
        assertThat(post.change(new Carrier.Details("先锋岗", " ", 2023, List.of("m1", "m2")), 2024)).isFalse();
        assertThat(post.getPendingEvents()).hasSize(1);
        assertThat(post.change(new Carrier.Details("突击队", null, 2023, List.of("m2")), 2024)).isTrue();
        assertThat(post.getPendingEvents()).hasSize(2).last().satisfies(event -> {
            assertThat(event.type()).isEqualTo(Carrier.CHANGED);
            assertThat(TestContracts.violations(Carrier.CHANGED, event.data())).isEmpty();
        });

        assertThatThrownBy(() -> post.retire(TODAY.plusDays(1), TODAY)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.slug()).isEqualTo("carrier-date-in-future"));
        assertThatThrownBy(() -> post.retire(LocalDate.of(2022, 12, 31), TODAY)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.slug()).isEqualTo("carrier-retired-before-established"));
        post.retire(null, TODAY);
        assertThat(post.getRetiredOn()).isEqualTo(TODAY);
        assertThat(post.getPendingEvents()).last().satisfies(event ->
                assertThat(TestContracts.violations(Carrier.RETIRED, event.data())).isEmpty());
        assertThatThrownBy(() -> post.change(new Carrier.Details("x", null, 2023, List.of()), 2024))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
        assertThatThrownBy(() -> post.retire(TODAY, TODAY))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
    }

    @Test
    void aCarrierIsInPlaceFromItsYearUntilTheYearItIsRetired() {
        Carrier zone = carrier(CarrierKind.RESPONSIBILITY_ZONE, 2022);
        assertThat(zone.inPlaceAtEndOf(2021)).isFalse();
        assertThat(zone.inPlaceAtEndOf(2022)).isTrue();
        zone.retire(LocalDate.of(2024, 1, 1), TODAY);
        assertThat(zone.inPlaceAtEndOf(2023)).isTrue();
        assertThat(zone.inPlaceAtEndOf(2024)).isFalse();
    }
}
