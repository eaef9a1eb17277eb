package party.member.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.member.member.Member;
import party.member.member.MemberStatus;
import party.platform.events.AggregateStore;
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
 * and records the decision (raising {@code party.member.status-decided.v1}). These are two document
 * writes: the member is written first under its optimistic lock (so of two concurrent decisions only
 * one wins), then the decision.
 */
@Service
public class StatusDecisionService implements InitializingBean {

    static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final OrgTree orgTree;

    StatusDecisionService(MongoTemplate mongo, AggregateStore store, OrgTree orgTree) {
        this.mongo = mongo;
        this.store = store;
        this.orgTree = orgTree;
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
        Instant now = Instant.now();
        if (request.kind().to() != null) {
            member.endMembership(request.kind().to(), request.date(), now);
            try {
                store.save(member);
            } catch (org.springframework.dao.OptimisticLockingFailureException stale) {
                throw ApiException.conflict("status-decision-concurrent", memberId);
            }
        }
        return store.save(StatusDecision.record(member.getId(), org.id(), from, request, user.id(), now));
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

    /** The member's decisions, newest first; checked against the member's current branch. */
    public List<StatusDecision> list(String memberId, CurrentUser user) {
        Member member = mongo.findById(memberId, Member.class);
        OrgNode org = member == null ? null : orgTree.find(member.getOrgId()).orElse(null);
        if (org == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("member"));
        }
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "member");
        return mongo.find(Query.query(Criteria.where("memberId").is(memberId))
                .with(Sort.by(Sort.Order.desc("date"), Sort.Order.desc("recordedAt"))), StatusDecision.class);
    }
}
