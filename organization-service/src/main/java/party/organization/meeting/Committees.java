package party.organization.meeting;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;
import party.organization.leadership.Holder;
import party.organization.leadership.LeadershipProperties;
import party.organization.leadership.LeadershipQueries;
import party.organization.leadership.LeadershipStatus;
import party.organization.leadership.Term;

/**
 * Branch committees as the leadership records know them; the one place this feature reads the
 * leadership feature, so that where leadership has not been recorded yet the fallbacks are
 * explicit.
 */
@Component
class Committees {

    private final LeadershipQueries leadership;
    private final LeadershipProperties rules;

    Committees(LeadershipQueries leadership, LeadershipProperties rules) {
        this.leadership = leadership;
        this.rules = rules;
    }

    /**
     * The member ids of the branch's current committee (every holder of the current term: secretary,
     * deputy, commissioners, members), when a committee is recorded and every holder has a member id;
     * empty otherwise, and the caller names the committee itself.
     */
    Optional<List<String>> members(String branchId) {
        Optional<Term> term = leadership.currentTerm(branchId).filter(Term::committee);
        if (term.isEmpty() || term.get().holders().stream().anyMatch(h -> h.memberId() == null || h.memberId().isBlank())) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(new LinkedHashSet<>(term.get().holders().stream().map(Holder::memberId).toList())));
    }

    /**
     * Those of the branches that have a committee: by the recorded current term where there is one;
     * where leadership was never recorded, those with enough full members to elect one
     * ({@code party.organization.leadership.committee-min-full-members}, 7).
     */
    Set<String> withCommittee(Collection<String> branchIds, LocalDate today, ToLongFunction<String> fullMembers) {
        Map<String, LeadershipStatus> statuses = leadership.statuses(branchIds, today);
        Set<String> with = new HashSet<>();
        for (String id : branchIds) {
            LeadershipStatus status = statuses.get(id);
            boolean committee = status != null && status.hasTerm() ? status.hasCommittee()
                    : fullMembers.applyAsLong(id) >= rules.committeeMinFullMembers();
            if (committee) {
                with.add(id);
            }
        }
        return with;
    }
}
