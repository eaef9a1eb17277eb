package party.training.dispatch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.platform.events.AggregateStore;
import party.platform.orgtree.OrgNode;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;
import party.training.ledger.Credit;
import party.training.ledger.CreditSource;
import party.training.ledger.Ledger;
import party.training.roster.Roster;
import party.training.roster.RosterMember;
import party.training.support.Scopes;
import party.training.support.TrainingCalendar;

/** Party-school dispatches, each credited to the member's ledger in the year it ended. */
@Service
public class DispatchService {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Roster roster;
    private final Scopes scopes;
    private final Ledger ledger;
    private final Clock clock;

    DispatchService(MongoTemplate mongo, AggregateStore store, Roster roster, Scopes scopes, Ledger ledger, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.roster = roster;
        this.scopes = scopes;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * @throws ApiException 422 unknown member, end before start, a date in the future (Asia/Shanghai); 403 outside scope
     */
    public Dispatch record(String memberId, String school, LocalDate start, LocalDate end, long creditCenti, String note,
                           CurrentUser user) {
        RosterMember member = roster.find(memberId).filter(RosterMember::active)
                .orElseThrow(() -> ApiException.unprocessable("unknown-member", memberId));
        scopes.managed(member.orgId(), user);
        if (end.isBefore(start)) {
            throw ApiException.unprocessable("dispatch-ends-before-start");
        }
        if (end.isAfter(TrainingCalendar.today(clock))) {
            throw ApiException.unprocessable("dispatch-in-future", end);
        }
        Dispatch dispatch = store.save(Dispatch.record(UUID.randomUUID().toString(), memberId, member.orgId(), school.strip(), start,
                end, creditCenti, note, user.id(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        if (creditCenti > 0) {
            ledger.credit(new Credit("DISPATCH|" + dispatch.getId(), memberId, member.orgId(), dispatch.getYear(), creditCenti,
                    CreditSource.DISPATCH, dispatch.getId(), null, user.id()));
        }
        return dispatch;
    }

    public Dispatch get(String id, CurrentUser user) {
        Dispatch d = mongo.findById(id, Dispatch.class);
        OrgNode org = d == null ? null : scopes.find(d.getOrgId()).orElse(null);
        if (org == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("dispatch"));
        }
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "dispatch");
        return d;
    }

    public PageResponse<Dispatch> list(String orgId, Integer year, PageRequest page, CurrentUser user) {
        Criteria criteria = Criteria.where("orgId").in(scopes.visibleSubtree(orgId, user));
        if (year != null) {
            criteria = criteria.and("year").is(TrainingCalendar.checkedYear(year));
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Dispatch.class);
        List<Dispatch> items = mongo.find(query.with(Sort.by(Sort.Order.desc("endDate"), Sort.Order.asc("_id")))
                .skip(page.offset()).limit(page.size()), Dispatch.class);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }
}
