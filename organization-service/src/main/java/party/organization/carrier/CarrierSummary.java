package party.organization.carrier;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Carriers per kind over a subtree (the seed: 30 branch brands, 27 vanguard posts, 23
 * responsibility zones). Every kind is listed, with 0 where there is none.
 *
 * @param year null: the carriers active now; a year: those in place at the end of that year
 */
public record CarrierSummary(String orgId, Integer year, Map<CarrierKind, Long> counts, long total) {

    static CarrierSummary of(String orgId, Integer year, List<Carrier> carriers) {
        Map<CarrierKind, Long> counts = new EnumMap<>(CarrierKind.class);
        for (CarrierKind kind : CarrierKind.values()) {
            counts.put(kind, 0L);
        }
        long total = 0;
        for (Carrier carrier : carriers) {
            boolean counted = year == null ? carrier.getStatus() == Carrier.Status.ACTIVE : carrier.inPlaceAtEndOf(year);
            if (counted) {
                counts.merge(carrier.getKind(), 1L, Long::sum);
                total++;
            }
        }
        return new CarrierSummary(orgId, year, counts, total);
    }
}
