package party.member.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import party.member.intent.IntentNotes;
import party.member.member.Member;
import party.member.member.MemberStatus;
import party.platform.events.AggregateStore;
import party.platform.events.OutboxRelay;
import party.platform.mongo.Finds;
import party.platform.orgtree.OrgNode;
import party.platform.orgtree.OrgTree;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.ETags;

/**
 * Status decisions on full and probationary members. A decision that ends the membership changes
 * the member (raising {@code party.member.status-changed.v1}, which organization-service counts by)
 * and records the decision (raising {@code party.member.status-decided.v1}). Those are separate
 * document writes (no multi-document transactions): first the decision, which carries the whole
 * intent with its event held back and {@code memberChange} PENDING; then the member under its
 * optimistic lock (so of two concurrent decisions only one wins: the loser's decision is removed
 * again, having published nothing); then the note on the decision that releases its event. A crash
 * in between leaves a PENDING decision, which {@link StatusDecisionRepair} completes. The member's
 * event is thus published before the decision's, as before.
 */
@Service
public class StatusDecisionService implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StatusDecisionService.class);
    static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final OrgTree orgTree;
    private final IntentNotes notes;

    StatusDecisionService(MongoTemplate mongo, AggregateStore store, OrgTree orgTree, OutboxRelay relay) {
        this.mongo = mongo;
        this.store = store;
        this.orgTree = orgTree;
        this.notes = new IntentNotes(mongo, relay, StatusDecision.COLLECTION, "memberChange", "memberChangedAt");
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(StatusDecision.class).createIndex(new Index("memberId", Sort.Direction.ASC).named("byMember"));
    }

    /**
     * Records a decision.
     *
     * @throws ApiException 404 member unknown or not visible, 403 not managed, 428/412 If-Match, 422 not a
     *                      FULL/PROBATIONARY member, date in the future, unknown approver member, deadline rules
     */
    public StatusDecision decide(String memberId, NewStatusDecision request, String ifMatch, CurrentUser user) {
        Member member = mongo.findById(memberId, Member.class);
        OrgNode org = member == null ? null : orgTree.find(member.getOrgId()).orElse(null);
        if (org == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("member"));
        }
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "member");
        OrgScope.requireManaged(user, org.id(), org.ancestors());
        ETags.require(ifMatch, member.getVersion());
        MemberStatus from = member.getStatus();
        if (from != MemberStatus.FULL && from != MemberStatus.PROBATIONARY) {
            throw ApiException.unprocessable("status-decision-not-a-party-member", memberId, String.valueOf(from));
        }
        LocalDate today = LocalDate.now(CALENDAR);
        if (request.date().isAfter(today)) {
            throw ApiException.unprocessable("status-decision-date-in-future", request.date());
        }
        boolean hasName = request.approverName() != null && !request.approverName().isBlank();
        boolean hasId = request.approverMemberId() != null && !request.approverMemberId().isBlank();
        if (!hasName && !hasId) {
            throw ApiException.unprocessable("status-decision-approver-required");
        }
        if (hasId && !Finds.any(mongo, Query.query(Criteria.where("_id").is(request.approverMemberId().strip())), Member.class)) {
            throw ApiException.unprocessable("status-decision-unknown-approver", request.approverMemberId());
        }
        if (request.kind() == DecisionKind.CORRECTION_DEADLINE) {
            if (request.correctionDeadline() == null || !request.correctionDeadline().isAfter(request.date())) {
                throw ApiException.unprocessable("status-decision-deadline-required");
            }
        } else if (request.correctionDeadline() != null) {
            throw ApiException.unprocessable("status-decision-deadline-not-allowed", request.kind());
        }
        StatusDecision decision = StatusDecision.record(member.getId(), org.id(), from, request, user.id(), Instant.now());
        if (!decision.endsMembership()) {
            return store.save(decision);
        }
        store.save(decision);
        member.endMembership(decision.getToStatus(), decision.getDate(), decision.getRecordedAt());
        try {
            store.save(member);
        } catch (OptimisticLockingFailureException stale) {
            // Nothing of the decision was published (its event is held): removing it changes nothing seen.
            mongo.remove(Query.query(Criteria.where("_id").is(decision.getId())), StatusDecision.class);
            throw ApiException.conflict("status-decision-concurrent", memberId);
        }
        notes.applied(decision.getId(), decision.getMemberId(), Instant.now());
        return decision;
    }

    /**
     * Completes a decision left PENDING by a crash (or a failed write) between its own write and the
     * note. Idempotent: the member still in the decision's from-status gets the change (with the
     * decision's date and recording time, so the event is what the request would have published);
     * a member already in its to-status just gets the note, unless another status-ending decision
     * of the member is in effect (then it was that one's write); a member changed otherwise is
     * never overwritten: the decision is FLAGGED for a person and an error logged.
     *
     * @return whether the decision is now applied
     * @throws OptimisticLockingFailureException the member was written concurrently; the next run retries
     */
    boolean complete(String decisionId) {
        StatusDecision decision = mongo.findById(decisionId, StatusDecision.class);
        if (decision == null || decision.getMemberChange() != StatusDecision.MemberChange.PENDING) {
            return false;
        }
        Member member = mongo.findById(decision.getMemberId(), Member.class);
        if (member == null) {
            return flag(decision, "member-missing");
        }
        if (member.getStatus() == decision.getFromStatus()) {
            member.endMembership(decision.getToStatus(), decision.getDate(), decision.getRecordedAt());
            store.save(member);
        } else if (member.getStatus() != decision.getToStatus() || anotherInEffect(decision)) {
            return flag(decision, "member-changed-otherwise: " + decision.getFromStatus() + " expected, member is "
                    + member.getStatus() + " (version " + member.getVersion() + ")");
        }
        return notes.applied(decision.getId(), decision.getMemberId(), Instant.now());
    }

    /** Whether another decision of the member that ends the membership has taken effect (a membership ends once). */
    private boolean anotherInEffect(StatusDecision decision) {
        return mongo.find(Query.query(Criteria.where("memberId").is(decision.getMemberId())), StatusDecision.class)
                .stream().anyMatch(other -> !other.getId().equals(decision.getId()) && other.endsMembership()
                        && other.inEffect());
    }

    private boolean flag(StatusDecision decision, String problem) {
        log.error("status decision {} on member {} cannot be completed and is flagged for a person: {}",
                decision.getId(), decision.getMemberId(), problem);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(decision.getId())), new Update()
                .set("memberChange", StatusDecision.MemberChange.FLAGGED).set("repairProblem", problem)
                .set("repairFlaggedAt", Instant.now()), StatusDecision.class);
        return false;
    }

    /** A decision the caller may see (for idempotent replays). */
    public StatusDecision get(String id, CurrentUser user) {
        StatusDecision decision = mongo.findById(id, StatusDecision.class);
        OrgNode org = decision == null ? null : orgTree.find(decision.getOrgId()).orElse(null);
        if (org == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("status-decision"));
        }
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "status-decision");
        return decision;
    }

    /** The member's decisions in effect, newest first; checked against the member's current branch. */
    public List<StatusDecision> list(String memberId, CurrentUser user) {
        Member member = mongo.findById(memberId, Member.class);
        OrgNode org = member == null ? null : orgTree.find(member.getOrgId()).orElse(null);
        if (org == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("member"));
        }
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "member");
        // A decision still pending (being written, or awaiting its repair) or flagged has not taken effect.
        return mongo.find(Query.query(Criteria.where("memberId").is(memberId))
                .with(Sort.by(Sort.Order.desc("date"), Sort.Order.desc("recordedAt"))), StatusDecision.class)
                .stream().filter(StatusDecision::inEffect).toList();
    }
}
