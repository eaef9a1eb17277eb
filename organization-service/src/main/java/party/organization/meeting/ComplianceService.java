package party.organization.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.organization.membercount.MemberCountService;
import party.organization.organization.Organization;
import party.organization.organization.OrganizationService;
import party.organization.organization.OrganizationType;
import party.platform.security.CurrentUser;
import party.platform.web.ApiException;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/**
 * The compliance report: for each branch and each type of meeting asked in the period, what was
 * due, what was held, and which cycles were missed.
 */
@Service
public class ComplianceService {

    private final MongoTemplate mongo;
    private final OrganizationService organizations;
    private final MemberCountService members;
    private final MeetingProperties rules;
    private final Committees committees;

    ComplianceService(MongoTemplate mongo, OrganizationService organizations, MemberCountService members,
                      MeetingProperties rules, Committees committees) {
        this.mongo = mongo;
        this.organizations = organizations;
        this.members = members;
        this.rules = rules;
        this.committees = committees;
    }

    /** A held meeting as far as compliance cares. */
    record HeldMeeting(String orgId, MeetingType type, Instant heldAt, Boolean quorumMet) {
        boolean counts() {
            return !Boolean.FALSE.equals(quorumMet);
        }
    }

    /** A branch to report on: its groups and whether it is big enough to have a committee. */
    record Branch(String id, String name, String code, List<String> activeGroupIds, boolean hasCommittee) {
    }

    public ComplianceReport report(CurrentUser user, String orgId, String periodText, PageRequest page) {
        Organization org = organizations.get(user, orgId);
        Period period = Period.parse(periodText);
        if (org.getType() == OrganizationType.GROUP) {
            throw ApiException.unprocessable("meeting-compliance-not-for-group");
        }
        List<Organization> branchOrgs = org.getType() == OrganizationType.BRANCH ? List.of(org)
                : mongo.find(Query.query(Criteria.where("ancestors").is(org.getId())
                        .and("type").is(OrganizationType.BRANCH).and("status").is(Organization.Status.ACTIVE)),
                        Organization.class);
        List<String> branchIds = branchOrgs.stream().map(Organization::getId).toList();
        List<Organization> groups = mongo.find(Query.query(Criteria.where("parentId").in(branchIds)
                .and("type").is(OrganizationType.GROUP)), Organization.class);

        Map<String, List<String>> activeGroups = new HashMap<>();
        Set<String> units = new HashSet<>(branchIds);
        for (Organization group : groups) {
            units.add(group.getId());
            if (group.getStatus() == Organization.Status.ACTIVE) {
                activeGroups.computeIfAbsent(group.getParentId(), k -> new ArrayList<>()).add(group.getId());
            }
        }
        Set<String> withCommittee = committees.withCommittee(branchIds, java.time.LocalDate.now(Period.ZONE),
                this::fullMembers);
        List<Branch> branches = branchOrgs.stream()
                .sorted(Comparator.comparing(Organization::getCode))
                .map(b -> new Branch(b.getId(), b.getName(), b.getCode(),
                        activeGroups.getOrDefault(b.getId(), List.of()), withCommittee.contains(b.getId())))
                .toList();
        Map<String, String> branchOfGroup = new HashMap<>();
        groups.forEach(g -> branchOfGroup.put(g.getId(), g.getParentId()));
        return build(org.getId(), period, branches, branchOfGroup, held(units, period), page, Instant.now());
    }

    /**
     * The report from what was loaded; pure, so the counting rules can be tested without a database.
     *
     * @param branchOfGroup the branch of every group (active or not) of the branches, to place group meetings
     */
    ComplianceReport build(String orgId, Period period, List<Branch> branches, Map<String, String> branchOfGroup,
                           List<HeldMeeting> held, PageRequest page, Instant now) {
        Map<String, String> branchOf = new HashMap<>(branchOfGroup);
        branches.forEach(b -> branchOf.put(b.id(), b.id()));
        Map<String, List<HeldMeeting>> heldByBranch = new HashMap<>();
        for (HeldMeeting meeting : held) {
            String branch = branchOf.get(meeting.orgId());
            if (branch != null) {
                heldByBranch.computeIfAbsent(branch, k -> new ArrayList<>()).add(meeting);
            }
        }
        List<MeetingType> asked = java.util.Arrays.stream(MeetingType.values())
                .filter(t -> rules.frequency(t).askedIn(period)).toList();

        List<ComplianceReport.BranchCompliance> rows = new ArrayList<>();
        Map<MeetingType, int[]> sums = new EnumMap<>(MeetingType.class);
        for (Branch branch : branches) {
            List<ComplianceReport.TypeCompliance> types = new ArrayList<>();
            for (MeetingType type : asked) {
                ComplianceReport.TypeCompliance row = typeRow(type, period, branch,
                        heldByBranch.getOrDefault(branch.id(), List.of()), now);
                types.add(row);
                int[] sum = sums.computeIfAbsent(type, t -> new int[6]);
                sum[0] += row.due();
                sum[1] += row.held();
                sum[2] += row.heldWithoutQuorum();
                sum[3] += row.fulfilled();
                sum[4] += row.missing();
                sum[5] += row.pending();
            }
            rows.add(new ComplianceReport.BranchCompliance(branch.id(), branch.name(), branch.code(),
                    types.stream().mapToInt(ComplianceReport.TypeCompliance::due).sum(),
                    types.stream().mapToInt(ComplianceReport.TypeCompliance::held).sum(),
                    types.stream().mapToInt(ComplianceReport.TypeCompliance::fulfilled).sum(),
                    types.stream().mapToInt(ComplianceReport.TypeCompliance::missing).sum(),
                    types.stream().mapToInt(ComplianceReport.TypeCompliance::pending).sum(), types));
        }
        List<ComplianceReport.TypeTotal> typeTotals = asked.stream().map(type -> {
            int[] s = sums.getOrDefault(type, new int[6]);
            return new ComplianceReport.TypeTotal(type, rules.frequency(type), s[0], s[1], s[2], s[3], s[4], s[5]);
        }).toList();
        ComplianceReport.Totals totals = new ComplianceReport.Totals(rows.size(),
                typeTotals.stream().mapToInt(ComplianceReport.TypeTotal::due).sum(),
                typeTotals.stream().mapToInt(ComplianceReport.TypeTotal::held).sum(),
                typeTotals.stream().mapToInt(ComplianceReport.TypeTotal::fulfilled).sum(),
                typeTotals.stream().mapToInt(ComplianceReport.TypeTotal::missing).sum(),
                typeTotals.stream().mapToInt(ComplianceReport.TypeTotal::pending).sum(), typeTotals);
        int fromIndex = (int) Math.min(page.offset(), rows.size());
        int toIndex = Math.min(fromIndex + page.size(), rows.size());
        return new ComplianceReport(orgId, period.label(), period.firstDay(), period.lastDay(),
                !now.isBefore(period.end()), totals,
                new PageResponse<>(rows.subList(fromIndex, toIndex), page.page(), page.size(), rows.size()));
    }

    private ComplianceReport.TypeCompliance typeRow(MeetingType type, Period period, Branch branch,
                                                    List<HeldMeeting> branchMeetings, Instant now) {
        Frequency frequency = rules.frequency(type);
        List<Period> cycles = frequency.cyclesIn(period);
        List<String> dueUnits = switch (type.heldBy()) {
            case GROUP -> branch.activeGroupIds();
            default -> type == MeetingType.COMMITTEE_MEETING && !branch.hasCommittee() ? List.of() : List.of(branch.id());
        };
        int held = 0;
        int withoutQuorum = 0;
        Set<String> fulfilledCycles = new HashSet<>();
        for (HeldMeeting meeting : branchMeetings) {
            if (meeting.type() != type) {
                continue;
            }
            if (!meeting.counts()) {
                withoutQuorum++;
                continue;
            }
            held++;
            fulfilledCycles.add(meeting.orgId() + "|" + Period.containing(meeting.heldAt(), frequency.months()).label());
        }
        int fulfilled = 0;
        int pending = 0;
        List<ComplianceReport.Gap> gaps = new ArrayList<>();
        for (String unit : dueUnits) {
            for (Period cycle : cycles) {
                if (fulfilledCycles.contains(unit + "|" + cycle.label())) {
                    fulfilled++;
                } else if (now.isBefore(cycle.end())) {
                    pending++;
                } else {
                    gaps.add(new ComplianceReport.Gap(unit, cycle.label()));
                }
            }
        }
        return new ComplianceReport.TypeCompliance(type, frequency, dueUnits.size() * cycles.size(), held,
                withoutQuorum, fulfilled, gaps.size(), pending, gaps);
    }

    private long fullMembers(String branchId) {
        return members.roster(branchId).stream().filter(MemberCountService.RosterEntry::fullMember).count();
    }

    private List<HeldMeeting> held(Set<String> orgIds, Period period) {
        Query query = Query.query(Criteria.where("orgId").in(orgIds).and("status").is(MeetingStatus.HELD)
                .and("heldAt").gte(period.start()).lt(period.end()));
        query.fields().include("orgId", "type", "heldAt", "quorumMet");
        return mongo.find(query, Document.class, "meetings").stream()
                .map(d -> new HeldMeeting(d.getString("orgId"), MeetingType.valueOf(d.getString("type")),
                        d.getDate("heldAt").toInstant(), d.getBoolean("quorumMet")))
                .toList();
    }
}
