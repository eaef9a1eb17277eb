package party.member.roster;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import party.member.member.Gender;
import party.member.member.Member;
import party.member.member.MemberService;
import party.member.member.MemberStatus;
import party.member.member.NationalId;
import party.member.member.NewMember;
import party.platform.audit.AuditLog;
import party.platform.orgtree.OrgNode;
import party.platform.orgtree.OrgTree;
import party.platform.pii.Masking;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.security.Roles;
import party.platform.web.ApiException;
import party.platform.web.Problems;

/** Roster sheets in (whole or not at all) and out (masked unless asked and allowed). */
@Service
public class RosterService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RosterService.class);
    static final int MAX_ROWS = 100_000;
    public static final String MEDIA_TYPE = RosterSheet.MEDIA_TYPE;
    static final String BRANCH = "BRANCH";
    static final String EXPORT_UNMASKED_ACTION = "member.roster.export.unmasked";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<MemberStatus> ROSTER = List.of(MemberStatus.FULL, MemberStatus.PROBATIONARY);

    private final MongoTemplate mongo;
    private final MemberService members;
    private final OrgTree orgTree;
    private final RosterStaging staging;
    private final Problems problems;
    private final AuditLog audit;

    RosterService(MongoTemplate mongo, MemberService members, OrgTree orgTree, RosterStaging staging, Problems problems,
                  AuditLog audit) {
        this.mongo = mongo;
        this.members = members;
        this.orgTree = orgTree;
        this.staging = staging;
        this.problems = problems;
        this.audit = audit;
    }

    /** One row's problem as answered, the message in the caller's language. */
    public record RowProblem(int row, String column, String code, String value, String message) {
    }

    /** What an import created. */
    public record ImportResult(String importId, int created, List<String> ids) {
    }

    public ImportResult importSheet(CurrentUser user, InputStream xlsx, Locale locale) {
        long started = System.nanoTime();
        List<RosterRow> rows;
        try {
            rows = RosterSheet.read(xlsx);
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest("roster-unreadable");
        }
        if (rows.isEmpty()) {
            throw ApiException.badRequest("roster-empty");
        }
        if (rows.size() > MAX_ROWS) {
            throw ApiException.badRequest("roster-too-large", MAX_ROWS);
        }
        long read = System.nanoTime();
        Set<String> registered = registeredAmong(rows);
        Map<String, RosterCheck.OrgFacts> orgs = new HashMap<>();
        RosterCheck.Result result = RosterCheck.check(rows, id -> orgs.computeIfAbsent(id, i -> facts(user, i)),
                registered::contains, LocalDate.now(SHANGHAI));
        if (!result.ok()) {
            List<RowProblem> report = result.problems().stream().map(p -> new RowProblem(p.row(), p.column(), p.code(),
                    p.value(), problems.message("roster.error." + p.code(), locale, p.value()))).toList();
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "roster-rejected", Map.of("rows", report),
                    report.size());
        }
        long checked = System.nanoTime();
        Instant now = Instant.now();
        String importId = UUID.randomUUID().toString();
        List<Member> prepared = new ArrayList<>();
        for (RosterCheck.Checked row : result.rows()) {
            prepared.add(members.prepareRegistration(new NewMember(row.name(), row.gender(), row.birthDate(),
                    row.nationalId(), row.phone(), row.orgId(), row.status(), row.joinedAt(), row.profile(),
                    row.fullMembershipDate()), user, now));
        }
        staging.write(importId, user.id(), prepared);
        long staged = System.nanoTime();
        List<String> conflicts = staging.activate(importId);
        // Where a large import spends its time, for whoever tunes the database or the sheet size.
        log.info("roster import {}: {} rows read in {} ms, checked in {} ms, prepared and staged in {} ms, activated in {} ms",
                importId, rows.size(), millis(started, read), millis(read, checked), millis(checked, staged),
                millis(staged, System.nanoTime()));
        List<String> ids = prepared.stream().map(Member::getId).filter(id -> !conflicts.contains(id)).toList();
        return new ImportResult(importId, ids.size(), ids);
    }

    /** What an earlier import created, for a replay of its {@code Idempotency-Key}. */
    public ImportResult result(String importId) {
        RosterImport journal = mongo.findById(importId, RosterImport.class);
        if (journal == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("member"));
        }
        List<String> ids = journal.memberIds().stream().filter(id -> !journal.conflicts().contains(id)).toList();
        return new ImportResult(importId, ids.size(), ids);
    }

    /** National ID numbers of the sheet already in the registry, found through their blind index in one query. */
    private Set<String> registeredAmong(List<RosterRow> rows) {
        Map<String, String> byIndex = new HashMap<>();
        for (RosterRow row : rows) {
            String id = NationalId.normalize(row.nationalId());
            if (id != null && NationalId.isValid(id)) {
                byIndex.put(members.blindIndexOf(id), id);
            }
        }
        if (byIndex.isEmpty()) {
            return Set.of();
        }
        Query query = Query.query(Criteria.where("nationalIdIndex").in(byIndex.keySet()));
        query.fields().include("nationalIdIndex");
        Set<String> found = new HashSet<>();
        mongo.find(query, org.bson.Document.class, Member.COLLECTION)
                .forEach(doc -> found.add(byIndex.get(doc.getString("nationalIdIndex"))));
        return found;
    }

    private RosterCheck.OrgFacts facts(CurrentUser user, String orgId) {
        return orgTree.find(orgId).map(org -> new RosterCheck.OrgFacts(true, user.manages(org.ancestorsAndSelf()),
                org.active(), BRANCH.equals(org.type()))).orElse(RosterCheck.OrgFacts.UNKNOWN);
    }

    /**
     * The FULL and PROBATIONARY members of the subtree of {@code orgId}, which the caller must manage,
     * in the import's columns. ID numbers and phones are masked by position unless {@code unmasked}
     * is asked by a holder of {@code pii:read}; an unmasked export (or a refused one) is audit-logged.
     */
    public byte[] export(CurrentUser user, String orgId, boolean unmasked) {
        OrgNode org = orgTree.find(orgId).orElseThrow(
                () -> ApiException.notFound("not-found", OrgScope.resourceName("organization")));
        OrgScope.requireManaged(user, org.id(), org.ancestors());
        if (unmasked) {
            if (!user.can(Roles.PII_READ)) {
                audit.record(user.id(), EXPORT_UNMASKED_ACTION, org.id(), org.id(), "DENIED");
                throw ApiException.forbidden("pii-read-forbidden");
            }
            audit.record(user.id(), EXPORT_UNMASKED_ACTION, org.id(), org.id(), "ALLOWED");
        }
        List<String> subtree = orgTree.subtreeIds(org.id());
        List<Member> found = mongo.find(Query.query(Criteria.where("orgId").in(subtree).and("status").in(ROSTER))
                .with(Sort.by("orgId", "name", "_id")), Member.class);
        List<List<String>> rows = new ArrayList<>();
        for (Member m : found) {
            MemberService.Pii pii = members.plaintext(m);
            rows.add(java.util.Arrays.asList(m.getName(), m.getGender() == Gender.MALE ? "男" : "女",
                    m.getEthnicity(), m.getBirthDate().toString(),
                    unmasked ? pii.nationalId() : Masking.nationalId(pii.nationalId()),
                    pii.phone() == null ? null : unmasked ? pii.phone() : Masking.phone(pii.phone()),
                    m.getEducation() == null ? null : m.getEducation().label(), m.getOrgId(),
                    m.getStatus() == MemberStatus.FULL ? "正式党员" : "预备党员",
                    text(m.getJoinedAt()), text(m.getFullMembershipDate()), m.getNativePlace(), m.getWorkUnit(),
                    m.getPosition(), m.getOccupation() == null ? null : m.getOccupation().label()));
        }
        return RosterSheet.write(rows);
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
