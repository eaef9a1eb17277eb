package party.member.transfer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.member.development.DevelopmentRecord;
import party.member.member.Member;
import party.member.member.MemberStatus;
import party.platform.events.AggregateStore;
import party.platform.orgtree.OrgNode;
import party.platform.orgtree.OrgTree;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.ETags;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/**
 * Relation transfers (组织关系转接): the sending branch's managers issue the introduction letter, the
 * receiving branch's managers accept or reject it (for a destination outside this system the sender
 * records the outcome), the sender may revoke it while it is pending. Every scope check runs against
 * organizations as stored in the org-tree projection.
 */
@Service
public class TransferService implements InitializingBean {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String BRANCH = "BRANCH";
    static final String COMMITTEE = "COMMITTEE";
    /** Who can have their relation transferred: Party members and people in the development pipeline. */
    static final Set<MemberStatus> TRANSFERABLE = Set.of(MemberStatus.FULL, MemberStatus.PROBATIONARY,
            MemberStatus.APPLICANT, MemberStatus.ACTIVIST, MemberStatus.CANDIDATE);

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final OrgTree orgTree;
    private final TransferProperties properties;
    private final Clock clock = Clock.system(ZONE);

    TransferService(MongoTemplate mongo, AggregateStore store, OrgTree orgTree, TransferProperties properties) {
        this.mongo = mongo;
        this.store = store;
        this.orgTree = orgTree;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(Transfer.class);
        indexes.createIndex(new Index("openFor", Sort.Direction.ASC).unique().sparse().named("oneOpenTransferPerMember"));
        indexes.createIndex(new Index("fromOrgId", Sort.Direction.ASC).named("byFromOrg"));
        indexes.createIndex(new Index("toOrgId", Sort.Direction.ASC).named("byToOrg"));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Issues an introduction letter for a member of a branch the caller manages.
     *
     * @throws ApiException 404 member unknown or not visible; 403 not managed; 412/428 If-Match; 422 bad
     *                      destination, scope, dates or member status; 409 a transfer already open
     */
    public Transfer issue(String memberId, String ifMatch, NewTransfer request, CurrentUser user) {
        Member member = mongo.findById(memberId, Member.class);
        OrgNode from = member == null ? null : orgTree.find(member.getOrgId()).orElse(null);
        if (from == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("member"));
        }
        OrgScope.requireVisible(user, from.id(), from.ancestors(), "member");
        OrgScope.requireManaged(user, from.id(), from.ancestors());
        ETags.require(ifMatch, member.getVersion());
        if (!TRANSFERABLE.contains(member.getStatus())) {
            throw ApiException.unprocessable("transfer-member-not-transferable", member.getStatus().name());
        }
        LocalDate today = today();
        LocalDate issueDate = request.issueDate() == null ? today : request.issueDate();
        if (issueDate.isAfter(today)) {
            throw ApiException.unprocessable("transfer-issue-date-in-future", issueDate);
        }
        int validity = request.validityDays() == null ? properties.validityDays() : request.validityDays();
        if (validity < 1 || validity > properties.maxValidityDays()) {
            throw ApiException.unprocessable("transfer-invalid-validity", validity, properties.maxValidityDays());
        }
        if (Transfer.validUntil(issueDate, validity).isBefore(today)) {
            throw ApiException.unprocessable("transfer-expired", Transfer.validUntil(issueDate, validity));
        }
        String toOrgId = null;
        String toOrgName;
        if (request.scope().internal()) {
            if (request.toOrgId() == null || request.toOrgId().isBlank()) {
                throw ApiException.unprocessable("transfer-destination-required", request.scope().name());
            }
            OrgNode to = orgTree.find(request.toOrgId())
                    .orElseThrow(() -> ApiException.unprocessable("transfer-destination-unknown", request.toOrgId()));
            if (!to.active()) {
                throw ApiException.unprocessable("transfer-destination-dissolved", to.id());
            }
            if (!BRANCH.equals(to.type())) {
                throw ApiException.unprocessable("transfer-destination-not-a-branch", to.id());
            }
            if (to.id().equals(from.id())) {
                throw ApiException.unprocessable("transfer-same-branch", to.id());
            }
            boolean sameCommittee = java.util.Objects.equals(committeeOf(from), committeeOf(to));
            if (sameCommittee != (request.scope() == TransferScope.WITHIN_COMMITTEE)) {
                throw ApiException.unprocessable("transfer-scope-mismatch", request.scope().name(), to.id());
            }
            toOrgId = to.id();
            toOrgName = to.name();
        } else {
            if (request.toOrgName() == null || request.toOrgName().isBlank()) {
                throw ApiException.unprocessable("transfer-destination-name-required", request.scope().name());
            }
            toOrgName = request.toOrgName().strip();
        }
        releaseExpired(memberId, today);
        Instant now = Instant.now();
        String number = request.letterNumber() == null || request.letterNumber().isBlank()
                ? "JS-" + issueDate.getYear() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase()
                : request.letterNumber().strip();
        Transfer transfer = Transfer.issue(memberId, from.id(), toOrgId, toOrgName, request.scope(), number, issueDate,
                validity, request.reason().strip(), user.id(), now);
        try {
            return store.save(transfer);
        } catch (DuplicateKeyException raced) {
            throw ApiException.conflict("transfer-already-open", memberId);
        }
    }

    /** An expired letter no longer blocks the member; a pending one is a 409. */
    private void releaseExpired(String memberId, LocalDate today) {
        Transfer open = mongo.findOne(Query.query(Criteria.where("openFor").is(memberId)), Transfer.class);
        if (open == null) {
            return;
        }
        if (open.blocks(today)) {
            throw ApiException.conflict("transfer-already-open", memberId);
        }
        open.releaseExpired();
        store.save(open);
    }

    /** The nearest COMMITTEE among the organization and its ancestors, or the root when there is none. */
    private String committeeOf(OrgNode org) {
        if (COMMITTEE.equals(org.type())) {
            return org.id();
        }
        List<String> ancestors = org.ancestors();
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            OrgNode node = orgTree.find(ancestors.get(i)).orElse(null);
            if (node != null && COMMITTEE.equals(node.type())) {
                return node.id();
            }
        }
        return ancestors.isEmpty() ? org.id() : ancestors.getFirst();
    }

    /** A transfer visible to managers of either side; otherwise 404. */
    public Transfer get(String id, CurrentUser user) {
        Transfer transfer = mongo.findById(id, Transfer.class);
        if (transfer == null || !(manages(user, transfer.getFromOrgId()) || manages(user, transfer.getToOrgId()))) {
            throw notFound();
        }
        return transfer;
    }

    private boolean manages(CurrentUser user, String orgId) {
        if (orgId == null) {
            return false;
        }
        return orgTree.find(orgId).map(org -> user.manages(org.ancestorsAndSelf())).orElse(false);
    }

    /**
     * Accepts the letter: the receiving branch's managers, or for a destination outside this system the
     * sender's, recording that it was accepted there. The member moves (or leaves the system) and
     * {@code party.member.transferred.v1} is raised on the member.
     */
    public Transfer accept(String id, String ifMatch, CurrentUser user) {
        Transfer transfer = get(id, user);
        requireDecider(transfer, user);
        ETags.require(ifMatch, transfer.getVersion());
        LocalDate today = today();
        if (transfer.getScope().internal()) {
            OrgNode to = orgTree.find(transfer.getToOrgId()).orElse(null);
            if (to == null || !to.active() || !BRANCH.equals(to.type())) {
                throw ApiException.unprocessable("transfer-destination-dissolved", transfer.getToOrgId());
            }
        }
        // A status decision taken while the letter was pending (e.g. died, expelled) ends the relation.
        Member member = mongo.findById(transfer.getMemberId(), Member.class);
        if (member == null || !TRANSFERABLE.contains(member.getStatus())) {
            throw ApiException.unprocessable("transfer-member-not-transferable",
                    member == null ? "?" : String.valueOf(member.getStatus()));
        }
        Instant now = Instant.now();
        transfer.accept(today, user.id(), now);
        Transfer saved = save(transfer);
        moveMember(saved, today);
        return saved;
    }

    /**
     * The letter is decided first (its version guards against a racing revoke), then the member
     * follows, then the letter notes that it did. Those are separate document writes: a crash
     * between them leaves an accepted letter whose member has not moved, which
     * {@link TransferRepair} completes by calling this again. Idempotent: a member already in the
     * destination (or already out of the system) is not moved twice.
     */
    void moveMember(Transfer transfer, LocalDate acceptedOn) {
        for (int attempt = 0; ; attempt++) {
            Member member = mongo.findById(transfer.getMemberId(), Member.class);
            if (member == null) {
                throw new IllegalStateException("member " + transfer.getMemberId() + " of transfer " + transfer.getId()
                        + " is gone");
            }
            boolean moved = transfer.getToOrgId() == null ? member.getStatus() == MemberStatus.TRANSFERRED_OUT
                    : transfer.getToOrgId().equals(member.getOrgId());
            if (moved) {
                break;
            }
            member.transfer(transfer.getToOrgId(), TransferEvents.TRANSFERRED, version -> new TransferEvents.Transferred(
                    transfer.getId(), member.getId(), transfer.getFromOrgId(), transfer.getToOrgId(),
                    member.getStatus().name(), transfer.getScope().name(), acceptedOn.toString(), version));
            try {
                store.save(member);
                break;
            } catch (OptimisticLockingFailureException raced) {
                if (attempt >= 4) {
                    throw raced;
                }
            }
        }
        DevelopmentRecord record = mongo.findById(transfer.getMemberId(), DevelopmentRecord.class);
        if (record != null && record.getState() == DevelopmentRecord.State.OPEN && transfer.getToOrgId() != null
                && !transfer.getToOrgId().equals(record.getOrgId())) {
            record.followTransfer(transfer.getToOrgId());
            store.save(record);
        }
        // Not through the aggregate: the note changes nothing a client decides on, so the ETag stays.
        mongo.getCollection(Transfer.COLLECTION).updateOne(new org.bson.Document("_id", transfer.getId()),
                new org.bson.Document("$set", new org.bson.Document("memberMovedAt", java.util.Date.from(Instant.now()))));
    }

    public Transfer reject(String id, String ifMatch, String reason, CurrentUser user) {
        Transfer transfer = get(id, user);
        requireDecider(transfer, user);
        ETags.require(ifMatch, transfer.getVersion());
        transfer.reject(today(), reason.strip(), user.id(), Instant.now());
        return save(transfer);
    }

    public Transfer revoke(String id, String ifMatch, String reason, CurrentUser user) {
        Transfer transfer = get(id, user);
        if (!manages(user, transfer.getFromOrgId())) {
            throw ApiException.forbidden("out-of-scope", transfer.getFromOrgId());
        }
        ETags.require(ifMatch, transfer.getVersion());
        transfer.revoke(today(), reason == null || reason.isBlank() ? null : reason.strip(), user.id(), Instant.now());
        return save(transfer);
    }

    private void requireDecider(Transfer transfer, CurrentUser user) {
        String decider = transfer.getScope().internal() ? transfer.getToOrgId() : transfer.getFromOrgId();
        if (!manages(user, decider)) {
            throw ApiException.forbidden("out-of-scope", decider);
        }
    }

    private Transfer save(Transfer transfer) {
        try {
            return store.save(transfer);
        } catch (OptimisticLockingFailureException raced) {
            throw new ApiException(org.springframework.http.HttpStatus.PRECONDITION_FAILED, "stale-version", null);
        }
    }

    /**
     * One work queue of the subtree of {@code orgId} (which the caller must manage): TO_DO and
     * IN_PROGRESS by validity end, DUE_SOON by validity end, HISTORY latest first.
     */
    public PageResponse<Transfer> queue(String orgId, TransferQueue queue, PageRequest page, CurrentUser user) {
        OrgNode org = orgTree.find(orgId).orElseThrow(
                () -> ApiException.notFound("not-found", OrgScope.resourceName("organization")));
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "organization");
        Set<String> subtree = Set.copyOf(orgTree.subtreeIds(org.id()));
        LocalDate today = today();
        // Queues depend on today's date (expiry), so they are classified here rather than queried;
        // the candidates are one organization subtree's transfers.
        List<Transfer> candidates = mongo.find(Query.query(new Criteria().orOperator(
                Criteria.where("fromOrgId").in(subtree), Criteria.where("toOrgId").in(subtree))), Transfer.class);
        List<Transfer> matching = new ArrayList<>(candidates.stream()
                .filter(t -> TransferQueue.classify(t, subtree, today, properties.dueSoonDays()).contains(queue))
                .toList());
        Comparator<Transfer> order = queue == TransferQueue.HISTORY
                ? Comparator.comparing(Transfer::getValidUntil).reversed().thenComparing(Transfer::getId)
                : Comparator.comparing(Transfer::getValidUntil).thenComparing(Transfer::getId);
        matching.sort(order);
        List<Transfer> items = matching.stream().skip(page.offset()).limit(page.size()).toList();
        return new PageResponse<>(items, page.page(), page.size(), matching.size());
    }

    private static ApiException notFound() {
        return ApiException.notFound("not-found", OrgScope.resourceName("transfer"));
    }
}
