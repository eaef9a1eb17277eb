package party.member.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import party.platform.events.CloudEvents;
import party.platform.test.TestContracts;
import tools.jackson.databind.JsonNode;

/** Every bill stored publishes one dues-billed event from the same document write, and only stored bills do. */
class DuesBilledIT extends DuesTestSupport {

    @Test
    void aBillRunPublishesOneDuesBilledPerNewBillAndARerunNone() {
        Tree tree = tree();
        String staff = staff(tree);
        YearMonth now = DuesMonths.current();
        YearMonth month = now.minusMonths(1);
        String m1 = member(tree, tree.branchA(), "FULL", now.minusMonths(6).atDay(1));
        String m2 = member(tree, tree.branchB(), "FULL", now.minusMonths(6).atDay(1));
        String noBase = member(tree, tree.branchB(), "FULL", now.minusMonths(6).atDay(1));
        assertThat(setBase(staff, m1, base("EMPLOYED", "6000.00", now.minusMonths(6).toString())).status()).isEqualTo(200);
        assertThat(setBase(staff, m2, base("RETIRED", "4000.00", now.minusMonths(6).toString())).status()).isEqualTo(200);

        Reply run = bill(staff, tree.general(), month);
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().path("billed").asInt()).isEqualTo(2);

        ConsumerRecord<String, String> event = awaitEvent(DuesBilled.TYPE, DuesBill.idOf(m1, month));
        assertThat(TestContracts.violations(DuesBilled.TYPE, event.value())).isEmpty();
        JsonNode data = JSON.readTree(event.value());
        assertThat(data.path("billId").asString()).isEqualTo(m1 + "|" + month);
        assertThat(data.path("memberId").asString()).isEqualTo(m1);
        assertThat(data.path("orgId").asString()).isEqualTo(tree.branchA());
        assertThat(data.path("month").asString()).isEqualTo(month.toString());
        assertThat(data.path("amount").asString()).isEqualTo("90.00");
        assertThat(data.path("version").asLong()).isZero();
        assertThat(header(event, CloudEvents.SUBJECT)).isEqualTo(m1 + "|" + month);
        assertThat(header(event, CloudEvents.SOURCE)).isEqualTo("/member-service");
        assertThat(event.value()).doesNotContain("李四");

        ConsumerRecord<String, String> retired = awaitEvent(DuesBilled.TYPE, DuesBill.idOf(m2, month));
        assertThat(TestContracts.violations(DuesBilled.TYPE, retired.value())).isEmpty();
        assertThat(JSON.readTree(retired.value()).path("amount").asString()).isEqualTo("20.00");

        // Relayed: the pending events left the bill documents.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(db.findById(DuesBill.idOf(m1, month), Document.class, DuesBill.COLLECTION)
                        .getList("pendingEvents", Object.class)).isEmpty());

        // A rerun stores no bill and publishes no event; the member without a base got neither.
        Reply again = bill(staff, tree.general(), month);
        assertThat(again.json().path("billed").asInt()).isZero();
        assertThat(again.json().path("alreadyBilled").asInt()).isEqualTo(2);
        assertThat(again.json().path("missingBase").get(0).asString()).isEqualTo(noBase);
        assertThat(billsOf(m1)).isEqualTo(1);
        // Events raised after the rerun are out (a payment of another month bills it), so one the rerun raised would be too.
        Reply paid = pay(staff, payment(m1, now.minusMonths(2)));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        awaitEvent(DuesBilled.TYPE, DuesBill.idOf(m1, now.minusMonths(2)));
        awaitEvent(DuesPaid.TYPE, paid.json().path("id").asString());
        assertThat(eventsOfType(DuesBilled.TYPE, d -> d.path("billId").asString().equals(m1 + "|" + month))).hasSize(1);
        assertThat(eventsOfType(DuesBilled.TYPE, d -> d.path("billId").asString().equals(m2 + "|" + month))).hasSize(1);
        assertThat(eventsOfType(DuesBilled.TYPE, d -> d.path("memberId").asString().equals(noBase))).isEmpty();
    }

    @Test
    void payingAnUnbilledMonthBillsItFirstAndARejectedPaymentBillsNothing() {
        Tree tree = tree();
        String staff = staff(tree);
        YearMonth now = DuesMonths.current();
        String member = member(tree, tree.branchA(), "FULL", now.minusMonths(6).atDay(1));
        assertThat(setBase(staff, member, base("EMPLOYED", "2000.00", now.minusMonths(6).toString())).status())
                .isEqualTo(200);

        // Wrong amount: 422 before any write, so neither a bill nor its event.
        java.util.Map<String, Object> wrong = payment(member, now.minusMonths(3));
        wrong.put("amount", new java.math.BigDecimal("99.00"));
        assertThat(pay(staff, wrong).status()).isEqualTo(422);
        assertThat(billsOf(member)).isZero();

        Reply paid = pay(staff, payment(member, now.minusMonths(3)));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        ConsumerRecord<String, String> billed = awaitEvent(DuesBilled.TYPE, DuesBill.idOf(member, now.minusMonths(3)));
        assertThat(TestContracts.violations(DuesBilled.TYPE, billed.value())).isEmpty();
        assertThat(JSON.readTree(billed.value()).path("amount").asString()).isEqualTo("10.00");
        awaitEvent(DuesPaid.TYPE, paid.json().path("id").asString());
        List<ConsumerRecord<String, String>> ofMember = eventsOfType(DuesBilled.TYPE,
                d -> d.path("memberId").asString().equals(member));
        assertThat(ofMember).hasSize(1);
        assertThat(billsOf(member)).isEqualTo(1);
    }
}
