package party.member.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.util.ReflectionTestUtils;
import party.member.member.Member;
import party.platform.events.AggregateStore;
import party.platform.events.OutboxRelay;
import party.platform.test.TestContracts;
import tools.jackson.databind.JsonNode;

/**
 * A step whose member effect was interrupted between the record's write and the member's (a crash,
 * or a failed member write) is completed by the repair job, exactly once, with both events.
 */
class DevelopmentEffectRepairIT extends DevelopmentTestSupport {

    static final String STEP_RECORDED = "party.member.development-step-recorded.v1";
    static final String STATUS_CHANGED = "party.member.status-changed.v1";
    static final LocalDate APPLIED = LocalDate.of(2023, 3, 1);
    static final LocalDate ACTIVIST = LocalDate.of(2023, 4, 1);

    @Autowired
    DevelopmentEffectRepair repair;

    @Autowired
    AggregateStore store;

    @Autowired
    OutboxRelay relay;

    @Autowired
    DevelopmentService development;

    @Autowired
    io.github.resilience4j.circuitbreaker.CircuitBreaker brokerCircuitBreaker;

    /** An applicant through step 2 (no member effect yet); answers the record's id. */
    String applicantAtStep2(String token, Tree tree) {
        Reply applied = apply(token, application(tree.branchA(), LocalDate.of(1996, 2, 3), APPLIED));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String id = applied.json().path("id").asString();
        Reply talk = step(token, id, 2, stepBody(2, APPLIED.plusDays(10), "talkers", List.of("王书记")),
                applied.header("ETag"));
        assertThat(talk.status()).as(talk.body()).isEqualTo(200);
        return id;
    }

    /**
     * Step 3 (activist) as the first half of recordStep writes it, {@code ago} in the past: the record
     * with the step and its PENDING effect; the member is not written (the process died).
     */
    void recordStep3WithoutTheMember(String id, Duration ago) {
        DevelopmentRecord record = db.findById(id, DevelopmentRecord.class);
        StepInput input = new StepInput(ACTIVIST, null, null, null, StepCatalogue.requiredMaterials(3), null, null,
                null, null, null, null);
        DevelopmentRecord.Effect effect = record.record(3, input, DevelopmentProperties.defaults(),
                DevelopmentService.today(), "secretary", Instant.now().minus(ago));
        assertThat(effect).isEqualTo(DevelopmentRecord.Effect.ACTIVIST);
        record.holdStepEvent();
        store.save(record);
    }

    Document stored(String collection, String id) {
        return db.findById(id, Document.class, collection);
    }

    long memberVersion(String id) {
        return stored(Member.COLLECTION, id).get("version", Number.class).longValue();
    }

    @Test
    void anInterruptedStepIsCompletedOnceAndBothEventsArePublishedInOrder() {
        Tree tree = tree();
        String token = secretaryOf(tree.branchA());
        String id = applicantAtStep2(token, tree);
        recordStep3WithoutTheMember(id, Duration.ofMinutes(2));
        assertThat(stored(Member.COLLECTION, id).getString("status")).isEqualTo("APPLICANT");
        assertThat(stored(DevelopmentRecord.COLLECTION, id).get("memberEffect", Document.class).getString("state"))
                .isEqualTo("PENDING");

        // (The scheduled run of the job may come first: the outcome is the same.)
        repair.completeInterrupted();

        Document member = stored(Member.COLLECTION, id);
        assertThat(member.getString("status")).isEqualTo("ACTIVIST");
        assertThat(member.getString("activistDate")).isEqualTo(ACTIVIST.toString());
        Document effect = stored(DevelopmentRecord.COLLECTION, id).get("memberEffect", Document.class);
        assertThat(effect.getString("state")).isEqualTo("APPLIED");
        assertThat(effect.get("appliedAt")).isNotNull();
        assertThat(stored(DevelopmentRecord.COLLECTION, id).get("heldEvents")).isNull();

        // Same key, same partition: the member's change comes before the step, as in a normal step.
        List<ConsumerRecord<String, String>> inOrder = activistThenStep3(id);
        ConsumerRecord<String, String> changed = inOrder.getFirst();
        ConsumerRecord<String, String> step3 = inOrder.getLast();
        assertThat(TestContracts.violations(STATUS_CHANGED, changed.value())).as(changed.value()).isEmpty();
        assertThat(TestContracts.violations(STEP_RECORDED, step3.value())).as(step3.value()).isEmpty();
        JsonNode data = JSON.readTree(changed.value());
        assertThat(data.path("effectiveDate").asString()).isEqualTo(ACTIVIST.toString());
        assertThat(data.path("version").asLong()).isEqualTo(1);

        // A second run (or a second replica) finds nothing left to do.
        long version = memberVersion(id);
        Object appliedAt = effect.get("appliedAt");
        repair.completeInterrupted();
        assertThat(memberVersion(id)).isEqualTo(version);
        assertThat(stored(DevelopmentRecord.COLLECTION, id).get("memberEffect", Document.class).get("appliedAt"))
                .isEqualTo(appliedAt);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(events(STATUS_CHANGED, id).stream().filter(r -> r.value().contains("\"ACTIVIST\""))).hasSize(1);
            assertThat(events(STEP_RECORDED, id).stream().filter(r -> JSON.readTree(r.value()).path("step").asInt() == 3))
                    .hasSize(1);
        });

        // The pipeline goes on; retrying the interrupted step is refused as any step recorded twice.
        Reply record = read("/api/v1/development/" + id, token);
        Reply again = step(token, id, 3, stepBody(3, ACTIVIST), record.header("ETag"));
        assertThat(again.problem()).isEqualTo("422 development-step-out-of-order");
        Reply next = step(token, id, 4, stepBody(4, ACTIVIST), record.header("ETag"));
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(stored(Member.COLLECTION, id).getString("status")).isEqualTo("ACTIVIST");
    }

    /**
     * A relay of the record queued before the completion (the relay thread busy with other
     * documents, as under load) must not find the step's event released before the member's event
     * is out: the step's would then lead on their shared key.
     */
    @Test
    void aRelayOfTheRecordQueuedEarlierDoesNotPublishTheStepBeforeTheMember() throws Exception {
        Tree tree = tree();
        String token = secretaryOf(tree.branchA());
        String id = applicantAtStep2(token, tree);
        awaitStep(id, 2);
        recordStep3WithoutTheMember(id, Duration.ofMinutes(2));
        java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
        ExecutorService relayThread = (ExecutorService) ReflectionTestUtils.getField(relay, "executor");
        relayThread.execute(() -> {
            try {
                busy.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        relay.publishSoon(DevelopmentRecord.COLLECTION, id);
        CompletableFuture<Integer> completion = CompletableFuture.supplyAsync(repair::completeInterrupted);
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACTIVIST".equals(stored(Member.COLLECTION, id).getString("status")));
        Thread.sleep(200); // the completion goes on to the note meanwhile
        busy.countDown();
        assertThat(completion.get(30, TimeUnit.SECONDS)).isEqualTo(1);

        assertThat(stored(DevelopmentRecord.COLLECTION, id).get("memberEffect", Document.class).getString("state"))
                .isEqualTo("APPLIED");
        activistThenStep3(id);
    }

    /** While the broker takes nothing the step is recorded, its event held; it follows the member's once it is back. */
    @Test
    void aStepWhoseMemberEventsTheBrokerDoesNotTakeStaysPendingUntilItDoes() {
        Tree tree = tree();
        String token = secretaryOf(tree.branchA());
        String id = applicantAtStep2(token, tree);
        String etag = read("/api/v1/development/" + id, token).header("ETag");
        brokerCircuitBreaker.transitionToForcedOpenState();
        try {
            Reply step3 = step(token, id, 3, stepBody(3, ACTIVIST), etag);
            assertThat(step3.status()).as(step3.body()).isEqualTo(200);
            assertThat(stored(Member.COLLECTION, id).getString("status")).isEqualTo("ACTIVIST");
            Document record = stored(DevelopmentRecord.COLLECTION, id);
            assertThat(record.get("memberEffect", Document.class).getString("state")).isEqualTo("PENDING");
            assertThat(record.getList("heldEvents", Document.class)).hasSize(1);
        } finally {
            brokerCircuitBreaker.transitionToClosedState();
        }
        // What the repair job does a minute later.
        assertThat(development.complete(id)).isTrue();
        assertThat(stored(DevelopmentRecord.COLLECTION, id).get("memberEffect", Document.class).getString("state"))
                .isEqualTo("APPLIED");
        activistThenStep3(id);
    }

    @Test
    void aMemberWrittenBeforeTheCrashOnlyGetsTheNoteAndTheStepItsEvent() {
        Tree tree = tree();
        String token = secretaryOf(tree.branchA());
        String id = applicantAtStep2(token, tree);
        recordStep3WithoutTheMember(id, Duration.ofMinutes(2));
        // The member's write went through, the note did not.
        Member member = db.findById(id, Member.class);
        DevelopmentRecord.MemberEffect pending = db.findById(id, DevelopmentRecord.class).getMemberEffect();
        member.becomeActivist(pending.localDate(), pending.recordedAt());
        store.save(member);
        long version = memberVersion(id);

        repair.completeInterrupted();

        assertThat(memberVersion(id)).isEqualTo(version);
        assertThat(stored(DevelopmentRecord.COLLECTION, id).get("memberEffect", Document.class).getString("state"))
                .isEqualTo("APPLIED");
        awaitStep(id, 3);
        awaitActivist(id);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(events(STATUS_CHANGED, id).stream().filter(r -> r.value().contains("\"ACTIVIST\""))).hasSize(1));
    }

    @Test
    void theNextStepCompletesAnOldInterruptedEffectAndWaitsForAFreshOne() {
        Tree tree = tree();
        String token = secretaryOf(tree.branchA());
        String fresh = applicantAtStep2(token, tree);
        recordStep3WithoutTheMember(fresh, Duration.ofSeconds(5));
        String etag = read("/api/v1/development/" + fresh, token).header("ETag");
        // Within the grace its own request may still be writing the member.
        assertThat(step(token, fresh, 4, stepBody(4, ACTIVIST), etag).problem())
                .isEqualTo("409 development-member-effect-pending");
        repair.completeInterrupted();
        assertThat(stored(Member.COLLECTION, fresh).getString("status")).isEqualTo("APPLICANT");

        String old = applicantAtStep2(token, tree);
        recordStep3WithoutTheMember(old, Duration.ofMinutes(3));
        Reply next = step(token, old, 4, stepBody(4, ACTIVIST), read("/api/v1/development/" + old, token).header("ETag"));
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(stored(Member.COLLECTION, old).getString("status")).isEqualTo("ACTIVIST");
        awaitActivist(old);
        awaitStep(old, 4);
        assertThat(events(STATUS_CHANGED, old).stream().filter(r -> r.value().contains("\"ACTIVIST\""))).hasSize(1);
    }

    @Test
    void aMemberChangedOtherwiseIsFlaggedNotOverwritten() {
        Tree tree = tree();
        String token = secretaryOf(tree.branchA());
        String id = applicantAtStep2(token, tree);
        // The member's status was set otherwise (e.g. by hand in the database) before the repair came;
        // written first here so that the scheduled run of the job cannot come in between.
        db.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", "CANDIDATE"), Member.COLLECTION);
        recordStep3WithoutTheMember(id, Duration.ofMinutes(2));
        long version = memberVersion(id);

        repair.completeInterrupted();

        assertThat(stored(Member.COLLECTION, id).getString("status")).isEqualTo("CANDIDATE");
        assertThat(memberVersion(id)).isEqualTo(version);
        Document effect = stored(DevelopmentRecord.COLLECTION, id).get("memberEffect", Document.class);
        assertThat(effect.getString("state")).isEqualTo("FLAGGED");
        assertThat(effect.getString("problem")).contains("member-changed-otherwise").contains("CANDIDATE");
        String etag = read("/api/v1/development/" + id, token).header("ETag");
        assertThat(step(token, id, 4, stepBody(4, ACTIVIST), etag).problem())
                .isEqualTo("409 development-member-effect-flagged");
        repair.completeInterrupted();
        assertThat(stored(DevelopmentRecord.COLLECTION, id).get("memberEffect", Document.class).getString("state"))
                .isEqualTo("FLAGGED");
        assertThat(events(STEP_RECORDED, id).stream().filter(r -> JSON.readTree(r.value()).path("step").asInt() == 3))
                .isEmpty();
    }

    @Test
    void aNormalStepSetsTheNoteAndRecordsStoredBeforeTheNoteAreLeftAlone() {
        Tree tree = tree();
        String token = secretaryOf(tree.branchA());
        String id = applicantAtStep2(token, tree);
        assertThat(stored(DevelopmentRecord.COLLECTION, id).get("memberEffect")).isNull();
        Reply step3 = step(token, id, 3, stepBody(3, ACTIVIST), read("/api/v1/development/" + id, token).header("ETag"));
        assertThat(step3.status()).as(step3.body()).isEqualTo(200);
        assertThat(step3.json().path("version").asLong()).isEqualTo(2);
        Document effect = stored(DevelopmentRecord.COLLECTION, id).get("memberEffect", Document.class);
        assertThat(effect.getString("state")).isEqualTo("APPLIED");
        assertThat(effect.get("appliedAt")).isNotNull();
        assertThat(effect.getString("effect")).isEqualTo("ACTIVIST");
        assertThat(stored(DevelopmentRecord.COLLECTION, id).get("heldEvents")).isNull();
        awaitStep(id, 3);

        // A record stored before the note existed: no memberEffect. Its member was written first then,
        // so there is nothing to repair, whatever the member's status now says.
        String legacy = applicantAtStep2(token, tree);
        recordStep3WithoutTheMember(legacy, Duration.ofMinutes(5));
        db.updateFirst(Query.query(Criteria.where("_id").is(legacy)), new Update().unset("memberEffect")
                .unset("heldEvents"), DevelopmentRecord.COLLECTION);
        long version = memberVersion(legacy);
        repair.completeInterrupted();
        assertThat(stored(Member.COLLECTION, legacy).getString("status")).isEqualTo("APPLICANT");
        assertThat(memberVersion(legacy)).isEqualTo(version);
        assertThat(stored(DevelopmentRecord.COLLECTION, legacy).get("memberEffect")).isNull();
        Reply next = step(token, legacy, 4, stepBody(4, ACTIVIST), read("/api/v1/development/" + legacy, token)
                .header("ETag"));
        assertThat(next.status()).as(next.body()).isEqualTo(200);
    }

    @Test
    void aStepWhoseMemberWriteLosesARaceIsPutBackAndChangesNothing() throws Exception {
        Tree tree = tree();
        String token = secretaryOf(tree.branchA());
        int undone = 0;
        for (int i = 0; i < 8; i++) {
            String id = applicantAtStep2(token, tree);
            String etag = read("/api/v1/development/" + id, token).header("ETag");
            Document before = stored(DevelopmentRecord.COLLECTION, id);
            Reply reply;
            try (MemberBumper bumper = new MemberBumper(id)) {
                reply = step(token, id, 3, stepBody(3, ACTIVIST), etag);
            }
            Document record = stored(DevelopmentRecord.COLLECTION, id);
            if (reply.status() == 200) {
                assertThat(stored(Member.COLLECTION, id).getString("status")).isEqualTo("ACTIVIST");
                assertThat(record.get("memberEffect", Document.class).getString("state")).isEqualTo("APPLIED");
                continue;
            }
            // The member was written by someone else between the read and the write: the record is as before.
            assertThat(reply.problem()).isEqualTo("412 stale-version");
            undone++;
            assertThat(stored(Member.COLLECTION, id).getString("status")).isEqualTo("APPLICANT");
            assertThat(record.getInteger("currentStep")).isEqualTo(2);
            assertThat(record.get("version")).isEqualTo(before.get("version"));
            assertThat(record.get("memberEffect")).isNull();
            assertThat(record.getList("steps", Document.class)).hasSize(2);
            assertThat(record.getList("heldEvents", Document.class)).isEmpty();
            // The client's ETag still holds: nothing changed, so the same step goes through now.
            Reply retry = step(token, id, 3, stepBody(3, ACTIVIST), etag);
            assertThat(retry.status()).as(retry.body()).isEqualTo(200);
            assertThat(stored(Member.COLLECTION, id).getString("status")).isEqualTo("ACTIVIST");
            awaitActivist(id);
            // The step's event follows the member's (it is released after the member write): wait for it too.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events(STEP_RECORDED, id).stream()
                    .filter(r -> JSON.readTree(r.value()).path("step").asInt() == 3)).hasSize(1));
        }
        org.slf4j.LoggerFactory.getLogger(getClass()).info("{} of 8 steps lost the member's race and were put back", undone);
    }

    /** Rewrites the member (no change but its version) in a loop until closed: a concurrent writer. */
    final class MemberBumper implements AutoCloseable {
        private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        private final Thread thread;

        MemberBumper(String memberId) {
            thread = Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    try {
                        store.save(db.findById(memberId, Member.class));
                    } catch (org.springframework.dao.OptimisticLockingFailureException raced) {
                        // the step's write won this round
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

    /** The member's change to ACTIVIST and step 3's event, asserted in that order on their shared partition. */
    private List<ConsumerRecord<String, String>> activistThenStep3(String id) {
        ConsumerRecord<String, String> changed = awaitActivist(id);
        ConsumerRecord<String, String> step3 = awaitStep(id, 3);
        assertThat(changed.partition()).isEqualTo(step3.partition());
        assertThat(changed.offset()).isLessThan(step3.offset());
        return List.of(changed, step3);
    }

    private ConsumerRecord<String, String> awaitActivist(String id) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> events(STATUS_CHANGED, id)
                .stream().filter(r -> "ACTIVIST".equals(JSON.readTree(r.value()).path("to").asString())).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private ConsumerRecord<String, String> awaitStep(String id, int step) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> events(STEP_RECORDED, id)
                .stream().filter(r -> JSON.readTree(r.value()).path("step").asInt() == step).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }
}
