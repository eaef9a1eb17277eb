package party.organization.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CarrierSummaryTest {

    private static Carrier carrier(CarrierKind kind, int year) {
        return Carrier.register(kind, "b", new Carrier.Details("n", null, year, List.of()), 2024, "staff");
    }

    @Test
    void everyKindIsCountedActiveNowOrInPlaceAtTheEndOfAYear() {
        List<Carrier> carriers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            carriers.add(carrier(CarrierKind.BRANCH_BRAND, 2023));
        }
        for (int i = 0; i < 27; i++) {
            carriers.add(carrier(CarrierKind.VANGUARD_POST, 2023));
        }
        for (int i = 0; i < 23; i++) {
            carriers.add(carrier(CarrierKind.RESPONSIBILITY_ZONE, 2022));
        }
        Carrier retired = carrier(CarrierKind.VANGUARD_POST, 2022);
        retired.retire(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1));
        carriers.add(retired);
        carriers.add(carrier(CarrierKind.COMMANDO_TEAM, 2024));

        CarrierSummary now = CarrierSummary.of("c", null, carriers);
        assertThat(now.counts()).containsEntry(CarrierKind.BRANCH_BRAND, 30L).containsEntry(CarrierKind.VANGUARD_POST, 27L)
                .containsEntry(CarrierKind.RESPONSIBILITY_ZONE, 23L).containsEntry(CarrierKind.COMMANDO_TEAM, 1L)
                .containsEntry(CarrierKind.INNOVATION_STUDIO, 0L);
        assertThat(now.total()).isEqualTo(81);

        CarrierSummary end2023 = CarrierSummary.of("c", 2023, carriers);
        assertThat(end2023.counts()).containsEntry(CarrierKind.VANGUARD_POST, 28L).containsEntry(CarrierKind.COMMANDO_TEAM, 0L);
        assertThat(CarrierSummary.of("c", 2022, carriers).counts()).containsEntry(CarrierKind.BRANCH_BRAND, 0L)
                .containsEntry(CarrierKind.RESPONSIBILITY_ZONE, 23L).containsEntry(CarrierKind.VANGUARD_POST, 1L);
    }
}
