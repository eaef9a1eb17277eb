package party.member.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import party.member.development.DevelopmentRecord;
import party.member.member.TestIds;
import tools.jackson.databind.JsonNode;

/** Relation transfers through the API: letters, decisions, the member's move, events, scope and queues. */
class TransferIT extends TransferTestSupport {

    @Test
    void acceptedTransferMovesTheMemberAndPublishesWithTheMemberVersion() {
        Tree t = tree();
        String memberId = member(t, t.branchA(), "FULL");
        Document before = db.findById(memberId, Document.class, "members");

        Reply noIfMatch = send("POST", "/api/v1/members/" + memberId + "/transfers", secretaryOf(t.branchA()),
                letter("WITHIN_COMMITTEE", t.branchB(), null));
        assertThat(noIfMatch.status()).isEqualTo(428);
        assertThat(transfersOf(memberId)).isZero();

        Reply issued = issue(memberId, secretaryOf(t.branchA()), letter("WITHIN_COMMITTEE", t.branchB(), null,
                "letterNumber", "JS-2026-001"));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        JsonNode letter = issued.json();
        String id = letter.path("id").asString();
        assertThat(letter.path("state").asString()).isEqualTo("ISSUED");
        assertThat(letter.path("letterNumber").asString()).isEqualTo("JS-2026-001");
        assertThat(letter.path("issueDate").asString()).isEqualTo(today().toString());
        assertThat(letter.path("validityDays").asInt()).isEqualTo(30);
        assertThat(letter.path("validUntil").asString()).isEqualTo(today().plusDays(30).toString());
        assertContract(TransferEvents.ISSUED, awaitEvents(TransferEvents.ISSUED, id, 1).getFirst());

        // both sides' managers see it; another committee's branch does not
        assertThat(read("/api/v1/transfers/" + id, secretaryOf(t.branchB())).status()).isEqualTo(200);
        assertThat(read("/api/v1/transfers/" + id, secretaryOf(t.branchA())).status()).isEqualTo(200);
        assertThat(read("/api/v1/transfers/" + id, secretaryOf(t.branchX())).problem()).isEqualTo("404 not-found");
        // the sender cannot accept its own letter, the receiver cannot revoke it
        assertThat(decide(id, "accept", secretaryOf(t.branchA()), null).problem()).isEqualTo("403 out-of-scope");
        assertThat(decide(id, "revoke", secretaryOf(t.branchB()), Map.of()).problem()).isEqualTo("403 out-of-scope");

        Reply stale = send("POST", "/api/v1/transfers/" + id + "/accept", secretaryOf(t.branchB()), null,
                "If-Match", "\"7\"");
        assertThat(stale.status()).isEqualTo(412);

        Reply accepted = decide(id, "accept", secretaryOf(t.branchB()), null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("state").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().path("decidedOn").asString()).isEqualTo(today().toString());

        Document after = db.findById(memberId, Document.class, "members");
        assertThat(after.getString("orgId")).isEqualTo(t.branchB());
        assertThat(after.getString("status")).isEqualTo("FULL");
        assertThat(after.getString("joinedAt")).isEqualTo(before.getString("joinedAt"));
        assertThat(after.get("version", Number.class).longValue()).isEqualTo(before.get("version", Number.class).longValue() + 1);

        ConsumerRecord<String, String> event = awaitEvents(TransferEvents.TRANSFERRED, memberId, 1).getFirst();
        assertContract(TransferEvents.TRANSFERRED, event);
        JsonNode data = JSON.readTree(event.value());
        assertThat(data.path("transferId").asString()).isEqualTo(id);
        assertThat(data.path("fromOrgId").asString()).isEqualTo(t.branchA());
        assertThat(data.path("orgId").asString()).isEqualTo(t.branchB());
        assertThat(data.path("status").asString()).isEqualTo("FULL");
        assertThat(data.path("scope").asString()).isEqualTo("WITHIN_COMMITTEE");
        assertThat(data.path("acceptedOn").asString()).isEqualTo(today().toString());
        assertThat(data.path("version").asLong()).isEqualTo(after.get("version", Number.class).longValue());

        // decided: no second decision; the new branch now manages the member and may transfer again
        assertThat(decide(id, "accept", secretaryOf(t.branchB()), null).problem()).isEqualTo("409 transfer-not-pending");
        assertThat(read("/api/v1/members/" + memberId, secretaryOf(t.branchB())).status()).isEqualTo(200);
        assertThat(issue(memberId, secretaryOf(t.branchB()), letter("WITHIN_COMMITTEE", t.branchA(), null)).status())
                .isEqualTo(201);
    }

    @Test
    void oneOpenTransferPerMember() {
        Tree t = tree();
        String memberId = member(t, t.branchA(), "FULL");
        assertThat(issue(memberId, secretaryOf(t.branchA()), letter("WITHIN_COMMITTEE", t.branchB(), null)).status())
                .isEqualTo(201);
        Reply second = issue(memberId, secretaryOf(t.branchA()), letter("WITHIN_SYSTEM", t.branchX(), null));
        assertThat(second.problem()).isEqualTo("409 transfer-already-open");
        assertThat(transfersOf(memberId)).isEqualTo(1);
    }

    @Test
    void issuingNeedsTheCurrentMemberVersionAndHonoursIdempotencyKeys() {
        Tree t = tree();
        String memberId = member(t, t.branchA(), "FULL");
        String token = secretaryOf(t.branchA());
        String path = "/api/v1/members/" + memberId + "/transfers";
        Reply stale = send("POST", path, token, letter("WITHIN_COMMITTEE", t.branchB(), null), "If-Match", "\"9\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(transfersOf(memberId)).isZero();

        String etag = memberEtag(memberId, token);
        Map<String, Object> body = letter("WITHIN_COMMITTEE", t.branchB(), null);
        Reply first = send("POST", path, token, body, "If-Match", etag, "Idempotency-Key", "k-" + memberId);
        Reply replay = send("POST", path, token, body, "If-Match", etag, "Idempotency-Key", "k-" + memberId);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(replay.status()).as(replay.body()).isEqualTo(201);
        assertThat(replay.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(replay.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(transfersOf(memberId)).isEqualTo(1);
    }

    @Test
    void rejectedTransferLeavesTheMemberWhereTheyAre() {
        Tree t = tree();
        String memberId = member(t, t.branchA(), "PROBATIONARY");
        String id = issue(memberId, secretaryOf(t.branchA()), letter("WITHIN_COMMITTEE", t.branchB(), null))
                .json().path("id").asString();

        assertThat(decide(id, "reject", secretaryOf(t.branchB()), Map.of()).problem())
                .isEqualTo("400 transfer-reason-required");
        Reply rejected = decide(id, "reject", secretaryOf(t.branchB()), Map.of("reason", "材料不全"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().path("state").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().path("decisionReason").asString()).isEqualTo("材料不全");
        ConsumerRecord<String, String> event = awaitEvents(TransferEvents.REJECTED, id, 1).getFirst();
        assertContract(TransferEvents.REJECTED, event);
        assertThat(event.value()).doesNotContain("材料不全");

        assertThat(db.findById(memberId, Document.class, "members").getString("orgId")).isEqualTo(t.branchA());
        assertThat(decide(id, "accept", secretaryOf(t.branchB()), null).problem()).isEqualTo("409 transfer-not-pending");
        assertThat(events(TransferEvents.TRANSFERRED, memberId)).isEmpty();
    }

    @Test
    void senderRevokesBeforeAcceptance() {
        Tree t = tree();
        String memberId = member(t, t.branchA(), "FULL");
        String id = issue(memberId, secretaryOf(t.branchA()), letter("WITHIN_COMMITTEE", t.branchB(), null))
                .json().path("id").asString();
        Reply revoked = decide(id, "revoke", secretaryOf(t.branchA()), Map.of("reason", "本人申请撤回"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().path("state").asString()).isEqualTo("REVOKED");
        assertContract(TransferEvents.REVOKED, awaitEvents(TransferEvents.REVOKED, id, 1).getFirst());

        assertThat(decide(id, "accept", secretaryOf(t.branchB()), null).problem()).isEqualTo("409 transfer-not-pending");
        assertThat(db.findById(memberId, Document.class, "members").getString("orgId")).isEqualTo(t.branchA());
        // a revoked letter frees the member for a new one
        assertThat(issue(memberId, secretaryOf(t.branchA()), letter("WITHIN_COMMITTEE", t.branchB(), null)).status())
                .isEqualTo(201);
    }

    @Test
    void aMemberWhoseRelationEndedWhileTheLetterWasPendingIsNotMoved() {
        Tree t = tree();
        String memberId = member(t, t.branchA(), "FULL");
        String id = issue(memberId, secretaryOf(t.branchA()), letter("WITHIN_COMMITTEE", t.branchB(), null))
                .json().path("id").asString();
        // a status decision taken meanwhile (stored as the status helper's decision would leave it)
        db.updateFirst(Query.query(Criteria.where("_id").is(memberId)), Update.update("status", "DECEASED"), "members");
        assertThat(decide(id, "accept", secretaryOf(t.branchB()), null).problem())
                .isEqualTo("422 transfer-member-not-transferable");
        assertThat(db.findById(memberId, Document.class, "members").getString("orgId")).isEqualTo(t.branchA());
        assertThat(read("/api/v1/transfers/" + id, secretaryOf(t.branchB())).json().path("state").asString())
                .isEqualTo("ISSUED");
    }

    @Test
    void aLetterPastItsValidityCannotBeAcceptedAndIsHistory() {
        Tree t = tree();
        String memberId = member(t, t.branchA(), "FULL");

        Reply expiredAtIssue = issue(memberId, secretaryOf(t.branchA()), letter("WITHIN_COMMITTEE", t.branchB(), null,
                "issueDate", today().minusDays(10).toString(), "validityDays", 5));
        assertThat(expiredAtIssue.problem()).isEqualTo("422 transfer-expired");
        Reply future = issue(memberId, secretaryOf(t.branchA()), letter("WITHIN_COMMITTEE", t.branchB(), null,
                "issueDate", today().plusDays(1).toString()));
        assertThat(future.problem()).isEqualTo("422 transfer-issue-date-in-future");
        Reply badValidity = issue(memberId, secretaryOf(t.branchA()), letter("WITHIN_COMMITTEE", t.branchB(), null,
                "validityDays", 0));
        assertThat(badValidity.status()).isEqualTo(400);
        assertThat(transfersOf(memberId)).isZero();

        // back-dated so that today is its last valid day, then a day passes (moved in storage)
        Reply issued = issue(memberId, secretaryOf(t.branchA()), letter("WITHIN_COMMITTEE", t.branchB(), null,
                "issueDate", today().minusDays(10).toString(), "validityDays", 10));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().path("validUntil").asString()).isEqualTo(today().toString());
        String id = issued.json().path("id").asString();
        db.updateFirst(Query.query(Criteria.where("_id").is(id)),
                Update.update("validUntil", today().minusDays(1).toString()), Transfer.COLLECTION);

        assertThat(read("/api/v1/transfers/" + id, secretaryOf(t.branchB())).json().path("state").asString())
                .isEqualTo("EXPIRED");
        assertThat(decide(id, "accept", secretaryOf(t.branchB()), null).problem()).isEqualTo("422 transfer-expired");
        assertThat(db.findById(memberId, Document.class, "members").getString("orgId")).isEqualTo(t.branchA());
        assertThat(ids(queue(t.branchB(), "HISTORY", secretaryOf(t.branchB())))).containsExactly(id);
        assertThat(ids(queue(t.branchB(), "TO_DO", secretaryOf(t.branchB())))).isEmpty();
        // an expired letter no longer blocks a new one
        assertThat(issue(memberId, secretaryOf(t.branchA()), letter("WITHIN_COMMITTEE", t.branchB(), null)).status())
                .isEqualTo(201);
    }

    @Test
    void dissolvedUnknownOrNonBranchDestinationsAreRejectedAndNothingIsStored() {
        Tree t = tree();
        String memberId = member(t, t.branchA(), "FULL");
        String token = secretaryOf(t.branchA());
        assertThat(issue(memberId, token, letter("WITHIN_COMMITTEE", t.dissolved(), null)).problem())
                .isEqualTo("422 transfer-destination-dissolved");
        assertThat(issue(memberId, token, letter("WITHIN_COMMITTEE", "no-such-" + t.branchA(), null)).problem())
                .isEqualTo("422 transfer-destination-unknown");
        assertThat(issue(memberId, token, letter("WITHIN_COMMITTEE", t.general(), null)).problem())
                .isEqualTo("422 transfer-destination-not-a-branch");
        assertThat(issue(memberId, token, letter("WITHIN_COMMITTEE", null, null)).problem())
                .isEqualTo("422 transfer-destination-required");
        assertThat(issue(memberId, token, letter("WITHIN_COMMITTEE", t.branchA(), null)).problem())
                .isEqualTo("422 transfer-same-branch");
        assertThat(transfersOf(memberId)).isZero();
        assertThat(events(TransferEvents.TRANSFERRED, memberId)).isEmpty();
    }

    @Test
    void scopeMustFitTheDestinationAndBothSidesAreChecked() {
        Tree t = tree();
        String memberId = member(t, t.branchA(), "FULL");
        String token = secretaryOf(t.branchA());
        assertThat(issue(memberId, token, letter("WITHIN_COMMITTEE", t.branchX(), null)).problem())
                .isEqualTo("422 transfer-scope-mismatch");
        assertThat(issue(memberId, token, letter("WITHIN_SYSTEM", t.branchB(), null)).problem())
                .isEqualTo("422 transfer-scope-mismatch");
        // a secretary of another branch cannot issue for this member (not visible)
        assertThat(issue(memberId, secretaryOf(t.branchB()), letter("WITHIN_COMMITTEE", t.branchB(), null)).problem())
                .isEqualTo("404 not-found");
        assertThat(transfersOf(memberId)).isZero();

        Reply issued = issue(memberId, token, letter("WITHIN_SYSTEM", t.branchX(), null));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String id = issued.json().path("id").asString();
        assertThat(read("/api/v1/transfers/" + id, secretaryOf(t.branchB())).status()).isEqualTo(404);
        assertThat(decide(id, "accept", secretaryOf(t.branchB()), null).problem()).isEqualTo("404 not-found");
        // the receiving committee's staff decide for its branch
        Reply accepted = decide(id, "accept", staffOf(t.committee2()), null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(db.findById(memberId, Document.class, "members").getString("orgId")).isEqualTo(t.branchX());
        JsonNode data = JSON.readTree(awaitEvents(TransferEvents.TRANSFERRED, memberId, 1).getFirst().value());
        assertThat(data.path("scope").asString()).isEqualTo("WITHIN_SYSTEM");
        assertThat(data.path("orgId").asString()).isEqualTo(t.branchX());
    }

    @Test
    void outOfSystemTransferCompletesWhenTheSenderRecordsAcceptance() {
        Tree t = tree();
        String memberId = member(t, t.branchA(), "FULL");
        String token = secretaryOf(t.branchA());
        assertThat(issue(memberId, token, letter("NATIONWIDE", null, null)).problem())
                .isEqualTo("422 transfer-destination-name-required");
        assertThat(transfersOf(memberId)).isZero();

        Reply issued = issue(memberId, token, letter("OUT_OF_SYSTEM", null, "某省某市某公司党委"));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().path("toOrgId").isNull()).isTrue();
        assertThat(issued.json().path("toOrgName").asString()).isEqualTo("某省某市某公司党委");
        String id = issued.json().path("id").asString();
        ConsumerRecord<String, String> issuedEvent = awaitEvents(TransferEvents.ISSUED, id, 1).getFirst();
        assertContract(TransferEvents.ISSUED, issuedEvent);
        assertThat(issuedEvent.value()).doesNotContain("某省某市某公司党委");

        Reply accepted = decide(id, "accept", token, null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        Document after = db.findById(memberId, Document.class, "members");
        assertThat(after.getString("status")).isEqualTo("TRANSFERRED_OUT");
        assertThat(after.getString("orgId")).isEqualTo(t.branchA());

        ConsumerRecord<String, String> event = awaitEvents(TransferEvents.TRANSFERRED, memberId, 1).getFirst();
        assertContract(TransferEvents.TRANSFERRED, event);
        JsonNode data = JSON.readTree(event.value());
        assertThat(data.path("orgId").isNull()).isTrue();
        assertThat(data.path("status").asString()).isEqualTo("TRANSFERRED_OUT");
        assertThat(data.path("scope").asString()).isEqualTo("OUT_OF_SYSTEM");
        assertThat(data.path("version").asLong()).isEqualTo(after.get("version", Number.class).longValue());

        assertThat(issue(memberId, token, letter("NATIONWIDE", null, "另一单位")).problem())
                .isEqualTo("422 transfer-member-not-transferable");
    }

    @Test
    void anOpenDevelopmentRecordFollowsTheMemberWithItsClock() {
        Tree t = tree();
        java.time.LocalDate birthDate = java.time.LocalDate.of(1996, 3, 4);
        java.time.LocalDate applied = today().minusMonths(2);
        Map<String, Object> application = new java.util.LinkedHashMap<>();
        application.put("name", "孙七" + java.util.UUID.randomUUID().toString().substring(0, 4));
        application.put("gender", "MALE");
        application.put("birthDate", birthDate.toString());
        application.put("nationalId", TestIds.nationalId(birthDate));
        application.put("orgId", t.branchA());
        application.put("applicationDate", applied.toString());
        application.put("materials", List.of("APPLICATION_LETTER"));
        Reply applicant = send("POST", "/api/v1/development", staffOf(t.province()), application);
        assertThat(applicant.status()).as(applicant.body()).isEqualTo(201);
        String memberId = applicant.json().path("memberId").asString();
        DevelopmentRecord before = db.findById(memberId, DevelopmentRecord.class);

        String id = issue(memberId, secretaryOf(t.branchA()), letter("WITHIN_COMMITTEE", t.branchB(), null))
                .json().path("id").asString();
        assertThat(decide(id, "accept", secretaryOf(t.branchB()), null).status()).isEqualTo(200);

        DevelopmentRecord after = db.findById(memberId, DevelopmentRecord.class);
        assertThat(after.getOrgId()).isEqualTo(t.branchB());
        assertThat(after.getState()).isEqualTo(DevelopmentRecord.State.OPEN);
        assertThat(after.getApplicationDate()).isEqualTo(applied);
        assertThat(after.getCurrentStep()).isEqualTo(before.getCurrentStep());
        assertThat(after.getSteps()).hasSameSizeAs(before.getSteps());
        assertThat(db.findById(memberId, Document.class, "members").getString("status")).isEqualTo("APPLICANT");
    }

    @Test
    void workQueuesOfBothSides() {
        Tree t = tree();
        String fromA = member(t, t.branchA(), "FULL");
        String fromB = member(t, t.branchB(), "FULL");
        String outgoingA = issue(fromA, secretaryOf(t.branchA()), letter("WITHIN_COMMITTEE", t.branchB(), null))
                .json().path("id").asString();
        String dueSoonB = issue(fromB, secretaryOf(t.branchB()), letter("WITHIN_COMMITTEE", t.branchA(), null,
                "validityDays", 3)).json().path("id").asString();

        String a = secretaryOf(t.branchA());
        String b = secretaryOf(t.branchB());
        assertThat(ids(queue(t.branchB(), "TO_DO", b))).containsExactly(outgoingA);
        assertThat(ids(queue(t.branchB(), "IN_PROGRESS", b))).containsExactly(dueSoonB);
        assertThat(ids(queue(t.branchB(), "DUE_SOON", b))).containsExactly(dueSoonB);
        assertThat(ids(queue(t.branchA(), "TO_DO", a))).containsExactly(dueSoonB);
        assertThat(ids(queue(t.branchA(), "IN_PROGRESS", a))).containsExactly(outgoingA);
        assertThat(ids(queue(t.branchA(), "DUE_SOON", a))).containsExactly(dueSoonB);
        assertThat(ids(queue(t.branchA(), "HISTORY", a))).isEmpty();
        // the committee's staff see the whole subtree
        assertThat(ids(queue(t.committee1(), "TO_DO", staffOf(t.committee1())))).containsExactlyInAnyOrder(outgoingA, dueSoonB);

        assertThat(decide(outgoingA, "reject", b, Map.of("reason", "不符合条件")).status()).isEqualTo(200);
        assertThat(ids(queue(t.branchA(), "HISTORY", a))).containsExactly(outgoingA);
        assertThat(ids(queue(t.branchB(), "TO_DO", b))).isEmpty();

        assertThat(queue(t.branchA(), "TO_DO", secretaryOf(t.branchX())).problem()).isEqualTo("404 not-found");
        assertThat(read("/api/v1/transfers/queues?orgId=" + t.branchA() + "&queue=LATER", a).status()).isEqualTo(400);
    }

    Reply queue(String orgId, String queue, String token) {
        return read("/api/v1/transfers/queues?orgId=" + orgId + "&queue=" + queue, token);
    }

    static List<String> ids(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
