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
        // A document already staged under the last member's id makes the staging fail part-way.
        db.insert(new org.bson.Document("_id", batch.getLast().getId()), RosterStaging.STAGING);
        List<String> ids = batch.stream().map(Member::getId).toList();

        assertThatThrownBy(() -> staging.write(importId, "tester", batch))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);

        assertThat(db.count(Query.query(Criteria.where("_id").in(ids)), RosterStaging.STAGING)).isZero();
        assertThat(db.count(Query.query(Criteria.where("_id").in(ids)), Member.COLLECTION)).isZero();
        assertThat(db.findById(importId, RosterImport.class)).isNull();
        assertThat(membersIn(tree)).isZero();
    }

    @Test
    void anImportInterruptedWhileActivatingIsCompletedAndAnnounced() {
        Tree tree = tree();
        List<Member> batch = prepared(tree, 2);
        String importId = UUID.randomUUID().toString();
        staging.write(importId, "tester", batch);
        // As if the process died after staging: the journal is ACTIVATING and old, nothing is visible yet.
        db.updateFirst(Query.query(Criteria.where("_id").is(importId)),
                Update.update("startedAt", Instant.now().minusSeconds(3600)), RosterImport.class);
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
}
