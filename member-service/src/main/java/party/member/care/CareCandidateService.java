package party.member.care;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import party.member.birthday.Anniversaries;
import party.member.birthday.JoiningDates;
import party.member.member.Member;
import party.member.member.MemberService;
import party.member.member.MemberStatus;
import party.platform.events.AggregateStore;
import party.platform.orgtree.OrgNode;
import party.platform.orgtree.OrgTree;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.ETags;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/**
 * The lists to visit: old members (by standing or age, {@link OldMemberRule}) and members the
 * branch flagged as in difficulty; and the flags themselves.
 */
@Service
public class CareCandidateService {

    /** Which list. */
    public enum Kind { OLD_MEMBER, DIFFICULTY }

    /** What the lists read of a member: never the encrypted personal data. */
    private static final String[] MEMBER_FIELDS = JoiningDates.FIELDS;

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final OrgTree orgTree;
    private final MemberService members;
    private final CareVisitService visits;
    private final OldMemberRule rule;

    CareCandidateService(MongoTemplate mongo, AggregateStore store, OrgTree orgTree, MemberService members,
                         CareVisitService visits, CareProperties properties) {
        this.mongo = mongo;
        this.store = store;
        this.orgTree = orgTree;
        this.members = members;
        this.visits = visits;
        this.rule = OldMemberRule.of(properties);
    }

    /** Members of the subtree of {@code orgId} (visible to the caller, else 404) to visit, by name. */
    public PageResponse<CareCandidate> candidates(String orgId, Kind kind, PageRequest page, CurrentUser user) {
        List<String> subtree = visits.subtreeVisibleTo(orgId, user);
        LocalDate today = Anniversaries.today();
        List<CareCandidate> all = new ArrayList<>();
        if (kind == Kind.OLD_MEMBER) {
            // ISO date strings compare as dates: the database returns only members that can qualify.
            // Any of the dates standing may count from at or before the cutoff; the rule then decides exactly.
            String standingCutoff = rule.standingCutoff(today).toString();
            Criteria old = new Criteria().orOperator(
                    Criteria.where("birthDate").lte(rule.ageCutoff(today).toString()),
                    new Criteria().andOperator(Criteria.where("status").is(MemberStatus.FULL), new Criteria().orOperator(
                            Criteria.where("fullMembershipDate").lte(standingCutoff),
                            Criteria.where("joinedAt").lte(standingCutoff),
                            Criteria.where("admissionDate").lte(standingCutoff))));
            Query query = Query.query(new Criteria().andOperator(
                    Criteria.where("orgId").in(subtree).and("status").in(JoiningDates.PARTY_MEMBERS), old));
            query.fields().include(MEMBER_FIELDS);
            for (Member member : mongo.find(query, Member.class)) {
                List<String> grounds = rule.grounds(member.getBirthDate(), JoiningDates.standingSince(member), today);
                if (!grounds.isEmpty()) {
                    all.add(candidate(member, today, grounds, null));
                }
            }
        } else {
            Query flagged = new Query();
            flagged.fields().include("_id", "reason");
            Map<String, String> reasons = mongo.find(flagged, Document.class, DifficultyFlag.COLLECTION).stream()
                    .collect(Collectors.toMap(d -> d.get("_id").toString(), d -> d.getString("reason")));
            // The member's current branch decides, not the branch at flagging time: flags follow transfers.
            Query query = Query.query(Criteria.where("_id").in(reasons.keySet()).and("orgId").in(subtree)
                    .and("status").in(JoiningDates.PARTY_MEMBERS));
            query.fields().include(MEMBER_FIELDS);
            for (Member member : mongo.find(query, Member.class)) {
                all.add(candidate(member, today, List.of("DIFFICULTY"), reasons.get(member.getId())));
            }
        }
        all.sort(Comparator.comparing(CareCandidate::name).thenComparing(CareCandidate::memberId));
        int from = (int) Math.min(page.offset(), all.size());
        List<CareCandidate> items = all.subList(from, Math.min(from + page.size(), all.size()));
        Map<String, LocalDate> last = visits.lastVisits(items.stream().map(CareCandidate::memberId).toList());
        List<CareCandidate> withVisits = items.stream().map(c -> new CareCandidate(c.memberId(), c.name(), c.orgId(),
                c.status(), c.age(), c.standingYears(), c.grounds(), c.difficultyReason(), last.get(c.memberId()))).toList();
        return new PageResponse<>(withVisits, page.page(), page.size(), all.size());
    }

    /** The difficulty flag of a member the caller sees; 404 when there is none. */
    public DifficultyFlag flag(String memberId, CurrentUser user) {
        members.get(memberId, user);
        DifficultyFlag flag = mongo.findById(memberId, DifficultyFlag.class);
        if (flag == null) {
            throw flagNotFound();
        }
        return flag;
    }

    /** The result of setting a flag: whether it was new. */
    public record Flagged(DifficultyFlag flag, boolean created) {
    }

    /**
     * Flags a member as in difficulty, or changes the reason of an existing flag (which needs the
     * flag's ETag in {@code If-Match}).
     */
    public Flagged setFlag(String memberId, String reason, String ifMatch, CurrentUser user) {
        Member member = members.get(memberId, user);
        OrgNode org = orgTree.find(member.getOrgId()).orElseThrow();
        OrgScope.requireManaged(user, org.id(), org.ancestors());
        DifficultyFlag existing = mongo.findById(memberId, DifficultyFlag.class);
        if (existing == null) {
            return new Flagged(store.save(DifficultyFlag.of(memberId, org.id(), reason, user.id(), Instant.now())), true);
        }
        ETags.require(ifMatch, existing.getVersion());
        existing.change(org.id(), reason, user.id(), Instant.now());
        return new Flagged(store.save(existing), false);
    }

    /** Clears a member's flag; needs its ETag in {@code If-Match}. */
    public void clearFlag(String memberId, String ifMatch, CurrentUser user) {
        Member member = members.get(memberId, user);
        OrgNode org = orgTree.find(member.getOrgId()).orElseThrow();
        OrgScope.requireManaged(user, org.id(), org.ancestors());
        DifficultyFlag existing = mongo.findById(memberId, DifficultyFlag.class);
        if (existing == null) {
            throw flagNotFound();
        }
        ETags.require(ifMatch, existing.getVersion());
        long removed = mongo.remove(Query.query(Criteria.where("_id").is(memberId).and("version").is(existing.getVersion())),
                DifficultyFlag.class).getDeletedCount();
        if (removed == 0) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "stale-version", null);
        }
    }

    private static CareCandidate candidate(Member member, LocalDate today, List<String> grounds, String difficultyReason) {
        return new CareCandidate(member.getId(), member.getName(), member.getOrgId(), member.getStatus().name(),
                Anniversaries.completedYears(member.getBirthDate(), today),
                OldMemberRule.standing(JoiningDates.standingSince(member), today),
                grounds, difficultyReason, null);
    }

    private static ApiException flagNotFound() {
        return ApiException.notFound("not-found", OrgScope.resourceName("difficulty-flag"));
    }
}
