package party.training.session;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
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
import party.training.plan.PlanService;
import party.training.plan.TrainingPlan;
import party.training.support.Scopes;
import party.training.support.TrainingCalendar;
import party.training.support.TrainingProperties;

/** Sessions of plans: one at a time or generated from a recurrence rule, then edited one by one. */
@Service
public class SessionService implements InitializingBean {

    static final String ROOM_PREFIX = "tr-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final PlanService plans;
    private final Scopes scopes;
    private final TrainingProperties properties;

    SessionService(MongoTemplate mongo, AggregateStore store, PlanService plans, Scopes scopes, TrainingProperties properties) {
        this.mongo = mongo;
        this.store = store;
        this.plans = plans;
        this.scopes = scopes;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(TrainingSession.class).createIndex(new Index("orgId", Sort.Direction.ASC).on("startsAt", Sort.Direction.ASC)
                .named("byOrgStart"));
    }

    /** A session to create; null creditHours take the session's length. */
    public record NewSession(String title, String courseId, SessionMode mode, Instant startsAt, Instant endsAt, String location,
                             Long creditCenti, String videoId) {
    }

    public TrainingSession create(String planId, NewSession request, CurrentUser user) {
        TrainingPlan plan = plans.managed(planId, user);
        TrainingSession.Details details = details(plan, request);
        String id = UUID.randomUUID().toString();
        return store.save(TrainingSession.schedule(id, plan.getId(), plan.getOrgId(), details, conference(details.mode(), id),
                code()));
    }

    /** What a generation did: sessions created, and days skipped because the plan already has that session. */
    public record Generated(List<TrainingSession> created, int skipped) {
    }

    /** Creates a session on every day of the rule in the plan's year; running it again creates none twice. */
    public Generated generate(String planId, RecurrenceRule rule, NewSession template, CurrentUser user) {
        TrainingPlan plan = plans.managed(planId, user);
        List<LocalDate> dates = rule.dates(plan.getYear());
        if (dates.size() > 400) {
            throw ApiException.unprocessable("recurrence-too-many", dates.size());
        }
        List<TrainingSession> created = new ArrayList<>();
        int skipped = 0;
        for (LocalDate date : dates) {
            Instant start = date.atTime(rule.startTime()).atZone(TrainingCalendar.ZONE).toInstant();
            Instant end = date.atTime(rule.endTime()).atZone(TrainingCalendar.ZONE).toInstant();
            NewSession one = new NewSession(template.title(), template.courseId(), template.mode(), start, end,
                    template.location(), template.creditCenti(), template.videoId());
            TrainingSession.Details details = details(plan, one);
            String id = UUID.nameUUIDFromBytes((plan.getId() + "|" + start).getBytes(StandardCharsets.UTF_8)).toString();
            if (mongo.findById(id, TrainingSession.class) != null) {
                skipped++;
                continue;
            }
            created.add(TrainingSession.schedule(id, plan.getId(), plan.getOrgId(), details, conference(details.mode(), id), code()));
        }
        return new Generated(store.saveAll(created), skipped);
    }

    public TrainingSession edit(String id, NewSession request, String ifMatch, CurrentUser user) {
        TrainingSession session = managed(id, user);
        ETags.require(ifMatch, session.getVersion());
        requireScheduled(session);
        TrainingPlan plan = plans.get(session.getPlanId(), user);
        TrainingSession.Details details = details(plan, request);
        TrainingSession.Conference conference = details.mode() == session.getMode() ? session.getConference()
                : conference(details.mode(), session.getId());
        session.edit(details, conference);
        return store.save(session);
    }

    public TrainingSession cancel(String id, String ifMatch, CurrentUser user) {
        TrainingSession session = managed(id, user);
        ETags.require(ifMatch, session.getVersion());
        requireScheduled(session);
        session.cancel();
        return store.save(session);
    }

    /** Marks a session held; the caller credits its attendees. */
    public TrainingSession markHeld(TrainingSession session, Instant at) {
        requireScheduled(session);
        session.held(at);
        return store.save(session);
    }

    public TrainingSession get(String id, CurrentUser user) {
        TrainingSession session = mongo.findById(id, TrainingSession.class);
        OrgNode org = session == null ? null : scopes.find(session.getOrgId()).orElse(null);
        if (org == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("session"));
        }
        if (!user.manages(org.ancestorsAndSelf()) && !attends(user, org)) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("session"));
        }
        return session;
    }

    public TrainingSession managed(String id, CurrentUser user) {
        TrainingSession session = get(id, user);
        scopes.managed(session.getOrgId(), user);
        return session;
    }

    public java.util.Optional<TrainingSession> byRoom(String roomId) {
        if (roomId == null || !roomId.startsWith(ROOM_PREFIX)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(mongo.findById(roomId.substring(ROOM_PREFIX.length()), TrainingSession.class));
    }

    public PageResponse<TrainingSession> list(String orgId, Instant from, Instant to, PageRequest page, CurrentUser user) {
        Criteria criteria = Criteria.where("orgId").in(scopes.visibleSubtree(orgId, user));
        if (from != null || to != null) {
            Criteria time = Criteria.where("startsAt");
            if (from != null) {
                time = time.gte(from);
            }
            if (to != null) {
                time = time.lt(to);
            }
            criteria = new Criteria().andOperator(criteria, time);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, TrainingSession.class);
        List<TrainingSession> items = mongo.find(query.with(Sort.by(Sort.Order.asc("startsAt"), Sort.Order.asc("_id")))
                .skip(page.offset()).limit(page.size()), TrainingSession.class);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /** The sessions a member attends: of their branch and the organizations above it, from a time on. */
    public PageResponse<TrainingSession> forMember(CurrentUser user, Instant from, Instant to, PageRequest page) {
        String memberId = user.memberId();
        if (memberId == null) {
            throw ApiException.forbidden("not-a-member-account");
        }
        party.training.roster.RosterMember member = mongo.findById(memberId, party.training.roster.RosterMember.class);
        OrgNode branch = member == null ? null : scopes.find(member.orgId()).orElse(null);
        if (branch == null) {
            return new PageResponse<>(List.of(), page.page(), page.size(), 0);
        }
        Criteria criteria = Criteria.where("orgId").in(branch.ancestorsAndSelf());
        if (from != null || to != null) {
            Criteria time = Criteria.where("startsAt");
            if (from != null) {
                time = time.gte(from);
            }
            if (to != null) {
                time = time.lt(to);
            }
            criteria = new Criteria().andOperator(criteria, time);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, TrainingSession.class);
        List<TrainingSession> items = mongo.find(query.with(Sort.by(Sort.Order.asc("startsAt"), Sort.Order.asc("_id")))
                .skip(page.offset()).limit(page.size()), TrainingSession.class);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /** Sessions of a year in organizations of a subtree (for reports). */
    public List<TrainingSession> inYear(List<String> subtree, int year) {
        return mongo.find(Query.query(Criteria.where("orgId").in(subtree).and("year").is(year)), TrainingSession.class);
    }

    /** Whether the caller is a member of a branch in the session organization's subtree (so they attend it). */
    private boolean attends(CurrentUser user, OrgNode sessionOrg) {
        if (user.memberId() == null) {
            return false;
        }
        return mongo.findById(user.memberId(), party.training.roster.RosterMember.class) instanceof party.training.roster.RosterMember m
                && m.orgId() != null && scopes.find(m.orgId()).map(o -> o.ancestorsAndSelf().contains(sessionOrg.id())).orElse(false);
    }

    private static void requireScheduled(TrainingSession session) {
        if (session.getStatus() != SessionStatus.SCHEDULED) {
            throw ApiException.conflict("session-not-scheduled", session.getStatus().name());
        }
    }

    private TrainingSession.Details details(TrainingPlan plan, NewSession request) {
        if (!request.startsAt().isBefore(request.endsAt())) {
            throw ApiException.unprocessable("session-ends-before-start");
        }
        if (Duration.between(request.startsAt(), request.endsAt()).toHours() > 24) {
            throw ApiException.unprocessable("session-too-long");
        }
        if (TrainingCalendar.yearOf(request.startsAt()) != plan.getYear()) {
            throw ApiException.unprocessable("session-outside-plan-year", plan.getYear());
        }
        if (request.courseId() != null && plan.course(request.courseId()).isEmpty()) {
            throw ApiException.unprocessable("unknown-course", request.courseId());
        }
        if (request.mode() == SessionMode.RECORDED && (request.videoId() == null
                || mongo.findById(request.videoId(), org.bson.Document.class, "videos") == null)) {
            throw ApiException.unprocessable("session-video-required");
        }
        long credit = request.creditCenti() != null ? request.creditCenti()
                : Duration.between(request.startsAt(), request.endsAt()).toMinutes() * 100 / 60;
        return new TrainingSession.Details(request.title().strip(), request.courseId(), request.mode(), request.startsAt(),
                request.endsAt(), request.location(), credit, request.mode() == SessionMode.RECORDED ? request.videoId() : null);
    }

    private TrainingSession.Conference conference(SessionMode mode, String sessionId) {
        if (mode != SessionMode.LIVE) {
            return null;
        }
        String room = ROOM_PREFIX + sessionId;
        return new TrainingSession.Conference(properties.conference().provider(), room,
                properties.conference().joinUrlTemplate().replace("{room}", room));
    }

    private static String code() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }
}
