package party.training.ledger;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import party.platform.orgtree.OrgNode;
import party.platform.orgtree.OrgTree;
import party.training.plan.Plans;
import party.training.plan.TrainingPlan;
import party.training.roster.Leaders;
import party.training.support.Hours;
import party.training.support.TrainingProperties;

/**
 * A member's yearly target: the leaders' target for branch secretaries and committee members
 * (anyone holding a role of a term), else the members' one; from the plan in force for the
 * member's branch (its own or the nearest ancestor's), else from configuration.
 */
@Component
public class Targets {

    private final Plans plans;
    private final OrgTree tree;
    private final Leaders leaders;
    private final TrainingProperties properties;

    Targets(Plans plans, OrgTree tree, Leaders leaders, TrainingProperties properties) {
        this.plans = plans;
        this.tree = tree;
        this.leaders = leaders;
        this.properties = properties;
    }

    /** Member and leader targets of an organization's members in a year, hundredths of an hour. */
    public record Pair(long member, long leader) {
        long of(boolean leader) {
            return leader ? this.leader : member;
        }
    }

    public long of(String memberId, String orgId, int year) {
        return forOrg(orgId, year).of(leaders.isLeader(memberId));
    }

    /** Targets change rarely and are read on every progress request: kept for a few seconds per organization and year. */
    private static final long TTL_MILLIS = 10_000;
    private final java.util.concurrent.ConcurrentHashMap<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(Pair pair, long until) {
    }

    /** A plan saved on this instance applies at once; other instances see it within the TTL. */
    @org.springframework.context.event.EventListener
    void on(party.training.plan.PlanChanged changed) {
        cache.clear();
    }

    public Pair forOrg(String orgId, int year) {
        String key = orgId + "|" + year;
        long now = System.currentTimeMillis();
        Cached cached = cache.get(key);
        if (cached != null && cached.until() > now) {
            return cached.pair();
        }
        if (cache.size() > 50_000) {
            cache.clear();
        }
        Pair pair = load(orgId, year);
        cache.put(key, new Cached(pair, now + TTL_MILLIS));
        return pair;
    }

    private Pair load(String orgId, int year) {
        OrgNode org = orgId == null ? null : tree.find(orgId).orElse(null);
        TrainingPlan plan = org == null ? null : plans.inForce(org, year).orElse(null);
        if (plan != null) {
            return new Pair(plan.getMemberTargetCenti(), plan.getLeaderTargetCenti());
        }
        return new Pair(Hours.centi(properties.targets().memberHours()), Hours.centi(properties.targets().leaderHours()));
    }

    /** A per-call cache for reports over many members. */
    public Map<String, Pair> cache() {
        return new HashMap<>();
    }
}
