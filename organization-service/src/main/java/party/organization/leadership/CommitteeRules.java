package party.organization.leadership;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import party.platform.web.ApiException;

/**
 * The rules on who may hold which role in one term (branch work regulations): at most one
 * secretary, one deputy and one of each commissioner; the full-time flag only on the secretary; a
 * committee (anyone beyond secretary and deputy) of 3 to 7 persons, and only in a branch with at
 * least 7 full members (when the roster is known). A person may hold several roles (a secretary who is also discipline
 * commissioner), so a committee's size counts persons, not roles.
 */
public final class CommitteeRules {

    private final LeadershipProperties properties;

    public CommitteeRules(LeadershipProperties properties) {
        this.properties = properties;
    }

    /**
     * The organization's roster as known from member events. An empty roster counts as unknown
     * (members not imported yet, or not a branch): then neither the holders' ids nor the committee
     * threshold can be checked, and the rules that need them are skipped.
     */
    public record Roster(Set<String> memberIds, long fullMembers) {
        public static final Roster UNKNOWN = new Roster(Set.of(), 0);

        public Roster {
            memberIds = Set.copyOf(memberIds);
        }

        boolean known() {
            return !memberIds.isEmpty();
        }
    }

    /** Refuses (422) holders that break a rule. */
    public void check(List<Holder> holders, Roster roster) {
        Map<LeadershipRole, Integer> perRole = new EnumMap<>(LeadershipRole.class);
        Set<String> roleAndPerson = new HashSet<>();
        Set<String> persons = new HashSet<>();
        for (Holder holder : holders) {
            if ((holder.role() == LeadershipRole.SECRETARY) != (holder.fullTime() != null)) {
                throw ApiException.unprocessable("leadership-full-time-flag", holder.role().label());
            }
            if (!roleAndPerson.add(holder.role() + "|" + holder.person())) {
                throw ApiException.unprocessable("leadership-duplicate-holder", holder.role().label());
            }
            int count = perRole.merge(holder.role(), 1, Integer::sum);
            if (holder.role().single() && count > 1) {
                throw ApiException.unprocessable("leadership-role-taken", holder.role().label());
            }
            if (roster.known() && holder.memberId() != null && !roster.memberIds().contains(holder.memberId())) {
                throw ApiException.unprocessable("leadership-holder-not-on-roster", holder.memberId());
            }
            persons.add(holder.person());
        }
        boolean committee = holders.stream().anyMatch(h -> h.role().committeeRole());
        if (!committee) {
            return;
        }
        if (persons.size() < properties.committeeMinSize() || persons.size() > properties.committeeMaxSize()) {
            throw ApiException.unprocessable("leadership-committee-size", persons.size(), properties.committeeMinSize(),
                    properties.committeeMaxSize());
        }
        if (roster.known() && roster.fullMembers() < properties.committeeMinFullMembers()) {
            throw ApiException.unprocessable("leadership-committee-too-few-members", roster.fullMembers(),
                    properties.committeeMinFullMembers());
        }
    }
}
