package party.assessment.metric;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The dues bills of one branch and month, from party.member.dues-billed.v1: {@code id = orgId|yyyy-MM},
 * {@code bills} a set of {@code memberId|amount} (a member is billed a month once, so the set is
 * replay-safe under $addToSet). The branch is the member's branch when billed, as in member-service's
 * own reports. One document per branch and month keeps a bill run of a branch one write per batch.
 */
@Document(DuesBilledMonth.COLLECTION)
record DuesBilledMonth(@Id String id, String orgId, String month, List<String> bills) {

    static final String COLLECTION = "dues_billed_months";

    static String idOf(String orgId, String month) {
        return orgId + "|" + month;
    }

    static String entry(String memberId, String amount) {
        return memberId + "|" + amount;
    }

    static String memberOf(String entry) {
        return entry.substring(0, entry.lastIndexOf('|'));
    }

    static BigDecimal amountOf(String entry) {
        return new BigDecimal(entry.substring(entry.lastIndexOf('|') + 1));
    }

    List<String> billsOrEmpty() {
        return bills == null ? List.of() : bills;
    }
}
