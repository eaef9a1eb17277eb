package party.assessment.rectification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.assessment.calendar.Period;
import party.assessment.config.Orgs;
import party.assessment.metric.RectificationFigures;
import party.platform.events.AggregateStore;
import party.platform.orgtree.OrgNode;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.ETags;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/**
 * Rectification items: opened from inspection findings and research problems (consumed), from the
 * commitments of secretary reviews, or by hand; moved along by the branch and verified by its superior.
 */
@Service
public class RectificationService implements RectificationFigures, InitializingBean {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Orgs orgs;

    RectificationService(MongoTemplate mongo, AggregateStore store, Orgs orgs) {
        this.mongo = mongo;
        this.store = store;
        this.orgs = orgs;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(RectificationItem.class).createIndex(new Index("orgId", Sort.Direction.ASC).named("byOrg"));
    }

    /** What a new item says. */
    public record NewItem(String orgId, RectificationSource source, String sourceRef, String category, String problem,
                          String measure, LocalDate deadline) {
    }

    /** Opens an item by hand (organization department, inspectors) for an organization the caller manages. */
    public RectificationItem open(NewItem item, CurrentUser user) {
        OrgNode org = orgs.managed(item.orgId(), user);
        if (!org.active()) {
            throw ApiException.unprocessable("organization-dissolved", org.id());
        }
        return store.save(RectificationItem.open(null, org.id(), item.source(), item.sourceRef(), item.category(),
                item.problem(), item.measure(), item.deadline(), user.id()));
    }

    /**
     * Opens an item under a fixed id derived from where it came from, once: a redelivered event or a
     * repeated conclusion finds it there and changes nothing.
     *
     * @return whether it was opened now
     */
    public boolean openOnce(String id, NewItem item, String by) {
        if (mongo.exists(Query.query(Criteria.where("_id").is(id)), RectificationItem.class)) {
            return false;
        }
        try {
            store.save(RectificationItem.open(id, item.orgId(), item.source(), item.sourceRef(), item.category(), item.problem(),
                    item.measure(), item.deadline(), by));
            return true;
        } catch (DuplicateKeyException openedMeanwhile) {
            return false;
        }
    }

    public RectificationItem get(String id, CurrentUser user) {
        RectificationItem item = id == null ? null : mongo.findById(id, RectificationItem.class);
        OrgNode org = item == null ? null : orgs.find(item.getOrgId());
        if (org == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("rectification"));
        }
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "rectification");
        return item;
    }

    /**
     * Moves an item along. The branch (managers of the organization) starts and finishes it; only its
     * superior (a manager of an organization above) verifies a done item or sends it back.
     */
    public RectificationItem move(String id, RectificationStatus to, String note, String ifMatch, CurrentUser user) {
        RectificationItem item = get(id, user);
        OrgNode org = orgs.find(item.getOrgId());
        OrgScope.requireManaged(user, org.id(), org.ancestors());
        ETags.require(ifMatch, item.getVersion());
        if (RectificationItem.superiorsMove(item.getStatus(), to)) {
            orgs.requireSuperior(org, user);
        }
        item.moveTo(to, note, user.id());
        return store.save(item);
    }

    public PageResponse<RectificationItem> list(String orgId, RectificationStatus status, boolean overdueOnly, PageRequest page,
                                                CurrentUser user) {
        OrgNode org = orgs.visible(orgId, user);
        Criteria criteria = Criteria.where("orgId").in(orgs.subtreeIds(org.id()));
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (overdueOnly) {
            criteria = criteria.and("deadline").lt(Period.today().toString())
                    .and("status").in(RectificationStatus.OPEN, RectificationStatus.IN_PROGRESS);
            if (status != null && status.closed()) {
                return new PageResponse<>(List.of(), page.page(), page.size(), 0);
            }
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, RectificationItem.class);
        List<RectificationItem> items = mongo.find(query.with(Sort.by("deadline", "_id")).skip(page.offset()).limit(page.size()),
                RectificationItem.class);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /** Figures of one organization or a whole subtree. */
    public record Figures(String orgId, String name, long total, long open, long inProgress, long done, long verified,
                          long overdue, String closureRate) {
    }

    /** Closure rates of a subtree: its total and one row per organization that has items. */
    public record Summary(Figures subtree, List<Figures> organizations) {
    }

    /**
     * @param year only items whose deadline falls in that year, when given
     */
    public Summary summary(String orgId, Integer year, CurrentUser user) {
        OrgNode org = orgs.visible(orgId, user);
        List<RectificationItem> items = itemsOf(orgs.subtreeIds(org.id()), year);
        Map<String, List<RectificationItem>> byOrg = new LinkedHashMap<>();
        items.forEach(item -> byOrg.computeIfAbsent(item.getOrgId(), k -> new ArrayList<>()).add(item));
        List<Figures> rows = new ArrayList<>();
        byOrg.forEach((id, list) -> {
            OrgNode node = orgs.find(id);
            rows.add(figures(id, node == null ? null : node.name(), list));
        });
        return new Summary(figures(org.id(), org.name(), items), rows);
    }

    public List<RectificationItem> itemsOf(List<String> orgIds, Integer year) {
        Criteria criteria = Criteria.where("orgId").in(orgIds);
        if (year != null) {
            criteria = criteria.and("deadline").gte(year + "-01-01").lte(year + "-12-31");
        }
        return mongo.find(Query.query(criteria).with(Sort.by("orgId", "deadline")), RectificationItem.class);
    }

    public static Figures figures(String orgId, String name, List<RectificationItem> items) {
        LocalDate today = Period.today();
        long open = items.stream().filter(i -> i.getStatus() == RectificationStatus.OPEN).count();
        long inProgress = items.stream().filter(i -> i.getStatus() == RectificationStatus.IN_PROGRESS).count();
        long done = items.stream().filter(i -> i.getStatus() == RectificationStatus.DONE).count();
        long verified = items.stream().filter(i -> i.getStatus() == RectificationStatus.VERIFIED).count();
        long overdue = items.stream().filter(i -> i.openPastDeadline(today)).count();
        String rate = items.isEmpty() ? null : java.math.BigDecimal.valueOf(done + verified)
                .divide(java.math.BigDecimal.valueOf(items.size()), 4, java.math.RoundingMode.HALF_UP).toPlainString();
        return new Figures(orgId, name, items.size(), open, inProgress, done, verified, overdue, rate);
    }

    @Override
    public Closure closure(String orgId, Period period) {
        LocalDate start = period.startDate();
        LocalDate end = period.endDate();
        LocalDate today = Period.today();
        long due = 0;
        long closed = 0;
        long overdue = 0;
        for (RectificationItem item : mongo.find(Query.query(Criteria.where("orgId").is(orgId)), RectificationItem.class)) {
            LocalDate deadline = item.getDeadline();
            LocalDate closedOn = item.getClosedOn();
            boolean closedBeforePeriod = closedOn != null && closedOn.isBefore(start);
            if (deadline.isAfter(end) || (deadline.isBefore(start) && closedBeforePeriod)) {
                continue;
            }
            due++;
            if (item.getStatus().closed() && closedOn != null && !closedOn.isAfter(end)) {
                closed++;
            } else if (!deadline.isAfter(today.isBefore(end) ? today : end)) {
                overdue++;
            }
        }
        return new Closure(due, closed, overdue);
    }
}
