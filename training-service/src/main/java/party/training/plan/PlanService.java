package party.training.plan;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
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
import party.platform.web.ETags;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;
import party.training.support.Hours;
import party.training.support.Scopes;
import party.training.support.TrainingCalendar;
import party.training.support.TrainingProperties;

/** Yearly training plans: targets, the monthly split, courses. */
@Service
public class PlanService {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Scopes scopes;
    private final TrainingProperties properties;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    PlanService(MongoTemplate mongo, AggregateStore store, Scopes scopes, TrainingProperties properties, Clock clock,
                org.springframework.context.ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.store = store;
        this.scopes = scopes;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /** What a plan is set to; null targets take the configured defaults. */
    public record PlanInput(String title, BigDecimal memberTargetHours, BigDecimal leaderTargetHours,
                            List<TrainingPlan.MonthHours> months) {
    }

    /**
     * @throws ApiException 409 when the organization has a plan for the year; 422 when the months
     *                      do not add up to the member target or name a month twice
     */
    public TrainingPlan create(String orgId, int year, PlanInput input, CurrentUser user) {
        TrainingCalendar.checkedYear(year);
        OrgNode org = scopes.managedActive(orgId, user);
        Checked checked = check(input);
        try {
            return saved(TrainingPlan.create(org.id(), year, input.title().strip(), checked.member, checked.leader,
                    checked.months, user.id(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("plan-exists", orgId, year);
        }
    }

    public TrainingPlan update(String id, PlanInput input, String ifMatch, CurrentUser user) {
        TrainingPlan plan = managed(id, user);
        ETags.require(ifMatch, plan.getVersion());
        Checked checked = check(input);
        plan.change(input.title().strip(), checked.member, checked.leader, checked.months);
        return saved(plan);
    }

    public TrainingPlan addCourse(String id, String title, String content, boolean mustLearn, boolean firstAgendaItem,
                                  String ifMatch, CurrentUser user) {
        TrainingPlan plan = managed(id, user);
        ETags.require(ifMatch, plan.getVersion());
        plan.addCourse(new TrainingPlan.Course(UUID.randomUUID().toString(), title.strip(), content, mustLearn, firstAgendaItem));
        return store.save(plan);
    }

    private TrainingPlan saved(TrainingPlan plan) {
        TrainingPlan saved = store.save(plan);
        events.publishEvent(new PlanChanged(saved.getId()));
        return saved;
    }

    public TrainingPlan get(String id, CurrentUser user) {
        TrainingPlan plan = mongo.findById(id, TrainingPlan.class);
        OrgNode org = plan == null ? null : scopes.find(plan.getOrgId()).orElse(null);
        if (org == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("plan"));
        }
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "plan");
        return plan;
    }

    /** A plan whose organization the caller manages; one they only cannot see is a 404. */
    public TrainingPlan managed(String id, CurrentUser user) {
        TrainingPlan plan = get(id, user);
        scopes.managed(plan.getOrgId(), user);
        return plan;
    }

    public PageResponse<TrainingPlan> list(String orgId, Integer year, PageRequest page, CurrentUser user) {
        Criteria criteria = Criteria.where("orgId").in(scopes.visibleSubtree(orgId, user));
        if (year != null) {
            criteria = criteria.and("year").is(TrainingCalendar.checkedYear(year));
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, TrainingPlan.class);
        List<TrainingPlan> items = mongo.find(query.with(Sort.by(Sort.Order.desc("year"), Sort.Order.asc("_id")))
                .skip(page.offset()).limit(page.size()), TrainingPlan.class);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    private record Checked(long member, long leader, List<TrainingPlan.MonthHours> months) {
    }

    private Checked check(PlanInput input) {
        long member = Hours.centi(input.memberTargetHours() == null ? properties.targets().memberHours() : input.memberTargetHours());
        long leader = Hours.centi(input.leaderTargetHours() == null ? properties.targets().leaderHours() : input.leaderTargetHours());
        if (leader < member) {
            throw ApiException.unprocessable("plan-leader-target-below-member", Hours.text(leader), Hours.text(member));
        }
        List<TrainingPlan.MonthHours> months = input.months() == null ? List.of() : input.months().stream()
                .map(m -> new TrainingPlan.MonthHours(m.month(), Hours.text(Hours.centi(new BigDecimal(m.hours())))))
                .sorted(java.util.Comparator.comparingInt(TrainingPlan.MonthHours::month)).toList();
        if (months.stream().map(TrainingPlan.MonthHours::month).distinct().count() != months.size()) {
            throw ApiException.unprocessable("plan-month-twice");
        }
        long sum = months.stream().mapToLong(m -> Hours.centi(new BigDecimal(m.hours()))).sum();
        if (!months.isEmpty() && sum != member) {
            throw ApiException.unprocessable("plan-months-sum", Hours.text(sum), Hours.text(member));
        }
        return new Checked(member, leader, months);
    }
}
