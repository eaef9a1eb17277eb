package party.training.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.platform.orgtree.OrgNode;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;
import party.training.roster.Leaders;
import party.training.roster.Roster;
import party.training.roster.RosterMember;
import party.training.support.Hours;
import party.training.support.Scopes;
import party.training.support.TrainingCalendar;

/**
 * Progress against the target: one member (a few reads by id: the maintained total, the roster
 * entry, the leader flag, the plan), and over a subtree (completion rate, members behind target).
 */
@Service
public class ProgressService {

    private final Ledger ledger;
    private final Roster roster;
    private final Leaders leaders;
    private final Targets targets;
    private final Scopes scopes;
    private final MongoTemplate mongo;
    private final Clock clock;

    ProgressService(Ledger ledger, Roster roster, Leaders leaders, Targets targets, Scopes scopes, MongoTemplate mongo,
                    Clock clock) {
        this.ledger = ledger;
        this.roster = roster;
        this.leaders = leaders;
        this.targets = targets;
        this.scopes = scopes;
        this.mongo = mongo;
        this.clock = clock;
    }

    public int year(Integer year) {
        return year == null ? TrainingCalendar.today(clock).getYear() : TrainingCalendar.checkedYear(year);
    }

    /** The caller's own progress (member account). */
    public MemberProgress own(CurrentUser user, Integer year) {
        String memberId = ownMemberId(user);
        return progress(memberId, roster.find(memberId).map(RosterMember::orgId).orElse(null), year(year));
    }

    /** A member's progress for someone managing the member's branch (or the member themself). */
    public MemberProgress of(String memberId, CurrentUser user, Integer year) {
        RosterMember member = visibleMember(memberId, user);
        return progress(memberId, member.orgId(), year(year));
    }

    public PageResponse<CreditEntry> entries(String memberId, CurrentUser user, Integer year, PageRequest page) {
        visibleMember(memberId, user);
        return ledger.entries(memberId, year(year), page);
    }

    /** A ledger entry of a member the caller may see. */
    public CreditEntry entry(String entryId, CurrentUser user) {
        CreditEntry entry = mongo.findById(entryId, CreditEntry.class);
        if (entry == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("credit-entry"));
        }
        visibleMember(entry.getMemberId(), user);
        return entry;
    }

    /** The roster entry of a member the caller may see: themself, or a member of a branch they manage. */
    RosterMember visibleMember(String memberId, CurrentUser user) {
        RosterMember member = roster.find(memberId).orElse(null);
        if (member != null && memberId.equals(user.memberId())) {
            return member;
        }
        OrgNode org = member == null ? null : scopes.find(member.orgId()).orElse(null);
        if (org == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("member"));
        }
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "member");
        return member;
    }

    static String ownMemberId(CurrentUser user) {
        if (user.memberId() == null || user.memberId().isBlank()) {
            throw ApiException.forbidden("not-a-member-account");
        }
        return user.memberId();
    }

    MemberProgress progress(String memberId, String orgId, int year) {
        Document total = ledger.totalDocument(memberId, year);
        boolean leader = leaders.isLeader(memberId);
        long target = targets.forOrg(orgId, year).of(leader);
        return toProgress(memberId, orgId, year, total, target, leader);
    }

    private static MemberProgress toProgress(String memberId, String orgId, int year, Document total, long target, boolean leader) {
        long hours = total == null ? 0 : total.get("centiHours", Number.class).longValue();
        Map<String, BigDecimal> bySource = new LinkedHashMap<>();
        if (total != null && total.get("bySource") instanceof Document sources) {
            sources.forEach((source, value) -> bySource.put(source, Hours.decimal(((Number) value).longValue())));
        }
        return new MemberProgress(memberId, orgId, year, Hours.decimal(hours), Hours.decimal(target),
                Hours.decimal(Math.max(0, target - hours)), hours >= target, leader, bySource);
    }

    /** Completion over the subtree of {@code orgId}: members counted where the roster has them now. */
    public Completion completion(String orgId, Integer year, CurrentUser user) {
        int y = year(year);
        List<MemberProgress> all = subtreeProgress(orgId, y, user);
        Map<String, List<MemberProgress>> byOrg = new LinkedHashMap<>();
        all.forEach(p -> byOrg.computeIfAbsent(p.orgId(), k -> new ArrayList<>()).add(p));
        List<Completion.PerOrganization> branches = new ArrayList<>();
        byOrg.forEach((id, members) -> branches.add(new Completion.PerOrganization(id,
                scopes.find(id).map(OrgNode::name).orElse(null), members.size(), completed(members), rate(completed(members), members.size()),
                sum(members))));
        branches.sort(Comparator.comparing(Completion.PerOrganization::orgId));
        return new Completion(orgId, y, all.size(), completed(all), rate(completed(all), all.size()), sum(all), branches);
    }

    /** Members of the subtree behind their target, furthest behind first. */
    public PageResponse<MemberProgress> behind(String orgId, Integer year, PageRequest page, CurrentUser user) {
        List<MemberProgress> behind = subtreeProgress(orgId, year(year), user).stream().filter(p -> !p.completed())
                .sorted(Comparator.comparing(MemberProgress::remainingHours).reversed().thenComparing(MemberProgress::memberId))
                .toList();
        int from = (int) Math.min(page.offset(), behind.size());
        int to = Math.min(from + page.size(), behind.size());
        return new PageResponse<>(behind.subList(from, to), page.page(), page.size(), behind.size());
    }

    /** Progress of every active member of the subtree: three queries, whatever the number of members. */
    public List<MemberProgress> subtreeProgress(String orgId, int year, CurrentUser user) {
        List<String> subtree = scopes.visibleSubtree(orgId, user);
        List<RosterMember> members = roster.activeIn(subtree);
        List<String> ids = members.stream().map(RosterMember::id).toList();
        Map<String, Document> totals = new HashMap<>();
        ledger.totals(ids, year).forEach(doc -> totals.put(doc.getString("memberId"), doc));
        Set<String> leaderIds = leaders.leadersAmong(ids);
        Map<String, Targets.Pair> pairs = new HashMap<>();
        List<MemberProgress> result = new ArrayList<>(members.size());
        for (RosterMember member : members) {
            Targets.Pair pair = pairs.computeIfAbsent(member.orgId(), id -> targets.forOrg(id, year));
            boolean leader = leaderIds.contains(member.id());
            result.add(toProgress(member.id(), member.orgId(), year, totals.get(member.id()), pair.of(leader), leader));
        }
        return result;
    }

    /** Hours credited in a year to entries of organizations of the subtree (where they were earned). */
    public BigDecimal hoursDelivered(List<String> subtree, int year) {
        Query query = Query.query(Criteria.where("orgId").in(subtree).and("year").is(year));
        query.fields().include("centiHours");
        long centi = 0;
        for (Document doc : mongo.find(query, Document.class, CreditEntry.COLLECTION)) {
            centi += doc.get("centiHours", Number.class).longValue();
        }
        return Hours.decimal(centi);
    }

    private static long completed(List<MemberProgress> members) {
        return members.stream().filter(MemberProgress::completed).count();
    }

    private static BigDecimal sum(List<MemberProgress> members) {
        return members.stream().map(MemberProgress::totalHours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(4) : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
