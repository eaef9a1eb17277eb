package party.member.status;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.member.dues.DuesService;
import party.member.dues.UnpaidMonths;
import party.member.member.Member;
import party.member.member.MemberStatus;
import party.platform.mongo.Finds;
import party.platform.orgtree.OrgNode;
import party.platform.orgtree.OrgTree;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.ETags;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/**
 * Flags full and probationary members with {@link StatusProperties#lapseMonths()} consecutive lapsed
 * months ({@link Lapse}) for a person to decide on. A member with an open flag is not flagged again;
 * a flag resolved for one month does not stop a later month's flag if the lapse goes on.
 */
@Service
public class LapseFlagService implements InitializingBean {

    private static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");

    private final MongoTemplate mongo;
    private final OrgTree orgTree;
    private final UnpaidMonths unpaidMonths;
    private final DuesService dues;
    private final Attendance attendance;
    private final StatusProperties properties;

    LapseFlagService(MongoTemplate mongo, OrgTree orgTree, UnpaidMonths unpaidMonths, DuesService dues,
                     Attendance attendance, StatusProperties properties) {
        this.mongo = mongo;
        this.orgTree = orgTree;
        this.unpaidMonths = unpaidMonths;
        this.dues = dues;
        this.attendance = attendance;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(LapseFlag.class);
        indexes.createIndex(new Index("orgId", Sort.Direction.ASC).on("status", Sort.Direction.ASC).named("byOrgStatus"));
        indexes.createIndex(new Index("memberId", Sort.Direction.ASC).on("status", Sort.Direction.ASC).named("byMemberStatus"));
    }

    /** What a run did. */
    public record Run(String month, String orgId, int checked, int flagged, int alreadyFlagged) {
    }

    /** A run by a caller: the month not after the current one; {@code orgId} optional (default: the whole registry). */
    public Run run(YearMonth month, String orgId, CurrentUser user) {
        if (month.isAfter(YearMonth.now(CALENDAR))) {
            throw ApiException.unprocessable("lapse-flag-month-in-future", month);
        }
        if (orgId != null) {
            OrgNode org = orgTree.find(orgId).orElseThrow(
                    () -> ApiException.notFound("not-found", OrgScope.resourceName("organization")));
            OrgScope.requireVisible(user, org.id(), org.ancestors(), "organization");
        }
        return evaluate(month, orgId);
    }

    /** Evaluates the FULL/PROBATIONARY members of the subtree of {@code orgId} (null: all) for {@code month}. */
    Run evaluate(YearMonth month, String orgId) {
        Criteria criteria = Criteria.where("status").in(MemberStatus.FULL, MemberStatus.PROBATIONARY);
        if (orgId != null) {
            criteria = criteria.and("orgId").in(orgTree.subtreeIds(orgId));
        }
        int checked = 0;
        int flagged = 0;
        int already = 0;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (Member member : mongo.find(Query.query(criteria), Member.class)) {
            checked++;
            Lapse lapse = lapseOf(member, month);
            if (!lapse.flagged(properties.lapseMonths())) {
                continue;
            }
            String id = LapseFlag.idOf(member.getId(), month.toString());
            boolean open = Finds.any(mongo, Query.query(Criteria.where("memberId").is(member.getId())
                    .and("status").is(LapseFlag.Status.OPEN)), LapseFlag.class);
            if (open || Finds.any(mongo, Query.query(Criteria.where("_id").is(id)), LapseFlag.class)) {
                already++;
                continue;
            }
            try {
                mongo.insert(new LapseFlag(id, member.getId(), member.getOrgId(), month.toString(), lapse.monthsWithoutDues(),
                        lapse.monthsWithoutAttendance(), lapse.lapsedMonths(), lapse.since().toString(),
                        LapseFlag.Status.OPEN, null, null, null, null, now, null));
                flagged++;
            } catch (DuplicateKeyException concurrentRun) {
                already++;
            }
        }
        return new Run(month.toString(), orgId, checked, flagged, already);
    }

    Lapse lapseOf(Member member, YearMonth month) {
        Set<YearMonth> unpaid = new HashSet<>(unpaidMonths.unpaidMonths(member.getId(), month));
        Set<YearMonth> attended = attendance.monthsAttended(member.getId());
        return Lapse.of(month, DuesService.owesFrom(member), m -> {
            if (dues.baseFor(member.getId(), m).isEmpty()) {
                return Lapse.Dues.UNKNOWN;
            }
            return unpaid.contains(m) ? Lapse.Dues.UNPAID : Lapse.Dues.PAID;
        }, attended::contains);
    }

    /** Open flags in the subtree of {@code orgId}, oldest lapse first. */
    public PageResponse<LapseFlag> open(String orgId, PageRequest page, CurrentUser user) {
        OrgNode org = orgTree.find(orgId).orElseThrow(
                () -> ApiException.notFound("not-found", OrgScope.resourceName("organization")));
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "organization");
        List<String> subtree = orgTree.subtreeIds(org.id());
        Query query = Query.query(Criteria.where("orgId").in(subtree).and("status").is(LapseFlag.Status.OPEN));
        long total = mongo.count(query, LapseFlag.class);
        List<LapseFlag> items = mongo.find(query.with(Sort.by(Sort.Order.asc("since"), Sort.Order.asc("_id")))
                .skip(page.offset()).limit(page.size()), LapseFlag.class);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /**
     * Resolves an open flag with a note; needs {@code If-Match}.
     *
     * @throws ApiException 404 unknown or invisible, 403 not managed, 428/412 If-Match, 409 already resolved
     */
    public LapseFlag resolve(String id, LapseFlag.Resolution how, String note, String ifMatch, CurrentUser user) {
        LapseFlag flag = mongo.findById(id, LapseFlag.class);
        OrgNode org = flag == null ? null : orgTree.find(flag.orgId()).orElse(null);
        if (org == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("lapse-flag"));
        }
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "lapse-flag");
        OrgScope.requireManaged(user, org.id(), org.ancestors());
        ETags.require(ifMatch, flag.version());
        if (flag.status() != LapseFlag.Status.OPEN) {
            throw ApiException.conflict("lapse-flag-resolved", id);
        }
        try {
            return mongo.save(flag.resolve(how, note.strip(), user.id(), Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        } catch (OptimisticLockingFailureException stale) {
            throw ApiException.conflict("lapse-flag-resolved", id);
        }
    }
}
