package party.organization.leadership;

import java.time.LocalDate;
import party.organization.organization.OrganizationType;

/**
 * An organization whose current term ends soon or has ended without a renewal.
 *
 * @param daysLeft days from today (Asia/Shanghai) to the term's end; negative once it has passed
 */
public record TermDue(String orgId, String orgName, String orgCode, OrganizationType orgType, String termId,
                      int termNumber, LocalDate startDate, LocalDate endDate, long daysLeft) {
}
