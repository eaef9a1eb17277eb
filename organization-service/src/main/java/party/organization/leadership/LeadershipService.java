package party.organization.leadership;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.organization.membercount.MemberCountService;
import party.organization.organization.Organization;
import party.organization.organization.OrganizationService;
import party.organization.organization.OrganizationType;
import party.platform.events.AggregateStore;
import party.platform.mongo.Finds;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.ETags;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/**
 * Terms and role holders of organizations: the first term, renewals (换届), changes of holders,
 * and the lists over a subtree (terms due, terms expired, branch secretaries).
 */
@Service
public class LeadershipService {

    /** Organizations that have a leadership of their own: every type but the group. */
    static final Set<OrganizationType> LED_TYPES =
            EnumSet.of(OrganizationType.COMMITTEE, OrganizationType.GENERAL_BRANCH, OrganizationType.BRANCH);

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final OrganizationService organizations;
    private final MemberCountService members;
    private final LeadershipQueries queries;
    private final SubtreeOrganizations subtree;
    private final TermCalendar calendar;
    private final CommitteeRules rules;
    private final LeadershipProperties properties;

    LeadershipService(MongoTemplate mongo, AggregateStore store, OrganizationService organizations,
                      MemberCountService members, LeadershipQueries queries, SubtreeOrganizations subtree,
                      LeadershipProperties properties) {
        this.mongo = mongo;
        this.store = store;
        this.organizations = organizations;
        this.members = members;
        this.queries = queries;
        this.subtree = subtree;
        this.calendar = new TermCalendar(properties);
        this.rules = new CommitteeRules(properties);
        this.properties = properties;
    }

    /**
     * What starting a term takes.
     *
     * @param startDate the first term's start, or a renewal's election date
     * @param endDate null for the default (start + 3 or 5 years by unit kind)
     * @param unitKind null for ENTERPRISE on a first term, for the previous term's kind on a renewal
     */
    public record NewTerm(LocalDate startDate, LocalDate endDate, UnitKind unitKind, List<Holder> holders) {
    }

    /** Records the first term of an organization; refused when it already has one (renew instead). */
    public Leadership startFirst(CurrentUser user, String orgId, NewTerm request) {
        Organization org = writable(user, orgId);
        if (Finds.any(mongo, Query.query(Criteria.where("_id").is(orgId)), Leadership.class)) {
            throw ApiException.conflict("leadership-term-exists", org.getName());
        }
        UnitKind kind = request.unitKind() == null ? UnitKind.ENTERPRISE : request.unitKind();
        LocalDate end = calendar.firstTerm(request.startDate(), request.endDate(), kind, org.getFoundedOn(),
                TermCalendar.today());
        rules.check(request.holders(), roster(org));
        try {
            return store.save(Leadership.first(orgId, request.startDate(), end, kind, request.holders()));
        } catch (DuplicateKeyException raced) {
            throw ApiException.conflict("leadership-term-exists", org.getName());
        }
    }

    /**
     * Renewal (换届): ends the current term on the election date and starts the next one there.
     *
     * @param ifMatch optional; when given it must match the leadership's current version
     */
    public Leadership renew(CurrentUser user, String orgId, NewTerm request, String ifMatch) {
        Organization org = writable(user, orgId);
        Leadership leadership = mongo.findById(orgId, Leadership.class);
        if (leadership == null || leadership.current().isEmpty()) {
            throw ApiException.conflict("leadership-no-current-term", org.getName());
        }
        if (ifMatch != null) {
            ETags.require(ifMatch, leadership.getVersion());
        }
        Term previous = leadership.current().orElseThrow();
        UnitKind kind = request.unitKind() == null ? previous.unitKind() : request.unitKind();
        LocalDate end = calendar.renewal(previous, request.startDate(), request.endDate(), kind, TermCalendar.today());
        rules.check(request.holders(), roster(org));
        leadership.renew(request.startDate(), end, kind, request.holders());
        return store.save(leadership);
    }

    /** Replaces the role holders of the current term; needs the version read before (If-Match). */
    public Leadership changeHolders(CurrentUser user, String orgId, List<Holder> holders, String ifMatch) {
        Organization org = writable(user, orgId);
        Leadership leadership = mongo.findById(orgId, Leadership.class);
        if (leadership == null || leadership.current().isEmpty()) {
            throw ApiException.conflict("leadership-no-current-term", org.getName());
        }
        ETags.require(ifMatch, leadership.getVersion());
        rules.check(holders, roster(org));
        leadership.changeHolders(holders);
        return store.save(leadership);
    }

    /** The leadership of an organization the caller may see; empty when no term was recorded yet. */
    public Optional<Leadership> read(CurrentUser user, String orgId) {
        organizations.get(user, orgId);
        return Optional.ofNullable(mongo.findById(orgId, Leadership.class));
    }

    /** The leadership a caller created under an idempotency key (replay); the key is the caller's own. */
    public Leadership created(String orgId) {
        Leadership leadership = mongo.findById(orgId, Leadership.class);
        if (leadership == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("leadership"));
        }
        return leadership;
    }

    /** Current terms in the subtree ending between today and {@code withinDays} days on, soonest first. */
    public PageResponse<TermDue> expiring(CurrentUser user, String orgId, int withinDays, PageRequest page) {
        if (withinDays < 0 || withinDays > properties.maxWithinDays()) {
            throw ApiException.badRequest("leadership-invalid-within-days", properties.maxWithinDays());
        }
        LocalDate today = TermCalendar.today();
        return due(user, orgId, Criteria.where("currentEndDate").gte(today).lte(today.plusDays(withinDays)), today, page);
    }

    /** Current terms in the subtree whose end has passed without a renewal, longest overdue first. */
    public PageResponse<TermDue> expired(CurrentUser user, String orgId, PageRequest page) {
        LocalDate today = TermCalendar.today();
        return due(user, orgId, Criteria.where("currentEndDate").lt(today), today, page);
    }

    /** Full-time and part-time secretaries of the active branches in the subtree, and the branches without one. */
    public SecretarySummary secretaries(CurrentUser user, String orgId) {
        organizations.get(user, orgId);
        LocalDate today = TermCalendar.today();
        List<Organization> branches = subtree.active(orgId, EnumSet.of(OrganizationType.BRANCH));
        Map<String, LeadershipStatus> statuses = queries.statuses(branches.stream().map(Organization::getId).toList(), today);
        long fullTime = statuses.values().stream().filter(s -> Boolean.TRUE.equals(s.secretaryFullTime())).count();
        long partTime = statuses.values().stream().filter(s -> Boolean.FALSE.equals(s.secretaryFullTime())).count();
        List<SecretarySummary.OrgRef> without = branches.stream()
                .filter(b -> !statuses.get(b.getId()).hasSecretary())
                .map(b -> new SecretarySummary.OrgRef(b.getId(), b.getName(), b.getCode())).toList();
        return new SecretarySummary(orgId, today, branches.size(), fullTime, partTime, without.size(), without);
    }

    private PageResponse<TermDue> due(CurrentUser user, String orgId, Criteria window, LocalDate today, PageRequest page) {
        organizations.get(user, orgId);
        Map<String, Organization> orgs = subtree.active(orgId, LED_TYPES).stream()
                .collect(Collectors.toMap(Organization::getId, Function.identity()));
        if (orgs.isEmpty()) {
            return new PageResponse<>(List.of(), page.page(), page.size(), 0);
        }
        Query query = Query.query(new Criteria().andOperator(Criteria.where("_id").in(orgs.keySet()), window));
        long total = mongo.count(query, Leadership.class);
        List<TermDue> items = mongo.find(query.with(Sort.by("currentEndDate", "_id")).skip(page.offset()).limit(page.size()),
                        Leadership.class).stream()
                .map(l -> due(orgs.get(l.getOrgId()), l.current().orElseThrow(), today))
                .toList();
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    private static TermDue due(Organization org, Term term, LocalDate today) {
        return new TermDue(org.getId(), org.getName(), org.getCode(), org.getType(), term.id(), term.number(),
                term.startDate(), term.endDate(), TermCalendar.daysLeft(term, today));
    }

    /** An organization the caller may change the leadership of: visible (else 404), managed (else 403), led, active. */
    private Organization writable(CurrentUser user, String orgId) {
        Organization org = organizations.get(user, orgId);
        OrgScope.requireManaged(user, org.getId(), org.getAncestors());
        if (!LED_TYPES.contains(org.getType())) {
            throw ApiException.unprocessable("leadership-not-for-type", org.getType());
        }
        if (org.getStatus() != Organization.Status.ACTIVE) {
            throw ApiException.unprocessable("leadership-organization-dissolved", org.getName());
        }
        return org;
    }

    /** A branch's roster from member events; other levels draw their leaders from the whole subtree, so none applies. */
    private CommitteeRules.Roster roster(Organization org) {
        if (org.getType() != OrganizationType.BRANCH) {
            return CommitteeRules.Roster.UNKNOWN;
        }
        List<MemberCountService.RosterEntry> roster = members.roster(org.getId());
        return new CommitteeRules.Roster(roster.stream().map(MemberCountService.RosterEntry::memberId)
                .collect(Collectors.toSet()), roster.stream().filter(MemberCountService.RosterEntry::fullMember).count());
    }
}
