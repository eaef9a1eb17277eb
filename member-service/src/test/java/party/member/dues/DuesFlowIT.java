package party.member.dues;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import party.member.contracts.ContractFiles;
import party.platform.events.CloudEvents;
import tools.jackson.databind.JsonNode;

/** Base → bills → payments (own, on behalf, quarterly) → arrears and collected totals, with the events. */
class DuesFlowIT extends DuesTestSupport {

    @Autowired
    UnpaidMonths unpaidMonths;

    @Test
    void baseBillsPaymentsArrearsAndTotals() {
        Tree tree = tree();
        String staff = staff(tree);
        YearMonth now = DuesMonths.current();
        String m1 = member(tree, tree.branchA(), "FULL", now.minusMonths(12).atDay(1));
        String m2 = member(tree, tree.branchA(), "PROBATIONARY", now.minusMonths(1).atDay(15));
        String m3 = member(tree, tree.branchB(), "FULL", now.minusMonths(30).atDay(1));

        Reply base = setBase(staff, m1, base("EMPLOYED", "3000.00", now.minusMonths(12).toString()));
        assertThat(base.status()).as(base.body()).isEqualTo(200);
        assertThat(base.json().path("monthlyAmount").decimalValue()).isEqualByComparingTo("15.00");
        // A raise from last month on: one cent over the bracket boundary doubles the rate.
        assertThat(setBase(staff, m1, base("EMPLOYED", "3000.01", now.minusMonths(1).toString()))
                .json().path("monthlyAmount").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(setBase(staff, m2, base("STUDENT", null, now.minusMonths(12).toString())).status()).isEqualTo(200);
        assertThat(setBase(staff, m3, base("RETIRED", "5000.01", now.minusMonths(30).toString()))
                .json().path("monthlyAmount").decimalValue()).isEqualByComparingTo("50.00");

        // Two months ago: the probationary member was not yet accepted.
        Reply run = bill(staff, tree.general(), now.minusMonths(2));
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().path("billed").asInt()).isEqualTo(2);
        assertThat(run.json().path("notYetOwing").asInt()).isEqualTo(1);
        Reply again = bill(staff, tree.general(), now.minusMonths(2));
        assertThat(again.json().path("billed").asInt()).isZero();
        assertThat(again.json().path("alreadyBilled").asInt()).isEqualTo(2);
        assertThat(billsOf(m1)).isEqualTo(1);

        assertThat(bill(staff, tree.general(), now.minusMonths(1)).json().path("billed").asInt()).isEqualTo(3);

        JsonNode bills = get("/api/v1/dues/members/" + m1 + "/bills", secretary(tree.branchA())).json();
        assertThat(bills.path("total").asLong()).isEqualTo(2);
        assertThat(bills.path("items").get(0).path("month").asString()).isEqualTo(now.minusMonths(1).toString());
        assertThat(bills.path("items").get(0).path("amount").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(bills.path("items").get(0).path("status").asString()).isEqualTo("UNPAID");
        assertThat(bills.path("items").get(1).path("amount").decimalValue()).isEqualByComparingTo("15.00");

        JsonNode arrears = get("/api/v1/dues/organizations/" + tree.general() + "/arrears?asOf=" + now.minusMonths(1),
                staff).json();
        assertThat(arrears.path("amount").decimalValue()).isEqualByComparingTo("145.20"); // 15 + 30 + 0.20 + 50 + 50
        assertThat(arrears.path("unpaidBills").asInt()).isEqualTo(5);
        assertThat(arrears.path("branches")).hasSize(2);
        // asOf bounds the months counted.
        assertThat(get("/api/v1/dues/organizations/" + tree.general() + "/arrears?asOf=" + now.minusMonths(2), staff)
                .json().path("amount").decimalValue()).isEqualByComparingTo("65.00");

        // m3 pays m1's dues of two months ago on m1's behalf.
        Map<String, Object> onBehalf = payment(m1, now.minusMonths(2));
        onBehalf.put("payerMemberId", m3);
        onBehalf.put("amount", new BigDecimal("15.00"));
        Reply paid = pay(secretary(tree.branchA()), onBehalf);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        String paymentId = paid.json().path("id").asString();
        assertThat(paid.json().path("payerMemberId").asString()).isEqualTo(m3);
        assertThat(paid.json().path("amount").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(paid.header("Location")).endsWith("/api/v1/dues/payments/" + paymentId);

        ConsumerRecord<String, String> event = awaitEvent(DuesPaid.TYPE, paymentId);
        assertThat(ContractFiles.validate(DuesPaid.TYPE, ContractFiles.parse(event.value()))).isEmpty();
        JsonNode data = JSON.readTree(event.value());
        assertThat(data.path("memberId").asString()).isEqualTo(m1);
        assertThat(data.path("payerMemberId").asString()).isEqualTo(m3);
        assertThat(data.path("orgId").asString()).isEqualTo(tree.branchA());
        assertThat(data.path("amount").asString()).isEqualTo("15.00");
        assertThat(data.path("months").get(0).asString()).isEqualTo(now.minusMonths(2).toString());
        assertThat(data.path("version").asLong()).isZero();
        assertThat(header(event, CloudEvents.SUBJECT)).isEqualTo(paymentId);
        assertThat(event.value()).doesNotContain("李四");

        // The same month again is a conflict and changes nothing.
        Reply twice = pay(staff, payment(m1, now.minusMonths(2)));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problem()).isEqualTo("dues-month-already-paid");
        assertThat(paymentsOf(m1)).isEqualTo(1);

        JsonNode paidBill = get("/api/v1/dues/members/" + m1 + "/bills", staff).json().path("items").get(1);
        assertThat(paidBill.path("status").asString()).isEqualTo("PAID");
        assertThat(paidBill.path("paymentId").asString()).isEqualTo(paymentId);

        assertThat(get("/api/v1/dues/organizations/" + tree.general() + "/arrears?asOf=" + now.minusMonths(1), staff)
                .json().path("amount").decimalValue()).isEqualByComparingTo("130.20");

        // m3 pays own month; totals count per organization and for the subtree.
        assertThat(pay(staff, payment(m3, now.minusMonths(2))).status()).isEqualTo(201);
        YearMonth m = now.minusMonths(2);
        JsonNode collected = get("/api/v1/dues/organizations/" + tree.general() + "/collected?year=" + m.getYear()
                + "&month=" + m.getMonthValue(), staff).json();
        assertThat(collected.path("amount").decimalValue()).isEqualByComparingTo("65.00");
        assertThat(collected.path("paidBills").asInt()).isEqualTo(2);
        assertThat(collected.path("organizations")).hasSize(2);
        JsonNode branchA = get("/api/v1/dues/organizations/" + tree.branchA() + "/collected?year=" + m.getYear()
                + "&month=" + m.getMonthValue(), staff).json();
        assertThat(branchA.path("amount").decimalValue()).isEqualByComparingTo("15.00");
        JsonNode year = get("/api/v1/dues/organizations/" + tree.committee() + "/collected?year=" + m.getYear(), staff).json();
        assertThat(year.path("amount").decimalValue()).isEqualByComparingTo("65.00");
        assertThat(year.path("month").isNull()).isTrue();

        // Unpaid months: every owed month up to asOf but the paid one, billed or not.
        List<YearMonth> expected = new ArrayList<>(DuesMonths.range(now.minusMonths(12), now.minusMonths(1)));
        expected.remove(now.minusMonths(2));
        assertThat(unpaidMonths.unpaidMonths(m1, now.minusMonths(1))).isEqualTo(expected);
        assertThat(unpaidMonths.consecutiveUnpaidUpTo(m1, now.minusMonths(1))).isEqualTo(1);
        assertThat(unpaidMonths.unpaidMonths(m2, now)).containsExactly(now.minusMonths(1), now);
    }

    @Test
    void aQuarterNeedsBranchConsentAndWholeCalendarQuarters() {
        Tree tree = tree();
        String staff = staff(tree);
        YearMonth now = DuesMonths.current();
        String m1 = member(tree, tree.branchA(), "FULL", now.minusMonths(12).atDay(1));
        setBase(staff, m1, base("EMPLOYED", "4500.00", now.minusMonths(12).toString()));
        // The last calendar quarter that lies wholly in the past and within the back-payment limit.
        YearMonth back = now.minusMonths(3);
        YearMonth q = YearMonth.of(back.getYear(), (back.getMonthValue() - 1) / 3 * 3 + 1);

        Reply noConsent = pay(staff, payment(m1, q, q.plusMonths(1), q.plusMonths(2)));
        assertThat(noConsent.status()).isEqualTo(422);
        assertThat(noConsent.problem()).isEqualTo("dues-quarter-needs-consent");

        Map<String, Object> notAQuarter = payment(m1, q.plusMonths(1), q.plusMonths(2), q.plusMonths(3));
        notAQuarter.put("branchConsent", true);
        assertThat(pay(staff, notAQuarter).problem()).isEqualTo("dues-payment-months");
        Map<String, Object> two = payment(m1, q, q.plusMonths(1));
        assertThat(pay(staff, two).problem()).isEqualTo("dues-payment-months");
        assertThat(paymentsOf(m1)).isZero();
        assertThat(billsOf(m1)).isZero();

        Map<String, Object> quarter = payment(m1, q.plusMonths(2), q, q.plusMonths(1));
        quarter.put("branchConsent", true);
        Reply paid = pay(staff, quarter, "Idempotency-Key", "quarter-" + m1);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().path("amount").decimalValue()).isEqualByComparingTo("135.00");
        assertThat(paid.json().path("months").toString()).isEqualTo("[\"" + q + "\",\"" + q.plusMonths(1) + "\",\""
                + q.plusMonths(2) + "\"]");
        assertThat(paidBillsOf(m1)).isEqualTo(3);

        Reply replay = pay(staff, quarter, "Idempotency-Key", "quarter-" + m1);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(replay.json().path("id").asString()).isEqualTo(paid.json().path("id").asString());
        assertThat(paymentsOf(m1)).isEqualTo(1);

        ConsumerRecord<String, String> event = awaitEvent(DuesPaid.TYPE, paid.json().path("id").asString());
        assertThat(ContractFiles.validate(DuesPaid.TYPE, ContractFiles.parse(event.value()))).isEmpty();
        assertThat(JSON.readTree(event.value()).path("months")).hasSize(3);
        assertThat(JSON.readTree(event.value()).path("amount").asString()).isEqualTo("135.00");
        assertThat(JSON.readTree(event.value()).path("payerMemberId").asString()).isEqualTo(m1);
    }

    @Test
    void farmersPayTheAmountTheBranchSet() {
        Tree tree = tree();
        String staff = staff(tree);
        YearMonth now = DuesMonths.current();
        String m1 = member(tree, tree.branchB(), "FULL", now.minusMonths(3).atDay(1));
        Map<String, Object> farmer = base("FARMER", null, now.minusMonths(3).toString());
        farmer.put("farmerAmount", new BigDecimal("0.5"));
        Reply set = setBase(staff, m1, farmer);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("monthlyAmount").decimalValue()).isEqualByComparingTo("0.50");
        Reply paid = pay(secretary(tree.branchB()), payment(m1, now));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().path("amount").decimalValue()).isEqualByComparingTo("0.50");
    }

    @Test
    void membersWhoseMembershipEndedAreNotBilled() {
        Tree tree = tree();
        String staff = staff(tree);
        YearMonth now = DuesMonths.current();
        String member = member(tree, tree.branchA(), "FULL", java.time.LocalDate.of(2010, 7, 1));
        assertThat(setBase(staff, member, base("EMPLOYED", "4000.00", now.minusMonths(2).toString())).status()).isEqualTo(200);
        String etag = get("/api/v1/members/" + member, staff).header("ETag");
        Reply decided = send("POST", "/api/v1/members/" + member + "/status-decisions", staff, java.util.Map.of("kind", "DEATH",
                "date", now.minusMonths(1).atDay(1).toString(), "reason", "病故", "approverName", "组织部"), "If-Match", etag);
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);

        assertThat(bill(staff, tree.branchA(), now).status()).isEqualTo(200);
        assertThat(billsOf(member)).isZero();
    }
}
