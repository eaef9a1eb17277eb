package party.member.dues;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import party.member.member.Member;
import party.platform.events.AggregateStore;
import party.platform.mongo.Finds;
import party.platform.orgtree.OrgNode;
import party.platform.orgtree.OrgTree;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.ETags;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/**
 * Dues bases, monthly bills and payments. Every check runs against the member's branch as stored in
 * the org-tree projection. All validation happens before the first write, so rejected input stores
 * nothing.
 */
@Service
public class DuesService implements InitializingBean {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final OrgTree orgTree;
    private final DuesProperties properties;

    DuesService(MongoTemplate mongo, AggregateStore store, OrgTree orgTree, DuesProperties properties) {
        this.mongo = mongo;
        this.store = store;
        this.orgTree = orgTree;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(DuesBill.class).createIndex(new Index("orgId", Sort.Direction.ASC).named("byOrg"));
        mongo.indexOps(DuesBill.class).createIndex(new Index("memberId", Sort.Direction.ASC).named("byMember"));
        mongo.indexOps(DuesBase.class).createIndex(new Index("memberId", Sort.Direction.ASC).named("byMember"));
    }

    // ------------------------------------------------------------------ base

    /**
     * Sets a member's base from a month on (replacing one set for the same month).
     *
     * @param ifMatch the ETag of the month's base when replacing one; ignored when the month has none yet
     * @throws ApiException 404 unknown member, 403 outside the caller's subtrees, 428/412 missing or stale
     *                      If-Match on a replacement, 422 base missing for a salary-based category or
     *                      farmer amount missing / outside 0.20–1.00
     */
    public DuesBase setBase(String memberId, YearMonth from, DuesCategory category, BigDecimal base,
                            BigDecimal farmerAmount, String ifMatch, CurrentUser user) {
        Member member = managedMember(memberId, user);
        // Replacing the base of a month someone already set needs its ETag; the first one does not.
        DuesBase existing = mongo.findById(DuesBase.idOf(member.getId(), from), DuesBase.class);
        if (existing != null) {
            ETags.require(ifMatch, existing.version());
        }
        BigDecimal storedBase = null;
        BigDecimal storedFarmer = null;
        if (category.salaryBased()) {
            if (base == null) {
                throw ApiException.unprocessable("dues-base-required", category);
            }
            storedBase = base.setScale(2, java.math.RoundingMode.UNNECESSARY);
        } else if (category == DuesCategory.FARMER) {
            if (farmerAmount == null || farmerAmount.compareTo(DuesCalculator.FARMER_MIN) < 0
                    || farmerAmount.compareTo(DuesCalculator.FARMER_MAX) > 0) {
                throw ApiException.unprocessable("dues-farmer-amount", String.valueOf(farmerAmount));
            }
            storedFarmer = farmerAmount.setScale(2, java.math.RoundingMode.UNNECESSARY);
        }
        DuesBase stored = new DuesBase(DuesBase.idOf(member.getId(), from), member.getId(), from.toString(), category,
                storedBase, storedFarmer, DuesCalculator.monthly(category, storedBase, storedFarmer), user.id(),
                Instant.now(), existing == null ? null : existing.version());
        return mongo.save(stored);
    }

    /** The base in force for a month, for a caller who may see the member; 404 when there is none. */
    public DuesBase baseInForce(String memberId, YearMonth month, CurrentUser user) {
        Member member = visibleMember(memberId, user);
        return baseFor(member.getId(), month).orElseThrow(
                () -> ApiException.notFound("not-found", OrgScope.resourceName("dues-base")));
    }

    /** The base in force for a month: the latest one effective at or before it. */
    public java.util.Optional<DuesBase> baseFor(String memberId, YearMonth month) {
        Query query = Query.query(Criteria.where("memberId").is(memberId).and("effectiveFrom").lte(month.toString()))
                .with(Sort.by(Sort.Direction.DESC, "effectiveFrom")).limit(1);
        return java.util.Optional.ofNullable(mongo.findOne(query, DuesBase.class));
    }

    // ------------------------------------------------------------------ bills

    /**
     * What a bill run did.
     *
     * @param billed bills created now
     * @param alreadyBilled members who had a bill for the month before
     * @param notYetOwing members who owe only from a later month
     * @param missingBase ids of members without a base in force for the month (no bill made)
     */
    public record BillRun(String orgId, String month, int billed, int alreadyBilled, int notYetOwing,
                          List<String> missingBase) {
    }

    /**
     * Bills the month for every full and probationary member of the subtree; idempotent per member and month.
     *
     * @throws ApiException 404 unknown organization, 403 outside the caller's subtrees, 422 future month
     */
    public BillRun generateBills(String orgId, YearMonth month, CurrentUser user) {
        OrgNode org = orgTree.find(orgId).orElseThrow(
                () -> ApiException.notFound("not-found", OrgScope.resourceName("organization")));
        OrgScope.requireManaged(user, org.id(), org.ancestors());
        if (month.isAfter(DuesMonths.current())) {
            throw ApiException.unprocessable("dues-month-in-future", month);
        }
        // Only members owe dues: not applicants, nor those whose membership ended or moved out.
        List<Member> members = mongo.find(Query.query(Criteria.where("orgId").in(orgTree.subtreeIds(org.id()))
                        .and("status").in(party.member.member.MemberStatus.FULL, party.member.member.MemberStatus.PROBATIONARY))
                .with(Sort.by("_id")), Member.class);
        int billed = 0;
        int already = 0;
        int notYet = 0;
        List<String> missing = new ArrayList<>();
        Instant now = Instant.now();
        for (Member member : members) {
            if (owesFrom(member).isAfter(month)) {
                notYet++;
                continue;
            }
            if (Finds.any(mongo, Query.query(Criteria.where("_id").is(DuesBill.idOf(member.getId(), month))), DuesBill.class)) {
                already++;
                continue;
            }
            var base = baseFor(member.getId(), month);
            if (base.isEmpty()) {
                missing.add(member.getId());
                continue;
            }
            if (insertBill(member, month, base.get(), now)) {
                billed++;
            } else {
                already++;
            }
        }
        return new BillRun(org.id(), month.toString(), billed, already, notYet, missing);
    }

    /** A member's bills, newest month first; visible to managers of the member's branch. */
    public PageResponse<DuesBill> bills(String memberId, PageRequest page, CurrentUser user) {
        Member member = visibleMember(memberId, user);
        Query query = Query.query(Criteria.where("memberId").is(member.getId()));
        long total = mongo.count(query, DuesBill.class);
        List<DuesBill> items = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "month")).skip(page.offset())
                .limit(page.size()), DuesBill.class);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /**
     * The first month a member owes dues: the month of admission (the branch meeting's acceptance, which
     * starts the probation; {@code joinedAt}) when recorded, else the month of registration.
     */
    public static YearMonth owesFrom(Member member) {
        return member.getJoinedAt() != null ? YearMonth.from(member.getJoinedAt())
                : DuesMonths.of(member.getRegisteredAt());
    }

    // ------------------------------------------------------------------ payments

    /**
     * Records a payment. Rules: one month, or the three months of a calendar quarter with branch
     * consent; the payment date not in the future; no month after the payment date's month (no payment
     * in advance); a month more than {@code backPaymentMonths} before the payment date's month needs a
     * recorded reason; no month before the member owes; no month paid twice.
     *
     * @throws ApiException 404/403 scope, 422 the rules above, 409 a month already paid
     */
    public DuesPayment pay(NewPayment request, CurrentUser user) {
        Member member = managedMember(request.memberId(), user);
        List<YearMonth> months = parseMonths(request.months());
        if (months.size() == 3) {
            if (!DuesMonths.isCalendarQuarter(months)) {
                throw ApiException.unprocessable("dues-payment-months");
            }
            if (!request.branchConsent()) {
                throw ApiException.unprocessable("dues-quarter-needs-consent");
            }
        } else if (months.size() != 1) {
            throw ApiException.unprocessable("dues-payment-months");
        }
        LocalDate paidOn = request.paidOn() == null ? DuesMonths.today() : request.paidOn();
        if (paidOn.isAfter(DuesMonths.today())) {
            throw ApiException.unprocessable("dues-paid-on-future", paidOn);
        }
        YearMonth paidMonth = YearMonth.from(paidOn);
        String reason = request.backPaymentReason() == null || request.backPaymentReason().isBlank() ? null
                : request.backPaymentReason().strip();
        YearMonth owesFrom = owesFrom(member);
        for (YearMonth month : months) {
            if (month.isAfter(paidMonth)) {
                throw ApiException.unprocessable("dues-month-in-future", month);
            }
            if (DuesMonths.between(month, paidMonth) > properties.backPaymentMonths() && reason == null) {
                throw ApiException.unprocessable("dues-back-payment-too-old", month, properties.backPaymentMonths());
            }
            if (month.isBefore(owesFrom)) {
                throw ApiException.unprocessable("dues-month-before-membership", month, owesFrom);
            }
        }
        String payer = request.payerMemberId() == null || request.payerMemberId().isBlank()
                || request.payerMemberId().equals(member.getId()) ? null : request.payerMemberId();
        if (payer != null && mongo.findById(payer, Member.class) == null) {
            throw ApiException.unprocessable("dues-unknown-payer", payer);
        }
        Map<YearMonth, DuesBase> toBill = new LinkedHashMap<>();
        BigDecimal due = BigDecimal.ZERO.setScale(2);
        for (YearMonth month : months) {
            DuesBill bill = mongo.findById(DuesBill.idOf(member.getId(), month), DuesBill.class);
            if (bill != null && bill.paid()) {
                throw ApiException.conflict("dues-month-already-paid", month);
            }
            if (bill != null) {
                due = due.add(bill.amount());
            } else {
                DuesBase base = baseFor(member.getId(), month).orElseThrow(
                        () -> ApiException.unprocessable("dues-base-missing", month));
                toBill.put(month, base);
                due = due.add(base.monthlyAmount());
            }
        }
        if (request.amount() != null && request.amount().compareTo(due) != 0) {
            throw ApiException.unprocessable("dues-amount-mismatch", request.amount().toPlainString(), due.toPlainString());
        }
        // Writes from here on. A month paid by a concurrent request is caught by the conditional claim.
        Instant now = Instant.now();
        toBill.forEach((month, base) -> insertBill(member, month, base, now));
        DuesPayment payment = DuesPayment.record(member.getId(), payer, member.getOrgId(), months, due, paidOn,
                request.branchConsent(), reason, user.id(), now);
        List<YearMonth> claimed = new ArrayList<>();
        try {
            for (YearMonth month : months) {
                var result = mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(DuesBill.idOf(member.getId(), month)).and("paymentId").is(null)),
                        new Update().set("paymentId", payment.getId()).set("paidOn", paidOn.toString()), DuesBill.class);
                if (result.getModifiedCount() == 0) {
                    throw ApiException.conflict("dues-month-already-paid", month);
                }
                claimed.add(month);
            }
            return store.save(payment);
        } catch (RuntimeException e) {
            for (YearMonth month : claimed) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(DuesBill.idOf(member.getId(), month))
                                .and("paymentId").is(payment.getId())),
                        new Update().unset("paymentId").unset("paidOn"), DuesBill.class);
            }
            throw e;
        }
    }

    /** A payment the caller may see (managers of the member's branch). */
    public DuesPayment payment(String id, CurrentUser user) {
        DuesPayment payment = mongo.findById(id, DuesPayment.class);
        if (payment == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("dues-payment"));
        }
        OrgNode org = orgTree.find(payment.getOrgId()).orElseThrow(
                () -> ApiException.notFound("not-found", OrgScope.resourceName("dues-payment")));
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "dues-payment");
        return payment;
    }

    // ------------------------------------------------------------------ helpers

    private static List<YearMonth> parseMonths(List<String> values) {
        if (values == null || values.isEmpty()) {
            throw ApiException.unprocessable("dues-payment-months");
        }
        List<YearMonth> months = values.stream().map(DuesMonths::parse).distinct().sorted().toList();
        if (months.size() != values.size()) {
            throw ApiException.unprocessable("dues-payment-months");
        }
        return months;
    }

    /** Inserts the bill with its dues-billed event unless the month is billed already; whether it was created now. */
    private boolean insertBill(Member member, YearMonth month, DuesBase base, Instant now) {
        try {
            // A new aggregate (no version yet) is inserted: a month billed meanwhile fails on its id,
            // and the bill's dues-billed event is written in the same document or not at all.
            store.save(DuesBill.billed(member.getId(), member.getOrgId(), month, base.category(), base.monthlyAmount(),
                    now));
            return true;
        } catch (DuplicateKeyException billedMeanwhile) {
            return false;
        }
    }

    private Member visibleMember(String memberId, CurrentUser user) {
        Member member = mongo.findById(memberId, Member.class);
        OrgNode org = member == null ? null : orgTree.find(member.getOrgId()).orElse(null);
        if (org == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("member"));
        }
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "member");
        return member;
    }

    private Member managedMember(String memberId, CurrentUser user) {
        Member member = memberId == null ? null : mongo.findById(memberId, Member.class);
        OrgNode org = member == null ? null : orgTree.find(member.getOrgId()).orElse(null);
        if (org == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("member"));
        }
        OrgScope.requireManaged(user, org.id(), org.ancestors());
        return member;
    }
}
