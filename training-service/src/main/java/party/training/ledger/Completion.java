package party.training.ledger;

import java.math.BigDecimal;
import java.util.List;

/**
 * Completion of a year's targets over a subtree.
 *
 * @param completionRate completed / members, 0..1 with 4 decimals (0 when there are no members)
 * @param branches the same per organization that has members
 */
public record Completion(String orgId, int year, long members, long completed, BigDecimal completionRate,
                         BigDecimal hours, List<PerOrganization> branches) {

    public record PerOrganization(String orgId, String name, long members, long completed, BigDecimal completionRate,
                                  BigDecimal hours) {
    }
}
