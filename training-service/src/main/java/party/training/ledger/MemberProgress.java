package party.training.ledger;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A member's credit hours of a year against the target.
 *
 * @param leader whether the member holds a leadership role (and so has the leaders' target)
 * @param bySource hours per source
 */
public record MemberProgress(String memberId, String orgId, int year, BigDecimal totalHours, BigDecimal targetHours,
                             BigDecimal remainingHours, boolean completed, boolean leader, Map<String, BigDecimal> bySource) {
}
