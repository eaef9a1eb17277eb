package party.member.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import party.member.member.Member;
import tools.jackson.databind.JsonNode;

class StatusDecisionIT extends StatusTestSupport {

    private static final String CHANGED = "party.member.status-changed.v1";
    private static final String DECIDED = "party.member.status-decided.v1";

    static Map<String, Object> decision(String kind, LocalDate date) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("date", date.toString());
        body.put("reason", "经支部大会讨论决定");
        body.put("approverName", "某某党委");
        body.put("documentRef", "党发〔2026〕3号");
        return body;
    }

    Reply decide(String token, String memberId, Map<String, Object> body, String ifMatch) {
        return ifMatch == null ? send("POST", "/api/v1/members/" + memberId + "/status-decisions", token, body)
                : send("POST", "/api/v1/members/" + memberId + "/status-decisions", token, body, "If-Match", ifMatch);
    }

    long decisionsOf(String memberId) {
        return db.count(Query.query(Criteria.where("memberId").is(memberId)), StatusDecision.COLLECTION);
    }

    String storedStatus(String memberId) {
        return db.findById(memberId, org.bson.Document.class, Member.COLLECTION).getString("status");
    }

    @Test
    void eachEndingDecisionChangesTheStatusAndPublishesBothEvents() {
        Tree tree = tree();
        Map<String, String> expected = Map.of("DEATH", "DECEASED", "LEAVING", "LEFT", "EXPULSION", "EXPELLED",
                "ADVICE_TO_LEAVE", "LEFT", "REMOVAL", "REMOVED");
        LocalDate date = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3);
        expected.forEach((kind, status) -> {
            String from = "DEATH".equals(kind) ? "PROBATIONARY" : "FULL";
            String memberId = member(tree, tree.branchA(), from, LocalDate.now(ZoneId.of("Asia/Shanghai")).minusMonths(3));
            Reply reply = decide(secretary(tree.branchA()), memberId, decision(kind, date), memberETag(tree, memberId));
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            JsonNode body = reply.json();
            assertThat(body.path("kind").asString()).isEqualTo(kind);
            assertThat(body.path("fromStatus").asString()).isEqualTo(from);
            assertThat(body.path("toStatus").asString()).isEqualTo(status);
            assertThat(body.path("documentRef").asString()).isEqualTo("党发〔2026〕3号");
            assertThat(storedStatus(memberId)).isEqualTo(status);

            ConsumerRecord<String, String> changed = awaitEvent(ofType(CHANGED, "memberId", memberId));
            assertContract(CHANGED, changed);
            JsonNode data = JSON.readTree(changed.value());
            assertThat(data.path("from").asString()).isEqualTo(from);
            assertThat(data.path("to").asString()).isEqualTo(status);
            assertThat(data.path("effectiveDate").asString()).isEqualTo(date.toString());
            assertThat(data.path("orgId").asString()).isEqualTo(tree.branchA());

            ConsumerRecord<String, String> decided = awaitEvent(ofType(DECIDED, "memberId", memberId));
            assertContract(DECIDED, decided);
            assertThat(decided.value()).doesNotContain("经支部大会").doesNotContain("reason");
            assertThat(JSON.readTree(decided.value()).path("kind").asString()).isEqualTo(kind);
            assertThat(JSON.readTree(decided.value()).path("decisionId").asString()).isEqualTo(body.path("id").asString());

            // no further decision on someone who is no member any more
            Reply again = decide(secretary(tree.branchA()), memberId, decision("DEATH", date), memberETag(tree, memberId));
            assertThat(again.status()).as(again.body()).isEqualTo(422);
            assertThat(again.problem()).isEqualTo("status-decision-not-a-party-member");
            assertThat(decisionsOf(memberId)).isEqualTo(1);
        });
    }

    @Test
    void anEndedMembershipLeavesTheBranchListButStaysFindableByStatus() {
        Tree tree = tree();
        LocalDate date = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3);
        String memberId = member(tree, tree.branchA(), "FULL", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusMonths(3));
        String stays = member(tree, tree.branchA(), "FULL", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusMonths(3));
        assertThat(listed(tree, "")).containsExactlyInAnyOrder(memberId, stays);

        Reply reply = decide(secretary(tree.branchA()), memberId, decision("DEATH", date), memberETag(tree, memberId));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);

        // The directory follows the member's status-changed event.
        await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(listed(tree, "")).containsExactly(stays));
        assertThat(listed(tree, "&status=DECEASED")).containsExactly(memberId);
    }

    private java.util.List<String> listed(Tree tree, String query) {
        Reply list = get("/api/v1/members?orgId=" + tree.branchA() + query, staff(tree));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        java.util.List<String> ids = new java.util.ArrayList<>();
        list.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    @Test
    void correctionDeadlineKeepsTheMemberAndRecordsTheDeadline() {
        Tree tree = tree();
        String memberId = member(tree, tree.branchA(), "PROBATIONARY", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusMonths(3));
        String etag = memberETag(tree, memberId);
        LocalDate date = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        Map<String, Object> body = decision("CORRECTION_DEADLINE", date);
        body.put("correctionDeadline", date.plusMonths(3).toString());
        body.remove("approverName");
        body.put("approverMemberId", member(tree, tree.branchA(), "FULL", LocalDate.of(2000, 7, 1)));
        String path = "/api/v1/members/" + memberId + "/status-decisions";
        Reply reply = send("POST", path, staff(tree), body, "If-Match", etag, "Idempotency-Key", "k-" + memberId);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        Reply replay = send("POST", path, staff(tree), body, "If-Match", etag, "Idempotency-Key", "k-" + memberId);
        assertThat(replay.status()).as(replay.body()).isEqualTo(201);
        assertThat(replay.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(replay.json().path("id").asString()).isEqualTo(reply.json().path("id").asString());
        assertThat(decisionsOf(memberId)).isEqualTo(1);
        assertThat(reply.json().path("correctionDeadline").asString()).isEqualTo(date.plusMonths(3).toString());
        assertThat(reply.json().path("toStatus").asString()).isEqualTo("PROBATIONARY");
        assertThat(storedStatus(memberId)).isEqualTo("PROBATIONARY");
        assertThat(memberETag(tree, memberId)).isEqualTo(etag);

        ConsumerRecord<String, String> decided = awaitEvent(ofType(DECIDED, "memberId", memberId));
        assertContract(DECIDED, decided);
        assertThat(events(ofType(CHANGED, "memberId", memberId))).isEmpty();

        Reply list = get("/api/v1/members/" + memberId + "/status-decisions", secretary(tree.branchA()));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).path("kind").asString()).isEqualTo("CORRECTION_DEADLINE");
    }

    @Test
    void badInputIsRejectedAndStoresNothing() {
        Tree tree = tree();
        String memberId = member(tree, tree.branchA(), "FULL", LocalDate.of(2012, 7, 1));
        String etag = memberETag(tree, memberId);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String token = secretary(tree.branchA());

        Reply future = decide(token, memberId, decision("EXPULSION", today.plusDays(1)), etag);
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.problem()).isEqualTo("status-decision-date-in-future");

        Map<String, Object> noApprover = decision("LEAVING", today);
        noApprover.remove("approverName");
        Reply approver = decide(token, memberId, noApprover, etag);
        assertThat(approver.status()).isEqualTo(422);
        assertThat(approver.problem()).isEqualTo("status-decision-approver-required");

        Map<String, Object> unknownApprover = decision("LEAVING", today);
        unknownApprover.put("approverMemberId", "no-such-member");
        assertThat(decide(token, memberId, unknownApprover, etag).problem()).isEqualTo("status-decision-unknown-approver");

        Map<String, Object> noReason = decision("LEAVING", today);
        noReason.put("reason", " ");
        Reply reason = decide(token, memberId, noReason, etag);
        assertThat(reason.status()).isEqualTo(400);

        Map<String, Object> badKind = decision("PROMOTION", today);
        assertThat(decide(token, memberId, badKind, etag).status()).isEqualTo(400);

        Reply noDeadline = decide(token, memberId, decision("CORRECTION_DEADLINE", today), etag);
        assertThat(noDeadline.status()).isEqualTo(422);
        assertThat(noDeadline.problem()).isEqualTo("status-decision-deadline-required");

        Map<String, Object> deadlineElsewhere = decision("REMOVAL", today);
        deadlineElsewhere.put("correctionDeadline", today.plusMonths(1).toString());
        assertThat(decide(token, memberId, deadlineElsewhere, etag).problem()).isEqualTo("status-decision-deadline-not-allowed");

        Reply missing = decide(token, memberId, decision("LEAVING", today), null);
        assertThat(missing.status()).isEqualTo(428);
        Reply stale = decide(token, memberId, decision("LEAVING", today), "\"41\"");
        assertThat(stale.status()).isEqualTo(412);

        Reply applicant = decide(staff(tree), "no-such-member", decision("LEAVING", today), etag);
        assertThat(applicant.status()).isEqualTo(404);

        assertThat(decisionsOf(memberId)).isZero();
        assertThat(storedStatus(memberId)).isEqualTo("FULL");
        assertThat(memberETag(tree, memberId)).isEqualTo(etag);
        assertThat(events(ofType(CHANGED, "memberId", memberId))).isEmpty();
    }

    @Test
    void anotherBranchSecretarySeesNothingAndDecidesNothing() {
        Tree tree = tree();
        String memberId = member(tree, tree.branchA(), "FULL", LocalDate.of(2012, 7, 1));
        String etag = memberETag(tree, memberId);
        String other = secretary(tree.branchB());
        Reply post = decide(other, memberId, decision("EXPULSION", LocalDate.now(ZoneId.of("Asia/Shanghai"))), etag);
        assertThat(post.status()).isEqualTo(404);
        assertThat(get("/api/v1/members/" + memberId + "/status-decisions", other).status()).isEqualTo(404);
        String memberToken = token("member-x", java.util.List.of("MEMBER"), java.util.List.of(tree.branchA()));
        assertThat(decide(memberToken, memberId, decision("EXPULSION", LocalDate.now(ZoneId.of("Asia/Shanghai"))), etag)
                .status()).isEqualTo(403);
        assertThat(decisionsOf(memberId)).isZero();
        assertThat(storedStatus(memberId)).isEqualTo("FULL");
    }
}
