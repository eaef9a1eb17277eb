package party.member.dues;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.platform.orgtree.OrgNode;
import party.platform.orgtree.OrgTree;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;

/**
 * Reports over the bills of a subtree. Bills count at the branch the member belonged to when billed;
 * collected money counts at the month it was due (the bill's month), not the day it was paid.
 */
@Service
public class DuesReports {

    private final MongoTemplate mongo;
    private final OrgTree orgTree;

    DuesReports(MongoTemplate mongo, OrgTree orgTree) {
        this.mongo = mongo;
        this.orgTree = orgTree;
    }

    public record MemberArrears(String memberId, List<String> months, BigDecimal amount) {
    }

    public record BranchArrears(String orgId, String name, BigDecimal amount, List<MemberArrears> members) {
    }

    public record Arrears(String orgId, String asOf, BigDecimal amount, int unpaidBills, List<BranchArrears> branches) {
    }

    /** Unpaid bills of months up to {@code asOf} in the subtree, per branch and member. */
    public Arrears arrears(String orgId, YearMonth asOf, CurrentUser user) {
        OrgNode org = visibleOrg(orgId, user);
        List<DuesBill> bills = mongo.find(Query.query(Criteria.where("orgId").in(orgTree.subtreeIds(org.id()))
                        .and("paymentId").is(null).and("month").lte(asOf.toString()))
                .with(Sort.by("orgId", "memberId", "month")), DuesBill.class);
        Map<String, Map<String, List<DuesBill>>> byBranch = new TreeMap<>();
        for (DuesBill bill : bills) {
            byBranch.computeIfAbsent(bill.orgId(), k -> new TreeMap<>())
                    .computeIfAbsent(bill.memberId(), k -> new ArrayList<>()).add(bill);
        }
        List<BranchArrears> branches = new ArrayList<>();
        BigDecimal total = zero();
        for (var branch : byBranch.entrySet()) {
            List<MemberArrears> members = new ArrayList<>();
            BigDecimal branchTotal = zero();
            for (var member : branch.getValue().entrySet()) {
                BigDecimal amount = sum(member.getValue());
                members.add(new MemberArrears(member.getKey(), member.getValue().stream().map(DuesBill::month).sorted().toList(),
                        amount));
                branchTotal = branchTotal.add(amount);
            }
            String name = orgTree.find(branch.getKey()).map(OrgNode::name).orElse(null);
            branches.add(new BranchArrears(branch.getKey(), name, branchTotal, members));
            total = total.add(branchTotal);
        }
        return new Arrears(org.id(), asOf.toString(), total, bills.size(), branches);
    }

    public record OrgCollected(String orgId, BigDecimal amount, int paidBills) {
    }

    /**
     * @param month null for the whole year
     * @param amount the subtree's total
     * @param organizations per organization of the subtree that has paid bills
     */
    public record Collected(String orgId, int year, Integer month, BigDecimal amount, int paidBills,
                            List<OrgCollected> organizations) {
    }

    /** Dues collected for the months of a year (or one month of it) in the subtree, and per organization. */
    public Collected collected(String orgId, int year, Integer month, CurrentUser user) {
        if (year < 1921 || year > 9999 || (month != null && (month < 1 || month > 12))) {
            throw ApiException.badRequest("invalid-period");
        }
        OrgNode org = visibleOrg(orgId, user);
        String from = month == null ? YearMonth.of(year, 1).toString() : YearMonth.of(year, month).toString();
        String to = month == null ? YearMonth.of(year, 12).toString() : from;
        List<DuesBill> bills = mongo.find(Query.query(Criteria.where("orgId").in(orgTree.subtreeIds(org.id()))
                .and("paymentId").ne(null).and("month").gte(from).lte(to)), DuesBill.class);
        Map<String, List<DuesBill>> byOrg = new TreeMap<>();
        bills.forEach(bill -> byOrg.computeIfAbsent(bill.orgId(), k -> new ArrayList<>()).add(bill));
        List<OrgCollected> organizations = byOrg.entrySet().stream()
                .map(e -> new OrgCollected(e.getKey(), sum(e.getValue()), e.getValue().size())).toList();
        return new Collected(org.id(), year, month, sum(bills), bills.size(), organizations);
    }

    private OrgNode visibleOrg(String orgId, CurrentUser user) {
        OrgNode org = orgTree.find(orgId).orElseThrow(
                () -> ApiException.notFound("not-found", OrgScope.resourceName("organization")));
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "organization");
        return org;
    }

    private static BigDecimal sum(List<DuesBill> bills) {
        return bills.stream().map(DuesBill::amount).reduce(zero(), BigDecimal::add);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
