package party.member.care;

import java.math.BigDecimal;
import java.util.List;

/**
 * Care visits of a subtree in a year ("开展走访慰问 N 人次，发放慰问金 X 万元"): in total and per
 * organization (every branch of the subtree, and any other organization that has visits).
 *
 * @param visits visits made (人次)
 * @param peopleVisited distinct members visited
 * @param amount care fund handed over, yuan
 * @param amountTenThousandYuan the same in 万元, exact
 */
public record CareSummary(String orgId, int year, long visits, long peopleVisited, BigDecimal amount,
                          BigDecimal amountTenThousandYuan, List<PerOrganization> organizations) {

    public record PerOrganization(String orgId, String name, String type, long visits, long peopleVisited,
                                  BigDecimal amount) {
    }
}
