package party.member.care;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.member.birthday.Anniversaries;
import party.member.birthday.JoiningDates;
import party.member.member.Member;
import party.platform.events.AggregateStore;
import party.platform.orgtree.OrgNode;
import party.platform.orgtree.OrgTree;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/**
 * Care visits: recorded against the visited member's branch (which the caller must manage), read
 * and summed over a subtree the caller sees. The branch is kept on the visit, so a later transfer
 * of the member leaves the visit where it was made.
 */
@Service
public class CareVisitService implements InitializingBean {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final OrgTree orgTree;

    CareVisitService(MongoTemplate mongo, AggregateStore store, OrgTree orgTree) {
        this.mongo = mongo;
        this.store = store;
        this.orgTree = orgTree;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(CareVisit.class);
        indexes.createIndex(new Index("orgId", Sort.Direction.ASC).on("year", Sort.Direction.ASC).named("byOrgYear"));
        indexes.createIndex(new Index("memberId", Sort.Direction.ASC).named("byMember"));
    }

    /**
     * Records a visit.
     *
     * @throws ApiException 422 unknown member or visitor, visited person not a Party member (FULL or
     *                      PROBATIONARY), visit date in the future (Asia/Shanghai); 403 when the visited
     *                      member's branch is outside the caller's subtrees
     */
    public CareVisit record(NewCareVisit request, CurrentUser user) {
        Member member = mongo.findById(request.memberId(), Member.class);
        if (member == null) {
            throw ApiException.unprocessable("care-visit-unknown-member", request.memberId());
        }
        if (!JoiningDates.isPartyMember(member)) {
            throw ApiException.unprocessable("care-visit-not-a-party-member", request.memberId());
        }
        OrgNode org = orgTree.find(member.getOrgId())
                .orElseThrow(() -> ApiException.unprocessable("unknown-organization", member.getOrgId()));
        OrgScope.requireManaged(user, org.id(), org.ancestors());
        if (request.date().isAfter(Anniversaries.today())) {
            throw ApiException.unprocessable("care-visit-date-in-future", request.date());
        }
        List<Visitor> visitors = new ArrayList<>();
        for (Visitor visitor : request.visitors()) {
            String memberId = blank(visitor.memberId()) ? null : visitor.memberId().strip();
            String name = blank(visitor.name()) ? null : visitor.name().strip();
            if (memberId != null) {
                Member known = mongo.findById(memberId, Member.class);
                if (known == null) {
                    throw ApiException.unprocessable("care-visit-unknown-visitor", memberId);
                }
                name = name == null ? known.getName() : name;
            }
            visitors.add(new Visitor(memberId, name));
        }
        return store.save(CareVisit.record(request, org.id(), visitors, user.id(), Instant.now()));
    }

    /** A visit the caller may see: absent and out-of-scope visits are the same 404. */
    public CareVisit get(String id, CurrentUser user) {
        CareVisit visit = mongo.findById(id, CareVisit.class);
        OrgNode org = visit == null ? null : orgTree.find(visit.getOrgId()).orElse(null);
        if (org == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("care-visit"));
        }
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "care-visit");
        return visit;
    }

    /** Visits in the subtree of {@code orgId}, newest first. */
    public PageResponse<CareVisit> list(String orgId, Integer year, CareReason reason, PageRequest page, CurrentUser user) {
        Criteria criteria = Criteria.where("orgId").in(subtreeVisibleTo(orgId, user));
        if (year != null) {
            criteria = criteria.and("year").is(checkedYear(year));
        }
        if (reason != null) {
            criteria = criteria.and("reason").is(reason);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, CareVisit.class);
        List<CareVisit> items = mongo.find(query.with(Sort.by(Sort.Order.desc("date"), Sort.Order.asc("_id")))
                .skip(page.offset()).limit(page.size()), CareVisit.class);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /** Totals of a year over the subtree of {@code orgId}: visits, distinct people, amount; per organization and in all. */
    public CareSummary summary(String orgId, int year, CurrentUser user) {
        List<String> subtree = subtreeVisibleTo(orgId, user);
        checkedYear(year);
        Query query = Query.query(Criteria.where("orgId").in(subtree).and("year").is(year));
        query.fields().include("orgId", "memberId", "amount");
        Map<String, Tally> byOrg = new LinkedHashMap<>();
        Tally total = new Tally();
        for (Document visit : mongo.find(query, Document.class, CareVisit.COLLECTION)) {
            BigDecimal amount = new BigDecimal(visit.getString("amount"));
            String memberId = visit.getString("memberId");
            byOrg.computeIfAbsent(visit.getString("orgId"), k -> new Tally()).add(memberId, amount);
            total.add(memberId, amount);
        }
        List<OrgNode> nodes = mongo.find(Query.query(Criteria.where("_id").in(subtree)), OrgNode.class);
        List<CareSummary.PerOrganization> organizations = nodes.stream()
                .filter(node -> "BRANCH".equals(node.type()) || byOrg.containsKey(node.id()))
                .sorted(java.util.Comparator.comparing(OrgNode::id))
                .map(node -> {
                    Tally tally = byOrg.getOrDefault(node.id(), new Tally());
                    return new CareSummary.PerOrganization(node.id(), node.name(), node.type(), tally.visits,
                            tally.people.size(), tally.amount);
                })
                .toList();
        return new CareSummary(orgId, year, total.visits, total.people.size(), total.amount,
                total.amount.movePointLeft(4), organizations);
    }

    /** The latest visit date per member, for the lists to visit. */
    Map<String, java.time.LocalDate> lastVisits(java.util.Collection<String> memberIds) {
        Query query = Query.query(Criteria.where("memberId").in(memberIds));
        query.fields().include("memberId", "date");
        Map<String, java.time.LocalDate> last = new HashMap<>();
        for (Document visit : mongo.find(query, Document.class, CareVisit.COLLECTION)) {
            java.time.LocalDate date = java.time.LocalDate.parse(visit.getString("date"));
            last.merge(visit.getString("memberId"), date, (a, b) -> a.isAfter(b) ? a : b);
        }
        return last;
    }

    /** Ids of the subtree of an organization the caller sees; unknown and invisible are the same 404. */
    List<String> subtreeVisibleTo(String orgId, CurrentUser user) {
        OrgNode org = orgTree.find(orgId).orElseThrow(
                () -> ApiException.notFound("not-found", OrgScope.resourceName("organization")));
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "organization");
        return orgTree.subtreeIds(org.id());
    }

    private static int checkedYear(int year) {
        if (year < 1921 || year > 9999) {
            throw ApiException.badRequest("care-visit-invalid-year", String.valueOf(year));
        }
        return year;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static final class Tally {
        long visits;
        final Set<String> people = new HashSet<>();
        BigDecimal amount = new BigDecimal("0.00");

        void add(String memberId, BigDecimal value) {
            visits++;
            people.add(memberId);
            amount = amount.add(value);
        }
    }
}
