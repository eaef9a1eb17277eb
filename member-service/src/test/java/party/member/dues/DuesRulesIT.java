package party.member.dues;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import party.platform.security.Roles;

/** What dues refuse: future months, old back payments without a reason, bad input, other branches. */
class DuesRulesIT extends DuesTestSupport {

    @Test
    void futureMonthsAndDatesAre422AndStoreNothing() {
        Tree tree = tree();
        String staff = staff(tree);
        YearMonth now = DuesMonths.current();
        String m1 = member(tree, tree.branchA(), "FULL", now.minusMonths(24).atDay(1));
        setBase(staff, m1, base("EMPLOYED", "8000.00", now.minusMonths(24).toString()));

        Reply future = pay(staff, payment(m1, now.plusMonths(1)));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.problem()).isEqualTo("dues-month-in-future");

        Map<String, Object> tomorrow = payment(m1, now);
        tomorrow.put("paidOn", DuesMonths.today().plusDays(1).toString());
        Reply paidTomorrow = pay(staff, tomorrow);
        assertThat(paidTomorrow.status()).isEqualTo(422);
        assertThat(paidTomorrow.problem()).isEqualTo("dues-paid-on-future");

        // Paid last month for this month: paying in advance of the payment date.
        Map<String, Object> advance = payment(m1, now);
        advance.put("paidOn", now.minusMonths(1).atDay(1).toString());
        assertThat(pay(staff, advance).problem()).isEqualTo("dues-month-in-future");

        Reply futureBills = bill(staff, tree.branchA(), now.plusMonths(1));
        assertThat(futureBills.status()).isEqualTo(422);
        assertThat(futureBills.problem()).isEqualTo("dues-month-in-future");
        assertThat(paymentsOf(m1)).isZero();
        assertThat(billsOf(m1)).isZero();
    }

    @Test
    void backPaymentBeyondSixMonthsNeedsARecordedReason() {
        Tree tree = tree();
        String staff = staff(tree);
        YearMonth now = DuesMonths.current();
        String m1 = member(tree, tree.branchA(), "FULL", now.minusMonths(24).atDay(1));
        setBase(staff, m1, base("EMPLOYED", "8000.00", now.minusMonths(24).toString()));

        Reply tooOld = pay(staff, payment(m1, now.minusMonths(7)));
        assertThat(tooOld.status()).isEqualTo(422);
        assertThat(tooOld.problem()).isEqualTo("dues-back-payment-too-old");
        assertThat(tooOld.json().path("detail").asString()).isEqualTo(now.minusMonths(7)
                + " 早于交纳日期超过 6 个月；须记录补交原因（backPaymentReason）。");
        Reply inEnglish = send("POST", "/api/v1/dues/payments", staff, payment(m1, now.minusMonths(7)),
                "Accept-Language", "en");
        assertThat(inEnglish.json().path("title").asString()).isEqualTo("Back payment too old");
        assertThat(inEnglish.json().path("detail").asString()).contains("more than 6 months before the payment");
        Map<String, Object> blankReason = payment(m1, now.minusMonths(7));
        blankReason.put("backPaymentReason", "  ");
        assertThat(pay(staff, blankReason).problem()).isEqualTo("dues-back-payment-too-old");
        assertThat(paymentsOf(m1)).isZero();
        assertThat(billsOf(m1)).isZero();

        // Six months back is the limit itself: allowed without a reason.
        Reply sixBack = pay(staff, payment(m1, now.minusMonths(6)));
        assertThat(sixBack.status()).as(sixBack.body()).isEqualTo(201);
        assertThat(sixBack.json().path("amount").decimalValue()).isEqualByComparingTo("120.00");

        Map<String, Object> withReason = payment(m1, now.minusMonths(7));
        withReason.put("backPaymentReason", "外派援疆期间无法交纳，经支部委员会同意补交");
        Reply accepted = pay(staff, withReason);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().path("backPaymentReason").asString()).startsWith("外派援疆");

        // The limit counts from the payment date's month, not from today.
        Map<String, Object> paidThen = payment(m1, now.minusMonths(12));
        paidThen.put("paidOn", now.minusMonths(6).atDay(1).toString());
        assertThat(pay(staff, paidThen).status()).isEqualTo(201);
        assertThat(paymentsOf(m1)).isEqualTo(3);
    }

    @Test
    void monthsBeforeAcceptanceMissingBasesAndWrongAmountsAre422() {
        Tree tree = tree();
        String staff = staff(tree);
        YearMonth now = DuesMonths.current();
        String probationary = member(tree, tree.branchA(), "PROBATIONARY", now.minusMonths(2).atDay(20));
        String noBase = member(tree, tree.branchA(), "FULL", now.minusMonths(5).atDay(1));
        setBase(staff, probationary, base("UNEMPLOYED", null, now.minusMonths(12).toString()));

        Reply before = pay(staff, payment(probationary, now.minusMonths(3)));
        assertThat(before.status()).isEqualTo(422);
        assertThat(before.problem()).isEqualTo("dues-month-before-membership");
        // The month of acceptance itself is owed.
        assertThat(pay(staff, payment(probationary, now.minusMonths(2))).status()).isEqualTo(201);

        Reply missing = pay(staff, payment(noBase, now.minusMonths(1)));
        assertThat(missing.problem()).isEqualTo("dues-base-missing");
        Reply run = bill(staff, tree.branchA(), now.minusMonths(1));
        assertThat(run.json().path("missingBase").toString()).contains(noBase);
        assertThat(billsOf(noBase)).isZero();

        Map<String, Object> wrongAmount = payment(probationary, now.minusMonths(1));
        wrongAmount.put("amount", new BigDecimal("0.50"));
        Reply mismatch = pay(staff, wrongAmount);
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.problem()).isEqualTo("dues-amount-mismatch");

        Map<String, Object> unknownPayer = payment(probationary, now.minusMonths(1));
        unknownPayer.put("payerMemberId", "00000000-0000-4000-8000-000000000000");
        assertThat(pay(staff, unknownPayer).problem()).isEqualTo("dues-unknown-payer");
        assertThat(paymentsOf(probationary)).isEqualTo(1);
        assertThat(paidBillsOf(probationary)).isEqualTo(1);
    }

    @Test
    void malformedBasesArePreciseErrorsAndStoreNothing() {
        Tree tree = tree();
        String staff = staff(tree);
        YearMonth now = DuesMonths.current();
        String m1 = member(tree, tree.branchA(), "FULL", now.minusMonths(5).atDay(1));

        Reply badMonth = setBase(staff, m1, base("EMPLOYED", "3000.00", "2026-13"));
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.problem()).isEqualTo("invalid-request");
        assertThat(badMonth.json().path("errors").get(0).path("field").asString()).isEqualTo("effectiveFrom");

        Reply threeDecimals = setBase(staff, m1, base("EMPLOYED", "3000.001", "2026-03"));
        assertThat(threeDecimals.status()).isEqualTo(400);
        assertThat(threeDecimals.json().path("errors").get(0).path("field").asString()).isEqualTo("base");

        Reply negative = setBase(staff, m1, base("RETIRED", "-1.00", "2026-03"));
        assertThat(negative.status()).isEqualTo(400);

        Reply unknownCategory = setBase(staff, m1, base("PENSIONER", "3000.00", "2026-03"));
        assertThat(unknownCategory.status()).isEqualTo(400);

        Reply noBase = setBase(staff, m1, base("EMPLOYED", null, "2026-03"));
        assertThat(noBase.status()).isEqualTo(422);
        assertThat(noBase.problem()).isEqualTo("dues-base-required");

        Map<String, Object> farmer = base("FARMER", null, "2026-03");
        farmer.put("farmerAmount", new BigDecimal("1.01"));
        Reply tooMuch = setBase(staff, m1, farmer);
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.problem()).isEqualTo("dues-farmer-amount");
        farmer.put("farmerAmount", new BigDecimal("0.19"));
        assertThat(setBase(staff, m1, farmer).problem()).isEqualTo("dues-farmer-amount");
        farmer.remove("farmerAmount");
        assertThat(setBase(staff, m1, farmer).problem()).isEqualTo("dues-farmer-amount");
        assertThat(basesOf(m1)).isZero();

        Reply badPaymentMonth = pay(staff, payment(m1, "2026-3"));
        assertThat(badPaymentMonth.status()).isEqualTo(400);
        assertThat(badPaymentMonth.problem()).isEqualTo("invalid-request");
        Reply duplicateMonths = pay(staff, payment(m1, now, now));
        assertThat(duplicateMonths.problem()).isEqualTo("dues-payment-months");
        Reply noMonths = pay(staff, Map.of("memberId", m1, "months", List.of()));
        assertThat(noMonths.status()).isEqualTo(400);
        assertThat(pay(staff, Map.of("months", List.of(now.toString()))).status()).isEqualTo(400);
        assertThat(pay(staff, payment("no-such-member", now)).status()).isEqualTo(404);

        Reply badQuery = bill(staff, tree.branchA(), "2026-3");
        assertThat(badQuery.status()).isEqualTo(400);
        assertThat(badQuery.problem()).isEqualTo("invalid-month");
        assertThat(get("/api/v1/dues/organizations/" + tree.branchA() + "/collected?year=2026&month=13", staff).problem())
                .isEqualTo("invalid-period");
        assertThat(paymentsOf(m1)).isZero();
        assertThat(billsOf(m1)).isZero();
    }

    @Test
    void onlyManagersOfTheMembersBranchSeeAndRecordItsDues() {
        Tree tree = tree();
        String staff = staff(tree);
        YearMonth now = DuesMonths.current();
        String m1 = member(tree, tree.branchA(), "FULL", now.minusMonths(5).atDay(1));
        assertThat(setBase(staff, m1, base("EMPLOYED", "2000.00", now.minusMonths(5).toString())).status()).isEqualTo(200);
        assertThat(bill(staff, tree.branchA(), now).status()).isEqualTo(200);
        String otherBranch = secretary(tree.branchB());

        Reply bills = get("/api/v1/dues/members/" + m1 + "/bills", otherBranch);
        assertThat(bills.status()).isEqualTo(404);
        assertThat(bills.problem()).isEqualTo("not-found");
        assertThat(get("/api/v1/dues/members/" + m1 + "/bills", secretary(tree.branchA())).status()).isEqualTo(200);

        Reply base = setBase(otherBranch, m1, base("EMPLOYED", "99999.00", now.toString()));
        assertThat(base.status()).isEqualTo(403);
        assertThat(basesOf(m1)).isEqualTo(1);

        Reply paid = pay(otherBranch, payment(m1, now));
        assertThat(paid.status()).isEqualTo(403);
        assertThat(paid.problem()).isEqualTo("out-of-scope");
        assertThat(paymentsOf(m1)).isZero();
        assertThat(paidBillsOf(m1)).isZero();

        assertThat(bill(otherBranch, tree.branchA(), now).status()).isEqualTo(403);
        assertThat(bill(otherBranch, tree.general(), now).status()).isEqualTo(403);
        assertThat(get("/api/v1/dues/organizations/" + tree.branchA() + "/arrears?asOf=" + now, otherBranch).status())
                .isEqualTo(404);
        assertThat(get("/api/v1/dues/organizations/" + tree.branchA() + "/collected?year=" + now.getYear(), otherBranch)
                .status()).isEqualTo(404);
        // The branch secretary's report shows only what lies in the branch.
        assertThat(get("/api/v1/dues/organizations/" + tree.branchB() + "/arrears?asOf=" + now, otherBranch)
                .json().path("unpaidBills").asInt()).isZero();

        Reply ownPayment = pay(secretary(tree.branchA()), payment(m1, now));
        assertThat(ownPayment.status()).isEqualTo(201);
        String paymentId = ownPayment.json().path("id").asString();
        assertThat(get("/api/v1/dues/payments/" + paymentId, otherBranch).status()).isEqualTo(404);
        assertThat(get("/api/v1/dues/payments/" + paymentId, staff).status()).isEqualTo(200);

        String plainMember = token("member-" + m1, List.of(Roles.MEMBER), List.of(tree.branchA()));
        assertThat(get("/api/v1/dues/members/" + m1 + "/bills", plainMember).status()).isEqualTo(403);
        assertThat(get("/api/v1/dues/members/" + m1 + "/bills", null).status()).isEqualTo(401);
    }

    @Test
    void replacingAMonthsBaseNeedsItsETag() {
        Tree tree = tree();
        String staff = staff(tree);
        YearMonth now = DuesMonths.current();
        String m1 = member(tree, tree.branchA(), "FULL", now.minusMonths(5).atDay(1));
        String month = now.minusMonths(2).toString();
        Reply first = setBase(staff, m1, base("EMPLOYED", "5000.00", month));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"0\"");

        Reply missing = setBase(staff, m1, base("EMPLOYED", "5000.01", month));
        assertThat(missing.status()).isEqualTo(428);
        Reply stale = send("PUT", "/api/v1/dues/members/" + m1 + "/base", staff, base("EMPLOYED", "5000.01", month),
                "If-Match", "\"7\"");
        assertThat(stale.status()).isEqualTo(412);
        Reply read = get("/api/v1/dues/members/" + m1 + "/base?month=" + now, staff);
        assertThat(read.json().path("monthlyAmount").decimalValue()).isEqualByComparingTo("50.00");

        Reply replaced = send("PUT", "/api/v1/dues/members/" + m1 + "/base", staff, base("EMPLOYED", "5000.01", month),
                "If-Match", read.header("ETag"));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.header("ETag")).isEqualTo("\"1\"");
        assertThat(replaced.json().path("monthlyAmount").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(basesOf(m1)).isEqualTo(1);
        assertThat(get("/api/v1/dues/members/" + m1 + "/base?month=" + now.minusMonths(3), staff).status()).isEqualTo(404);
        assertThat(get("/api/v1/dues/members/" + m1 + "/base", secretary(tree.branchB())).status()).isEqualTo(404);
    }
}
