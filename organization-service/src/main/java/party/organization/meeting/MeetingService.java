package party.organization.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import party.organization.membercount.MemberCountService;
import party.organization.organization.Organization;
import party.organization.organization.OrganizationService;
import party.organization.organization.OrganizationType;
import party.platform.events.AggregateStore;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.ETags;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/** Planning, recording and cancelling meetings, with the roster and quorum rules. */
@Service
public class MeetingService {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final OrganizationService organizations;
    private final MemberCountService members;
    private final Committees committees;

    MeetingService(MongoTemplate mongo, AggregateStore store, OrganizationService organizations,
                   MemberCountService members, Committees committees) {
        this.mongo = mongo;
        this.store = store;
        this.organizations = organizations;
        this.members = members;
        this.committees = committees;
    }

    /** What the recorder tells about a held meeting, before it is checked against the roster. */
    public record Report(Instant heldAt, String place, String topic, String host, String recorder, String lecturer,
                         String lecturerMemberId, List<String> expectedAttendees, List<String> presentMemberIds,
                         List<Absence> absent, String minutes, List<String> attachments) {
    }

    public Meeting plan(CurrentUser user, String orgId, Meeting.Plan plan) {
        Organization org = managedOrganization(user, orgId);
        if (org.getStatus() != Organization.Status.ACTIVE) {
            throw ApiException.unprocessable("organization-dissolved", org.getName());
        }
        if (org.getType() != plan.type().heldBy()) {
            throw ApiException.unprocessable("meeting-wrong-organization-type", plan.type(), plan.type().heldBy(),
                    org.getType());
        }
        String branchId = org.getType() == OrganizationType.GROUP ? org.getParentId() : org.getId();
        return store.save(Meeting.plan(org.getId(), branchId, plan, user.id()));
    }

    /** Records a planned meeting as held; nothing is stored unless every rule holds. */
    public Meeting record(CurrentUser user, String id, String ifMatch, Report report) {
        Meeting meeting = get(user, id);
        Organization org = managedOrganization(user, meeting.getOrgId());
        ETags.require(ifMatch, meeting.getVersion());
        if (meeting.getStatus() != MeetingStatus.PLANNED) {
            throw ApiException.conflict("meeting-not-planned", meeting.getStatus());
        }
        MeetingType type = meeting.getType();
        if (type == MeetingType.PARTY_LECTURE && (blank(report.lecturer()) || blank(report.topic()))) {
            throw ApiException.badRequest("meeting-lecture-details-required");
        }
        Roster roster = expected(type, org, report.expectedAttendees());
        Attendance attendance = Attendance.check(roster.expected(), roster.fullMembers(), report.presentMemberIds(),
                report.absent());
        if (type == MeetingType.COMMITTEE_MEETING && !attendance.majorityPresent()) {
            throw ApiException.unprocessable("meeting-committee-quorum-not-met", attendance.present().size(),
                    attendance.expected().size());
        }
        // A branch general meeting without quorum still happened and is kept, but flagged: it cannot decide anything.
        Boolean quorumMet = type == MeetingType.BRANCH_GENERAL_MEETING ? attendance.fullMemberQuorum() : null;
        meeting.record(new Meeting.Recording(report.heldAt(), report.place(), report.topic(), report.host(),
                report.recorder(), report.lecturer(), report.lecturerMemberId(), attendance, quorumMet,
                report.minutes(), report.attachments() == null ? List.of() : report.attachments()), user.id());
        return store.save(meeting);
    }

    public Meeting cancel(CurrentUser user, String id, String ifMatch, String reason) {
        Meeting meeting = get(user, id);
        managedOrganization(user, meeting.getOrgId());
        ETags.require(ifMatch, meeting.getVersion());
        if (meeting.getStatus() != MeetingStatus.PLANNED) {
            throw ApiException.conflict("meeting-not-planned", meeting.getStatus());
        }
        meeting.cancel(reason, user.id());
        return store.save(meeting);
    }

    /** The meeting if the caller may see its organization (checked against the organization's current place). */
    public Meeting get(CurrentUser user, String id) {
        Meeting meeting = mongo.findById(id, Meeting.class);
        Organization org = meeting == null ? null : mongo.findById(meeting.getOrgId(), Organization.class);
        if (org == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("meeting"));
        }
        OrgScope.requireVisible(user, org.getId(), org.getAncestors(), "meeting");
        return meeting;
    }

    /** A meeting this caller planned (idempotent replay of their own request). */
    public Meeting created(String id) {
        Meeting meeting = mongo.findById(id, Meeting.class);
        if (meeting == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("meeting"));
        }
        return meeting;
    }

    /** Meetings of an organization and everything below it, newest first; dates are Shanghai calendar days. */
    public PageResponse<Meeting> list(CurrentUser user, String orgId, MeetingType type, MeetingStatus status,
                                      LocalDate from, LocalDate to, PageRequest page) {
        Organization org = organizations.get(user, orgId);
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("meeting-invalid-date-range", from, to);
        }
        Criteria criteria = Criteria.where("orgId").in(organizations.subtreeIds(org.getId()));
        if (type != null) {
            criteria = criteria.and("type").is(type);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (from != null || to != null) {
            Criteria time = criteria.and("effectiveAt");
            if (from != null) {
                time = time.gte(from.atStartOfDay(Period.ZONE).toInstant());
            }
            if (to != null) {
                time = time.lt(to.plusDays(1).atStartOfDay(Period.ZONE).toInstant());
            }
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Meeting.class);
        List<Meeting> items = mongo.find(query.with(Sort.by(Sort.Order.desc("effectiveAt"), Sort.Order.asc("_id")))
                .skip(page.offset()).limit(page.size()), Meeting.class);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    private record Roster(List<String> expected, Set<String> fullMembers) {
    }

    /** Who is expected, by the type's rule, with the full members among them. */
    private Roster expected(MeetingType type, Organization org, List<String> named) {
        List<MemberCountService.RosterEntry> own = members.roster(org.getId());
        return switch (type.attendees()) {
            case ROSTER -> {
                noNamedAttendees(named);
                yield of(own);
            }
            case COMMITTEE -> {
                java.util.Optional<List<String>> recorded = committees.members(org.getId());
                if (recorded.isEmpty()) {
                    yield named(named, own);
                }
                if (named != null && !named.isEmpty() && !Set.copyOf(named).equals(Set.copyOf(recorded.get()))) {
                    throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "meeting-committee-differs",
                            Map.of("committee", recorded.get()));
                }
                Set<String> full = own.stream().filter(MemberCountService.RosterEntry::fullMember)
                        .map(MemberCountService.RosterEntry::memberId).collect(Collectors.toSet());
                full.retainAll(recorded.get());
                yield new Roster(recorded.get(), full);
            }
            case PARTICIPANTS -> named(named, own);
            case GROUP -> {
                if (!own.isEmpty()) {
                    noNamedAttendees(named);
                    yield of(own);
                }
                yield named(named, members.roster(org.getParentId()));
            }
        };
    }

    private static void noNamedAttendees(List<String> named) {
        if (named != null && !named.isEmpty()) {
            throw ApiException.unprocessable("meeting-expected-attendees-not-allowed");
        }
    }

    /** Attendees named in the request, each of whom must be on the given roster. */
    private static Roster named(List<String> named, List<MemberCountService.RosterEntry> roster) {
        if (named == null || named.isEmpty()) {
            throw ApiException.badRequest("meeting-expected-attendees-required");
        }
        Map<String, MemberCountService.RosterEntry> byId = roster.stream()
                .collect(Collectors.toMap(MemberCountService.RosterEntry::memberId, e -> e, (a, b) -> a));
        List<String> unknown = named.stream().filter(id -> !byId.containsKey(id)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "meeting-attendees-not-on-roster",
                    Map.of("memberIds", unknown), unknown.size());
        }
        List<String> expected = List.copyOf(new LinkedHashSet<>(named));
        Set<String> full = expected.stream().filter(id -> byId.get(id).fullMember()).collect(Collectors.toSet());
        return new Roster(expected, full);
    }

    private static Roster of(List<MemberCountService.RosterEntry> roster) {
        List<String> expected = new ArrayList<>();
        Set<String> full = new LinkedHashSet<>();
        for (MemberCountService.RosterEntry entry : roster) {
            expected.add(entry.memberId());
            if (entry.fullMember()) {
                full.add(entry.memberId());
            }
        }
        return new Roster(expected, full);
    }

    /** The organization named in a change: 422 when it does not exist, 403 when outside the caller's subtrees. */
    private Organization managedOrganization(CurrentUser user, String orgId) {
        Organization org = mongo.findById(orgId, Organization.class);
        if (org == null) {
            throw ApiException.unprocessable("meeting-unknown-organization", orgId);
        }
        OrgScope.requireManaged(user, org.getId(), org.getAncestors());
        return org;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
