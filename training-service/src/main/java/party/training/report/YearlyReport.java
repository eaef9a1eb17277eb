package party.training.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The year's training figures over a subtree.
 *
 * @param sessionsHeld on-site and live sessions held; {@code sessionsPlanned} all not cancelled
 * @param hoursDelivered credit hours entered in the ledger for members of the subtree's organizations
 * @param hoursBySource the same per source
 * @param organizations the same per organization with members or sessions
 */
public record YearlyReport(String orgId, String orgName, int year, long sessionsPlanned, long sessionsHeld, long sessionsCancelled,
                           BigDecimal hoursDelivered, Map<String, BigDecimal> hoursBySource, long members, long completed,
                           BigDecimal completionRate, List<PerOrganization> organizations) {

    public record PerOrganization(String orgId, String name, String type, long sessionsHeld, long members, long completed,
                                  BigDecimal completionRate, BigDecimal hoursDelivered) {
    }
}
