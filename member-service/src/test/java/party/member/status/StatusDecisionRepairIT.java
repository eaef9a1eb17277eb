package party.member.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import party.member.member.Member;
import party.member.member.MemberStatus;
import party.platform.events.AggregateStore;
import tools.jackson.databind.JsonNode;

/**
 * A decision interrupted between its own write and the member's (a crash, or a failed member write)
 * is completed by the repair job, exactly once, with both events; what it cannot complete it flags.
 */
class StatusDecisionRepairIT extends StatusTestSupport {

    private static final String CHANGED = "party.member.status-changed.v1";
    private static final String DECIDED = "party.member.status-decided.v1";
    private static final LocalDate DATE = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2);

    @Autowired
    StatusDecisionRepair repair;

    @Autowired
    AggregateStore store;

    /** A decision as the first half of decide writes it, {@code ago} in the past; the member is not written. */
    StatusDecision decisionWithoutTheMember(Tree tree, String memberId, DecisionKind kind, Duration ago) {
        NewStatusDecision request = new NewStatusDecision(kind, DATE, "经支部大会讨论决定", "某某党委", null, null, null);
        return store.save(StatusDecision.record(memberId, tree.branchA(), MemberStatus.FULL, request, "secretary",
                Instant.now().minus(ago)));
    }

    Document stored(String collection, String id) {
        return db.findById(id, Document.class, collection);
    }

    long memberVersion(String id) {
        return stored(Member.COLLECTION, id).get("version", Number.class).longValue();
    }

    List<ConsumerRecord<String, String>> distinct(String type, String field, String value) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return events(ofType(type, field, value)).stream()
                .filter(r -> seen.add(new String(r.headers().lastHeader(party.platform.events.CloudEvents.ID).value()))).toList();
    }

    List<String> listed(Tree tree, String memberId) {
        Reply list = get("/api/v1/members/" + memberId + "/status-decisions", staff(tree));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        list.json().forEach(d -> ids.add(d.path("id").asString()));
        return ids;
    }

    @Test
    void anInterruptedDecisionIsCompletedOnceWithBothEvents() {
        Tree tree = tree();
        String memberId = member(tree, tree.branchA(), "FULL", LocalDate.of(2010, 7, 1));
        StatusDecision decision = decisionWithoutTheMember(tree, memberId, DecisionKind.EXPULSION, Duration.ofMinutes(2));
        assertThat(stored(Member.COLLECTION, memberId).getString("status")).isEqualTo("FULL");
        assertThat(stored(StatusDecision.COLLECTION, decision.getId()).getString("memberChange")).isEqualTo("PENDING");
        // Not in effect yet: not listed, and its event is held.
        assertThat(listed(tree, memberId)).isEmpty();

        // (The scheduled run of the job may come first: the outcome is the same.)
        repair.completeInterrupted();

        assertThat(stored(Member.COLLECTION, memberId).getString("status")).isEqualTo("EXPELLED");
        Document note = stored(StatusDecision.COLLECTION, decision.getId());
        assertThat(note.getString("memberChange")).isEqualTo("APPLIED");
        assertThat(note.get("memberChangedAt")).isNotNull();
        assertThat(note.get("heldEvents")).isNull();
        assertThat(listed(tree, memberId)).containsExactly(decision.getId());

        ConsumerRecord<String, String> changed = awaitEvent(ofType(CHANGED, "memberId", memberId));
        assertContract(CHANGED, changed);
        JsonNode data = JSON.readTree(changed.value());
        assertThat(data.path("from").asString()).isEqualTo("FULL");
        assertThat(data.path("to").asString()).isEqualTo("EXPELLED");
        assertThat(data.path("effectiveDate").asString()).isEqualTo(DATE.toString());
        ConsumerRecord<String, String> decided = awaitEvent(ofType(DECIDED, "decisionId", decision.getId()));
        assertContract(DECIDED, decided);
        assertThat(JSON.readTree(decided.value()).path("kind").asString()).isEqualTo("EXPULSION");

        // A second run (or a second replica) finds nothing left to do.
        long version = memberVersion(memberId);
        Object changedAt = note.get("memberChangedAt");
        repair.completeInterrupted();
        assertThat(memberVersion(memberId)).isEqualTo(version);
        assertThat(stored(StatusDecision.COLLECTION, decision.getId()).get("memberChangedAt")).isEqualTo(changedAt);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(distinct(CHANGED, "memberId", memberId)).hasSize(1);
            assertThat(distinct(DECIDED, "memberId", memberId)).hasSize(1);
        });
    }

    @Test
    void aMemberWrittenBeforeTheCrashOnlyGetsTheNoteAndTheDecisionItsEvent() {
        Tree tree = tree();
        String memberId = member(tree, tree.branchA(), "FULL", LocalDate.of(2010, 7, 1));
        StatusDecision decision = decisionWithoutTheMember(tree, memberId, DecisionKind.DEATH, Duration.ofMinutes(2));
        // The member's write went through, the note did not.
        Member member = db.findById(memberId, Member.class);
        member.endMembership(MemberStatus.DECEASED, DATE, decision.getRecordedAt());
        store.save(member);
        long version = memberVersion(memberId);

        repair.completeInterrupted();

        assertThat(memberVersion(memberId)).isEqualTo(version);
        assertThat(stored(StatusDecision.COLLECTION, decision.getId()).getString("memberChange")).isEqualTo("APPLIED");
        assertContract(DECIDED, awaitEvent(ofType(DECIDED, "decisionId", decision.getId())));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(distinct(CHANGED, "memberId", memberId)).hasSize(1));
    }

    @Test
    void aMemberChangedOtherwiseIsFlaggedNotOverwritten() {
        Tree tree = tree();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        // The member left by a decision that took effect; an interrupted death decision of the same
        // member, written against the FULL member, must not overwrite that.
        String left = member(tree, tree.branchA(), "FULL", LocalDate.of(2010, 7, 1));
        Reply leaving = send("POST", "/api/v1/members/" + left + "/status-decisions", secretary(tree.branchA()),
                StatusDecisionIT.decision("LEAVING", today), "If-Match", memberETag(tree, left));
        assertThat(leaving.status()).as(leaving.body()).isEqualTo(201);
        StatusDecision other = decisionWithoutTheMember(tree, left, DecisionKind.DEATH, Duration.ofMinutes(2));
        // A member already in the decision's own target status, put there by another decision in effect.
        String expelled = member(tree, tree.branchA(), "FULL", LocalDate.of(2010, 7, 1));
        Reply expulsion = send("POST", "/api/v1/members/" + expelled + "/status-decisions", secretary(tree.branchA()),
                StatusDecisionIT.decision("EXPULSION", today), "If-Match", memberETag(tree, expelled));
        assertThat(expulsion.status()).as(expulsion.body()).isEqualTo(201);
        StatusDecision twice = decisionWithoutTheMember(tree, expelled, DecisionKind.EXPULSION, Duration.ofMinutes(2));
        long leftVersion = memberVersion(left);
        long expelledVersion = memberVersion(expelled);

        repair.completeInterrupted();

        assertThat(stored(Member.COLLECTION, left).getString("status")).isEqualTo("LEFT");
        assertThat(memberVersion(left)).isEqualTo(leftVersion);
        assertThat(memberVersion(expelled)).isEqualTo(expelledVersion);
        for (StatusDecision flagged : List.of(other, twice)) {
            Document stored = stored(StatusDecision.COLLECTION, flagged.getId());
            assertThat(stored.getString("memberChange")).isEqualTo("FLAGGED");
            assertThat(stored.getString("repairProblem")).startsWith("member-changed-otherwise");
        }
        repair.completeInterrupted();
        assertThat(stored(StatusDecision.COLLECTION, other.getId()).getString("memberChange")).isEqualTo("FLAGGED");
        assertThat(listed(tree, left)).containsExactly(leaving.json().path("id").asString());
        assertThat(listed(tree, expelled)).containsExactly(expulsion.json().path("id").asString());
        assertThat(events(ofType(DECIDED, "decisionId", other.getId()))).isEmpty();
        assertThat(events(ofType(DECIDED, "decisionId", twice.getId()))).isEmpty();
    }

    @Test
    void aNormalDecisionSetsTheNoteAndDecisionsStoredBeforeTheNoteAreLeftAlone() {
        Tree tree = tree();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String memberId = member(tree, tree.branchA(), "FULL", LocalDate.of(2010, 7, 1));
        Reply decided = send("POST", "/api/v1/members/" + memberId + "/status-decisions", secretary(tree.branchA()),
                StatusDecisionIT.decision("REMOVAL", today), "If-Match", memberETag(tree, memberId));
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        assertThat(decided.header("ETag")).isEqualTo("\"0\"");
        Document note = stored(StatusDecision.COLLECTION, decided.json().path("id").asString());
        assertThat(note.getString("memberChange")).isEqualTo("APPLIED");
        assertThat(note.get("memberChangedAt")).isNotNull();
        assertThat(note.get("heldEvents")).isNull();
        awaitEvent(ofType(DECIDED, "memberId", memberId));

        // A decision that changes no member has nothing to note.
        String stays = member(tree, tree.branchA(), "FULL", LocalDate.of(2010, 7, 1));
        java.util.Map<String, Object> deadline = StatusDecisionIT.decision("CORRECTION_DEADLINE", today);
        deadline.put("correctionDeadline", today.plusMonths(3).toString());
        Reply correction = send("POST", "/api/v1/members/" + stays + "/status-decisions", secretary(tree.branchA()),
                deadline, "If-Match", memberETag(tree, stays));
        assertThat(correction.status()).as(correction.body()).isEqualTo(201);
        assertThat(stored(StatusDecision.COLLECTION, correction.json().path("id").asString()).get("memberChange")).isNull();

        // A decision stored before the note existed (no memberChange): its member was written first
        // then, so it is in effect and never repaired, whatever the member's status now says.
        String legacyMember = member(tree, tree.branchA(), "FULL", LocalDate.of(2010, 7, 1));
        String legacyId = UUID.randomUUID().toString();
        db.insert(new Document("_id", legacyId).append("version", 0L).append("memberId", legacyMember)
                .append("orgId", tree.branchA()).append("kind", "DEATH").append("date", today.minusDays(10).toString())
                .append("reason", "病故").append("approverName", "某某党委").append("fromStatus", "FULL")
                .append("toStatus", "DECEASED").append("recordedBy", "secretary")
                .append("recordedAt", Date.from(Instant.now().minus(10, ChronoUnit.DAYS)))
                .append("pendingEvents", List.of()), StatusDecision.COLLECTION);
        long version = memberVersion(legacyMember);
        repair.completeInterrupted();
        assertThat(stored(Member.COLLECTION, legacyMember).getString("status")).isEqualTo("FULL");
        assertThat(memberVersion(legacyMember)).isEqualTo(version);
        assertThat(stored(StatusDecision.COLLECTION, legacyId).get("memberChange")).isNull();
        assertThat(listed(tree, legacyMember)).containsExactly(legacyId);
    }

    @Test
    void aDecisionWhoseMemberWriteLosesARaceIsRemovedAndChangesNothing() throws Exception {
        Tree tree = tree();
        int removed = 0;
        List<String> refused = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String memberId = member(tree, tree.branchA(), "FULL", LocalDate.of(2010, 7, 1));
            String etag = memberETag(tree, memberId);
            Reply reply;
            try (MemberBumper bumper = new MemberBumper(memberId)) {
                reply = send("POST", "/api/v1/members/" + memberId + "/status-decisions", secretary(tree.branchA()),
                        StatusDecisionIT.decision("DEATH", DATE), "If-Match", etag);
            }
            long decisions = db.count(Query.query(Criteria.where("memberId").is(memberId)), StatusDecision.COLLECTION);
            if (reply.status() == 201) {
                assertThat(stored(Member.COLLECTION, memberId).getString("status")).isEqualTo("DECEASED");
                assertThat(decisions).isEqualTo(1);
                continue;
            }
            assertThat(reply.problem()).isEqualTo("status-decision-concurrent");
            removed++;
            assertThat(stored(Member.COLLECTION, memberId).getString("status")).isEqualTo("FULL");
            assertThat(decisions).isZero();
            refused.add(memberId);
        }
        // Nothing of a removed decision is ever published.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> refused.forEach(id ->
                assertThat(events(ofType(DECIDED, "memberId", id))).isEmpty()));
        org.slf4j.LoggerFactory.getLogger(getClass()).info("{} of 8 decisions lost the member's race and were removed", removed);
    }

    /**
     * A concurrent writer: once the decision is written (so after the If-Match check), rewrites the
     * member (no change but its version) in a loop until closed.
     */
    final class MemberBumper implements AutoCloseable {
        private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        private final Thread thread;

        MemberBumper(String memberId) {
            Query decided = Query.query(Criteria.where("memberId").is(memberId));
            thread = Thread.ofPlatform().start(() -> {
                boolean written = false;
                while (running.get()) {
                    written = written || db.findOne(decided, Document.class, StatusDecision.COLLECTION) != null;
                    if (!written) {
                        continue;
                    }
                    try {
                        store.save(db.findById(memberId, Member.class));
                    } catch (org.springframework.dao.OptimisticLockingFailureException raced) {
                        // the decision's write won this round
                    }
                }
            });
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
