package party.member.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import party.member.member.Gender;
import party.member.member.Member;
import party.member.member.MemberService;
import party.member.member.MemberStatus;
import party.member.member.NewMember;
import party.member.member.TestIds;
import party.platform.events.CloudEvents;
import party.platform.security.CurrentUser;
import party.platform.security.Roles;
import party.platform.test.TestContracts;
import party.platform.test.TestEvents;

/** The write-invisible-then-activate protocol, including its failure and crash paths. */
class RosterStagingIT extends RosterTestSupport {

    @Autowired
    RosterStaging staging;

    @Autowired
    MemberService members;

    private List<Member> prepared(Tree tree, int n) {
        CurrentUser user = new CurrentUser("staff-" + tree.committee(), Set.of(Roles.ORG_STAFF), Set.of(tree.committee()), Set.of());
        LocalDate birth = LocalDate.of(1988, 8, 8);
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> members.prepareRegistration(new NewMember("成员" + i,
                Gender.FEMALE, birth, TestIds.nationalId(birth), null, tree.branchA(), MemberStatus.FULL,
                LocalDate.of(2010, 7, 1)), user, Instant.now())).toList();
    }

    @Test
    void aFailureWhileStagingLeavesNothingBehind() {
        Tree tree = tree();
        List<Member> batch = prepared(tree, 3);
        String importId = UUID.randomUUID().toString();
        // Two members per chunk; a document already there under the second chunk's id makes the staging fail part-way.
        db.insert(new org.bson.Document("_id", RosterStaging.chunkId(importId, 1)), RosterStaging.STAGING);
        List<String> ids = batch.stream().map(Member::getId).toList();

        assertThatThrownBy(() -> staging.write(importId, "tester", batch, 2))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);

        assertThat(db.findById(RosterStaging.chunkId(importId, 0), org.bson.Document.class, RosterStaging.STAGING)).isNull();
        assertThat(db.count(Query.query(Criteria.where("_id").in(ids)), Member.COLLECTION)).isZero();
        assertThat(db.findById(importId, RosterImport.class)).isNull();
        assertThat(membersIn(tree)).isZero();
    }

    @Test
    void anImportInterruptedWhileActivatingIsCompletedAndAnnounced() {
        Tree tree = tree();
        List<Member> batch = prepared(tree, 2);
        String importId = UUID.randomUUID().toString();
        staging.write(importId, "tester", batch, 1); // one member per chunk: activation walks both chunks
        // As if the process died after staging: the journal is ACTIVATING and old, nothing is visible
        // yet; and written before journals noted their last sign of life (no touchedAt).
        db.updateFirst(Query.query(Criteria.where("_id").is(importId)),
                new Update().set("startedAt", Instant.now().minusSeconds(3600)).unset("touchedAt"), RosterImport.class);
        assertThat(membersIn(tree)).isZero();

        staging.resumeInterrupted();

        assertThat(membersIn(tree)).isEqualTo(2);
        assertThat(db.findById(importId, RosterImport.class).state()).isEqualTo(RosterImport.State.DONE);
        for (Member member : batch) {
            var event = published(r -> member.getId().equals(r.key())
                    && "party.member.registered.v1".equals(TestEvents.header(r, CloudEvents.TYPE)));
            assertThat(TestContracts.violations("party.member.registered.v1", event.value())).isEmpty();
        }
        // Activating again changes nothing: copying is idempotent by id.
        assertThat(staging.activate(importId)).isEmpty();
        assertThat(membersIn(tree)).isEqualTo(2);
    }

    @Test
    void anImportStillBeingActivatedIsLeftToItsProcessAndTakenOverOnceSilent() {
        Tree tree = tree();
        List<Member> batch = prepared(tree, 3);
        String importId = UUID.randomUUID().toString();
        staging.write(importId, "tester", batch, 2);
        // Started long ago but alive a moment ago: a long activation under way elsewhere.
        db.updateFirst(Query.query(Criteria.where("_id").is(importId)),
                new Update().set("startedAt", Instant.now().minusSeconds(3600)).set("touchedAt", Instant.now().minusSeconds(5)),
                RosterImport.class);

        staging.resumeInterrupted();

        assertThat(membersIn(tree)).isZero();
        assertThat(db.findById(importId, RosterImport.class).state()).isEqualTo(RosterImport.State.ACTIVATING);

        // Silent for longer than the resume delay: its process is gone, the import is completed.
        db.updateFirst(Query.query(Criteria.where("_id").is(importId)),
                Update.update("touchedAt", Instant.now().minusSeconds(120)), RosterImport.class);
        staging.resumeInterrupted();

        assertThat(membersIn(tree)).isEqualTo(3);
        assertThat(db.findById(importId, RosterImport.class).state()).isEqualTo(RosterImport.State.DONE);
        assertThat(db.findById(RosterStaging.chunkId(importId, 1), org.bson.Document.class, RosterStaging.STAGING)).isNull();
    }

    @Autowired
    io.github.resilience4j.circuitbreaker.CircuitBreaker brokerCircuitBreaker;

    @Test
    void membersWhoseEventsTheBrokerDidNotTakeAreInAndAnnouncedOnceItIsBack() {
        Tree tree = tree();
        List<Member> batch = prepared(tree, 3);
        String importId = UUID.randomUUID().toString();
        staging.write(importId, "tester", batch, 2);
        brokerCircuitBreaker.transitionToForcedOpenState(); // the broker takes nothing
        try {
            staging.activate(importId);
        } finally {
            brokerCircuitBreaker.transitionToClosedState();
        }
        // The import is whole in the registry, with no outbox entries of its own; the chunks wait.
        assertThat(membersIn(tree)).isEqualTo(3);
        assertThat(db.count(Query.query(Criteria.where("orgId").in(tree.all()).and("pendingEvents.0").exists(true)),
                Member.COLLECTION)).isZero();
        assertThat(db.findById(importId, RosterImport.class).state()).isEqualTo(RosterImport.State.ACTIVATING);
        assertThat(db.findById(RosterStaging.chunkId(importId, 0), org.bson.Document.class, RosterStaging.STAGING)).isNotNull();
        assertThat(publishedFor(tree)).isEmpty();

        db.updateFirst(Query.query(Criteria.where("_id").is(importId)),
                Update.update("touchedAt", Instant.now().minusSeconds(120)), RosterImport.class);
        staging.resumeInterrupted();

        assertThat(db.findById(importId, RosterImport.class).state()).isEqualTo(RosterImport.State.DONE);
        assertThat(membersIn(tree)).isEqualTo(3);
        for (Member member : batch) {
            var event = published(r -> member.getId().equals(r.key())
                    && "party.member.registered.v1".equals(TestEvents.header(r, CloudEvents.TYPE)));
            assertThat(TestContracts.violations("party.member.registered.v1", event.value())).isEmpty();
        }
        assertThat(db.findById(RosterStaging.chunkId(importId, 0), org.bson.Document.class, RosterStaging.STAGING)).isNull();
        assertThat(db.findById(RosterStaging.chunkId(importId, 1), org.bson.Document.class, RosterStaging.STAGING)).isNull();
    }

    @Test
    void aNumberRegisteredByOthersWhileStagedIsAConflictAndTheRestGoesIn() {
        Tree tree = tree();
        List<Member> batch = prepared(tree, 3);
        String importId = UUID.randomUUID().toString();
        staging.write(importId, "tester", batch, 2);
        // Between the check and the activation someone registers the second member's number.
        org.bson.Document other = new org.bson.Document();
        db.getConverter().write(batch.get(1), other);
        other.put("_id", UUID.randomUUID().toString());
        other.put("version", 0L);
        other.put("pendingEvents", List.of());
        db.insert(other, Member.COLLECTION);

        List<String> conflicts = staging.activate(importId);

        assertThat(conflicts).containsExactly(batch.get(1).getId());
        assertThat(db.findById(importId, RosterImport.class).conflicts()).containsExactly(batch.get(1).getId());
        assertThat(db.findById(batch.get(1).getId(), Member.class)).isNull();
        assertThat(membersIn(tree)).isEqualTo(3); // the other two and the one registered meanwhile
        for (Member member : List.of(batch.get(0), batch.get(2))) {
            published(r -> member.getId().equals(r.key())
                    && "party.member.registered.v1".equals(TestEvents.header(r, CloudEvents.TYPE)));
        }
        assertThat(publishedFor(tree)).noneMatch(r -> batch.get(1).getId().equals(r.key()));
    }
}
