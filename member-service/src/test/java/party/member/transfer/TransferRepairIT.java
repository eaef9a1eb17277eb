package party.member.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** An acceptance interrupted between the letter's write and the member's is completed by the repair job, once. */
class TransferRepairIT extends TransferTestSupport {

    @Autowired
    TransferRepair repair;

    @Test
    void anAcceptedLetterWhoseMemberDidNotMoveIsCompletedOnce() {
        Tree t = tree();
        String memberId = member(t, t.branchA(), "FULL");
        Reply issued = issue(memberId, secretaryOf(t.branchA()), letter("WITHIN_COMMITTEE", t.branchB(), null));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String transferId = issued.json().path("id").asString();
        // As if the service died right after writing the accepted letter, two minutes ago.
        db.updateFirst(Query.query(Criteria.where("_id").is(transferId)), new Update().set("state", "ACCEPTED")
                .set("decidedOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString())
                .set("decidedAt", Date.from(Instant.now().minus(2, ChronoUnit.MINUTES))).unset("openFor"), Transfer.COLLECTION);
        assertThat(db.findById(memberId, Document.class, "members").getString("orgId")).isEqualTo(t.branchA());

        assertThat(repair.completeInterrupted()).isGreaterThanOrEqualTo(1);

        Document member = db.findById(memberId, Document.class, "members");
        assertThat(member.getString("orgId")).isEqualTo(t.branchB());
        assertThat(db.findById(transferId, Document.class, Transfer.COLLECTION).get("memberMovedAt")).isNotNull();
        long version = member.get("version", Number.class).longValue();
        // A second run (or a second replica) finds nothing left to do.
        repair.completeInterrupted();
        assertThat(db.findById(memberId, Document.class, "members").get("version", Number.class).longValue()).isEqualTo(version);
    }

    @Test
    void aNormalAcceptanceLeavesNothingToRepair() {
        Tree t = tree();
        String memberId = member(t, t.branchA(), "FULL");
        Reply issued = issue(memberId, secretaryOf(t.branchA()), letter("WITHIN_COMMITTEE", t.branchB(), null));
        String transferId = issued.json().path("id").asString();
        Reply accepted = decide(transferId, "accept", secretaryOf(t.branchB()), java.util.Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(db.findById(transferId, Document.class, Transfer.COLLECTION).get("memberMovedAt")).isNotNull();
    }
}
