package party.organization.health;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.organization.leadership.LeadershipQueries;
import party.organization.leadership.LeadershipStatus;
import party.organization.leadership.TermCalendar;
import party.organization.membercount.MemberCountService;
import party.organization.membercount.MemberCounts;
import party.organization.organization.Organization;
import party.organization.organization.OrganizationService;
import party.organization.organization.OrganizationType;
import party.platform.security.CurrentUser;

/**
 * The health of the structure below an organization: member counts (from member events) and
 * leadership against the branch work regulations. Three queries whatever the subtree's size.
 */
@Service
@EnableConfigurationProperties(HealthProperties.class)
public class StructureHealth {

    private final MongoTemplate mongo;
    private final OrganizationService organizations;
    private final MemberCountService members;
    private final LeadershipQueries leadership;
    private final HealthProperties limits;

    StructureHealth(MongoTemplate mongo, OrganizationService organizations, MemberCountService members,
                    LeadershipQueries leadership, HealthProperties limits) {
        this.mongo = mongo;
        this.organizations = organizations;
        this.members = members;
        this.leadership = leadership;
        this.limits = limits;
    }

    /** An organization with at least one flag. */
    public record Finding(String orgId, String name, String code, OrganizationType type, long fullMembers,
                          long members, Set<HealthFlag> flags) {
    }

    /** The flagged organizations of a subtree and how many carry each flag. */
    public record Report(String orgId, LocalDate asOf, int organizationsChecked, Map<HealthFlag, Integer> totals,
                         List<Finding> findings) {
    }

    public Report of(CurrentUser user, String id) {
        Organization root = organizations.get(user, id);
        List<Organization> subtree = mongo.find(Query.query(new Criteria().orOperator(Criteria.where("_id").is(id),
                        Criteria.where("ancestors").is(id)).and("status").is(Organization.Status.ACTIVE)
                        .and("type").ne(OrganizationType.GROUP)).with(Sort.by("depth", "code")), Organization.class);
        List<String> ids = subtree.stream().map(Organization::getId).toList();
        LocalDate today = TermCalendar.today();
        Map<String, MemberCounts.Count> counts = members.directCounts(ids);
        Map<String, LeadershipStatus> leaders = leadership.statuses(ids, today);
        Map<HealthFlag, Integer> totals = new EnumMap<>(HealthFlag.class);
        List<Finding> findings = new ArrayList<>();
        for (Organization org : subtree) {
            MemberCounts.Count count = counts.getOrDefault(org.getId(), new MemberCounts.Count(0, 0, 0));
            LeadershipStatus lead = leaders.get(org.getId());
            Set<HealthFlag> flags = flags(org.getType(), count, lead);
            if (!flags.isEmpty()) {
                flags.forEach(f -> totals.merge(f, 1, Integer::sum));
                findings.add(new Finding(org.getId(), org.getName(), org.getCode(), org.getType(), count.full(),
                        count.total(), flags));
            }
        }
        return new Report(root.getId(), today, subtree.size(), totals, findings);
    }

    Set<HealthFlag> flags(OrganizationType type, MemberCounts.Count count, LeadershipStatus lead) {
        Set<HealthFlag> flags = EnumSet.noneOf(HealthFlag.class);
        if (lead != null && lead.termExpired()) {
            flags.add(HealthFlag.TERM_EXPIRED);
        }
        if (type != OrganizationType.BRANCH) {
            return flags;
        }
        if (count.full() < limits.minFullMembers()) {
            flags.add(HealthFlag.FEW_FULL_MEMBERS);
        }
        if (count.total() > limits.maxMembers()) {
            flags.add(HealthFlag.TOO_MANY_MEMBERS);
        }
        if (count.full() >= limits.committeeFromFullMembers() && (lead == null || !lead.hasCommittee())) {
            flags.add(HealthFlag.NEEDS_COMMITTEE);
        }
        if (lead == null || !lead.hasSecretary()) {
            flags.add(HealthFlag.NO_SECRETARY);
        }
        return flags;
    }
}
