package party.organization.liaison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.organization.organization.Organization;
import party.platform.events.AggregateStore;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/** Research trips and their yearly figures. */
@Service
public class ResearchTripService {

    static final String RESOURCE = "research-trip";
    /** Years the figures can be asked for: from the founding of the Party to well past any plan. */
    static final int FIRST_YEAR = 1921;
    static final int LAST_YEAR = 2100;

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final LiaisonBranches branches;
    private final LiaisonProperties properties;

    ResearchTripService(MongoTemplate mongo, AggregateStore store, LiaisonBranches branches,
                        LiaisonProperties properties) {
        this.mongo = mongo;
        this.store = store;
        this.branches = branches;
        this.properties = properties;
    }

    public record NewTrip(String topic, LocalDate date, String leaderId, String leaderName, String orgId,
                          String summary, List<ResearchTrip.NewProblem> problems) {
    }

    public ResearchTrip record(CurrentUser user, NewTrip request) {
        Organization branch = branches.forChange(user, request.orgId());
        return store.save(ResearchTrip.record(request.topic(), request.date(), request.leaderId(), request.leaderName(),
                branch.getId(), request.summary(), request.problems(), ShanghaiCalendar.today(),
                properties.problemCategories(), user.id()));
    }

    public List<String> categories() {
        return properties.problemCategories();
    }

    public ResearchTrip get(CurrentUser user, String id) {
        ResearchTrip trip = created(id);
        branches.requireVisible(user, trip.getOrgId(), RESOURCE);
        return trip;
    }

    /** A trip this caller recorded (idempotent replay). */
    public ResearchTrip created(String id) {
        ResearchTrip trip = mongo.findById(id, ResearchTrip.class);
        if (trip == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName(RESOURCE));
        }
        return trip;
    }

    /** Trips to branches in an organization's subtree, newest first. */
    public PageResponse<ResearchTrip> inSubtree(CurrentUser user, String orgId, Integer year, String leaderId,
                                                PageRequest page) {
        List<Criteria> filters = new ArrayList<>();
        filters.add(Criteria.where("orgId").in(branches.subtree(user, orgId)));
        if (year != null) {
            filters.add(Criteria.where("year").is(requireYear(year)));
        }
        if (leaderId != null) {
            filters.add(Criteria.where("leaderId").is(leaderId));
        }
        Query query = Query.query(new Criteria().andOperator(filters));
        long total = mongo.count(query, ResearchTrip.class);
        List<ResearchTrip> items = mongo.find(query.with(Sort.by(Sort.Order.desc("date"), Sort.Order.asc("_id")))
                .skip(page.offset()).limit(page.size()), ResearchTrip.class);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /** Trips and problems per leader and in total for trips dated in {@code year} (this year when null). */
    public ResearchSummary summary(CurrentUser user, String orgId, Integer year) {
        int y = year == null ? ShanghaiCalendar.today().getYear() : requireYear(year);
        Query query = Query.query(Criteria.where("orgId").in(branches.subtree(user, orgId)).and("year").is(y));
        query.fields().include("leaderId", "leaderName", "date", "problemCount");
        List<ResearchSummary.TripFigures> trips = mongo.find(query, ResearchTrip.class).stream()
                .map(t -> new ResearchSummary.TripFigures(t.getLeaderId(), t.getLeaderName(), t.getDate(),
                        t.getProblemCount()))
                .toList();
        return ResearchSummary.of(orgId, y, trips);
    }

    public Map<String, String> orgNames(java.util.Collection<String> orgIds) {
        return branches.names(orgIds);
    }

    private static int requireYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw ApiException.badRequest("research-invalid-year", String.valueOf(year), String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
        }
        return year;
    }
}
