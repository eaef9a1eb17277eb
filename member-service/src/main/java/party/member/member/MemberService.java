package party.member.member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import party.platform.audit.AuditLog;
import party.platform.events.AggregateStore;
import party.platform.mongo.Finds;
import party.platform.orgtree.OrgNode;
import party.platform.orgtree.OrgTree;
import party.platform.pii.Masking;
import party.platform.pii.PiiCipher;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.security.Roles;
import party.platform.web.ApiException;
import party.platform.web.ETags;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/**
 * The member registry: registration into a branch and the scoped reads. Every check runs against
 * the organization as stored in the local org-tree projection, never against ids in the request.
 */
@Service
public class MemberService implements InitializingBean {

    /** Org type a member can be registered into. */
    static final String BRANCH = "BRANCH";
    /** Org type of a Party group (党小组), which a member may belong to inside their branch. */
    static final String GROUP = "GROUP";
    static final String PII_READ_ACTION = "member.pii.read";
    static final String NATIONAL_ID_INDEX = "nationalIdIndex";

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final OrgTree orgTree;
    private final PiiCipher cipher;
    private final AuditLog audit;
    private final MemberDirectory directory;

    MemberService(MongoTemplate mongo, AggregateStore store, OrgTree orgTree, PiiCipher cipher, AuditLog audit,
                  MemberDirectory directory) {
        this.mongo = mongo;
        this.store = store;
        this.orgTree = orgTree;
        this.cipher = cipher;
        this.audit = audit;
        this.directory = directory;
    }

    /** The unique blind index makes a duplicate national ID number impossible even under races. */
    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(Member.class);
        indexes.createIndex(new Index(NATIONAL_ID_INDEX, Sort.Direction.ASC).unique().named("uniqueNationalId"));
        indexes.createIndex(new Index("orgId", Sort.Direction.ASC).named("byOrg"));
    }

    /**
     * Registers a member into a branch the caller manages.
     *
     * @throws ApiException 422 unknown, dissolved or non-branch organization; 403 outside the caller's
     *                      subtrees; 409 national ID number already registered
     */
    public Member register(NewMember request, CurrentUser user) {
        return create(request, user, (nationalId, index, phone) -> Member.register(request, nationalId, index, phone,
                user.id(), Instant.now()));
    }

    /**
     * Registers a person who applies to join (development step 1) as an APPLICANT of a branch the
     * caller manages, with the same checks as {@link #register}; {@code request.status()} is ignored.
     */
    public Member registerApplicant(NewMember request, java.time.LocalDate applicationDate, CurrentUser user) {
        return create(request, user, (nationalId, index, phone) -> Member.apply(request, applicationDate, nationalId,
                index, phone, user.id(), Instant.now()));
    }

    private interface Factory {
        Member create(PiiCipher.Encrypted nationalId, String index, PiiCipher.Encrypted phone);
    }

    private Member create(NewMember request, CurrentUser user, Factory factory) {
        OrgNode org = requireBranchManaged(request.orgId(), user);
        checkProfile(request.profile(), org.id());
        String nationalId = NationalId.normalize(request.nationalId());
        String index = cipher.blindIndex(nationalId);
        if (Finds.any(mongo, Query.query(Criteria.where(NATIONAL_ID_INDEX).is(index)), Member.class)) {
            throw duplicateNationalId();
        }
        String phone = request.phone() == null || request.phone().isBlank() ? null : request.phone().strip();
        Member member = factory.create(cipher.encrypt(nationalId), index, phone == null ? null : cipher.encrypt(phone));
        Member saved;
        try {
            saved = store.save(member);
        } catch (DuplicateKeyException raced) {
            throw duplicateNationalId();
        }
        directory.recordQuietly(List.of(saved));
        return saved;
    }

    /**
     * The organization a member is registered into: an active branch the caller manages.
     *
     * @throws ApiException 422 unknown, dissolved or non-branch organization; 403 outside the caller's subtrees
     */
    private OrgNode requireBranchManaged(String orgId, CurrentUser user) {
        OrgNode org = orgTree.find(orgId).orElseThrow(() -> ApiException.unprocessable("unknown-organization", orgId));
        OrgScope.requireManaged(user, org.id(), org.ancestors());
        if (!org.active()) {
            throw ApiException.unprocessable("organization-dissolved", org.id());
        }
        if (!BRANCH.equals(org.type())) {
            throw ApiException.unprocessable("not-a-branch", org.id());
        }
        return org;
    }

    /** One refused item of a batch registration: its position in the batch and the problem's slug. */
    public record BatchError(int index, String problem) {
    }

    /**
     * Registers many members at once, all or nothing: every item is checked (branch, scope, national
     * ID number unique within the batch and in the registry) before anything is written; any
     * refusal is one 422 listing each refused item. The members are then inserted in one bulk
     * write, their directory entries set with one update per branch, their events relayed in one
     * batch.
     */
    public List<Member> registerAll(List<NewMember> requests, CurrentUser user) {
        List<BatchError> errors = new ArrayList<>();
        Map<String, Integer> indexes = new HashMap<>();
        List<String> blindIndexes = new ArrayList<>();
        Map<String, Boolean> branchChecked = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            NewMember request = requests.get(i);
            try {
                branchChecked.computeIfAbsent(request.orgId(), orgId -> requireBranchManaged(orgId, user) != null);
                checkProfile(request.profile(), request.orgId());
            } catch (ApiException e) {
                errors.add(new BatchError(i, e.slug()));
            }
            String index = cipher.blindIndex(NationalId.normalize(request.nationalId()));
            blindIndexes.add(index);
            if (indexes.putIfAbsent(index, i) != null) {
                errors.add(new BatchError(i, "member-duplicate-national-id"));
            }
        }
        Query registered = Query.query(Criteria.where(NATIONAL_ID_INDEX).in(blindIndexes));
        registered.fields().include(NATIONAL_ID_INDEX);
        for (Document taken : mongo.find(registered, Document.class, Member.COLLECTION)) {
            errors.add(new BatchError(indexes.get(taken.getString(NATIONAL_ID_INDEX)), "member-duplicate-national-id"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(BatchError::index));
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "member-batch-refused",
                    Map.of("errors", errors), errors.size());
        }
        Instant now = Instant.now();
        List<Member> members = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            NewMember request = requests.get(i);
            String phone = request.phone() == null || request.phone().isBlank() ? null : request.phone().strip();
            members.add(Member.register(request, cipher.encrypt(NationalId.normalize(request.nationalId())),
                    blindIndexes.get(i), phone == null ? null : cipher.encrypt(phone), user.id(), now));
        }
        try {
            store.insertAll(members, Member.class);
        } catch (DuplicateKeyException raced) {
            throw duplicateNationalId();
        }
        directory.recordQuietly(members);
        return members;
    }

    /**
     * Replaces a member's name, phone and profile ({@link ProfileUpdate}) for a caller managing the
     * member's branch; raises {@code party.member.profile-updated.v1} when something changed. An
     * update that changes nothing writes nothing and keeps the version.
     *
     * @throws ApiException 404 unknown member; 403 the caller does not manage the member's branch (a
     *                      write, like every write of the registry); 428/412 If-Match; 422 unknown
     *                      ethnicity or a group that is not an active group of the member's branch
     */
    public Member updateProfile(String id, ProfileUpdate update, String ifMatch, CurrentUser user) {
        Member member = mongo.findById(id, Member.class);
        OrgNode org = member == null ? null : orgTree.find(member.getOrgId()).orElse(null);
        if (org == null) {
            throw notFound();
        }
        OrgScope.requireManaged(user, org.id(), org.ancestors());
        ETags.require(ifMatch, member.getVersion());
        checkProfile(update.profile(), member.getOrgId());
        String phone = update.phone() == null || update.phone().isBlank() ? null : update.phone().strip();
        String before = member.getPhone() == null ? null : cipher.decrypt(member.getPhone());
        boolean phoneChanged = !java.util.Objects.equals(before, phone);
        List<String> changed = member.updateProfile(update.name(), phoneChanged,
                phoneChanged && phone != null ? cipher.encrypt(phone) : null, update.profile());
        if (changed.isEmpty()) {
            return member;
        }
        Member saved = store.save(member);
        directory.recordQuietly(List.of(saved));
        return saved;
    }

    /**
     * The checks a profile needs beyond its shape: a known ethnicity, and a group that is an active
     * GROUP directly under the member's branch, as the org-tree projection knows it.
     */
    private void checkProfile(MemberProfile profile, String branchId) {
        if (profile.ethnicity() != null && !Ethnicity.isKnown(profile.ethnicity())) {
            throw ApiException.unprocessable("member-ethnicity-unknown", profile.ethnicity());
        }
        if (profile.groupId() != null) {
            OrgNode group = orgTree.find(profile.groupId()).orElse(null);
            if (group == null || !group.active() || !GROUP.equals(group.type()) || !branchId.equals(group.parentId())) {
                throw ApiException.unprocessable("member-group-invalid", profile.groupId());
            }
        }
        if (length(profile.nativePlace()) > MemberProfile.MAX_NATIVE_PLACE || length(profile.workUnit()) > MemberProfile.MAX_WORK_UNIT
                || length(profile.position()) > MemberProfile.MAX_POSITION) {
            throw ApiException.badRequest("member-profile-too-long");
        }
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    /** A member the caller may see; absent and out-of-scope members are the same 404. */
    public Member get(String id, CurrentUser user) {
        Member member = mongo.findById(id, Member.class);
        if (member == null) {
            throw notFound();
        }
        requireVisible(member, user);
        return member;
    }

    /** Exact lookup through the blind index; 404 unless the member is in the caller's subtrees. */
    public Member findByNationalId(String value, CurrentUser user) {
        String index = cipher.blindIndex(NationalId.normalize(value));
        Member member = mongo.findOne(Query.query(Criteria.where(NATIONAL_ID_INDEX).is(index)), Member.class);
        if (member == null) {
            throw notFound();
        }
        requireVisible(member, user);
        return member;
    }

    /**
     * Members of the subtree of {@code orgId}, which the caller must manage, by name then id: read
     * from the {@link MemberDirectory} (one document per organization), then the page's members
     * by id. Without {@code status}, the members on the roll: ended memberships (left, deceased,
     * expelled, removed, probation cancelled, transferred out) only when asked for by status.
     */
    public PageResponse<Member> list(String orgId, MemberStatus status, String name, PageRequest page, CurrentUser user) {
        OrgNode org = orgTree.find(orgId).orElseThrow(
                () -> ApiException.notFound("not-found", OrgScope.resourceName("organization")));
        OrgScope.requireManaged(user, org.id(), org.ancestors());
        String needle = name == null || name.isBlank() ? null : name.strip();
        // The page is the first offset+size entries by name then id: kept in a bounded heap while
        // the subtree's entries stream by, so a committee's whole roster is never held at once.
        Comparator<DirectoryEntry> order = Comparator.comparing(DirectoryEntry::name,
                Comparator.nullsLast(Comparator.<String>naturalOrder())).thenComparing(DirectoryEntry::memberId);
        int keep = (int) Math.min(Integer.MAX_VALUE - 1, page.offset() + page.size());
        java.util.PriorityQueue<DirectoryEntry> first = new java.util.PriorityQueue<>(order.reversed());
        long[] total = {0};
        // Members belong to branches only (registration, transfers and the roster all require
        // one), so a branch's list is its own directory document: no subtree query.
        List<String> orgs = BRANCH.equals(org.type()) ? List.of(org.id()) : orgTree.subtreeIds(org.id());
        directory.forEach(orgs, e -> {
            if ((status == null ? ON_THE_ROLL.contains(e.status()) : status.name().equals(e.status()))
                    && (needle == null || (e.name() != null && e.name().contains(needle)))) {
                total[0]++;
                first.add(e);
                if (first.size() > keep) {
                    first.poll();
                }
            }
        });
        List<DirectoryEntry> sorted = new ArrayList<>(first);
        sorted.sort(order);
        List<String> ids = sorted.stream().skip(page.offset()).map(DirectoryEntry::memberId).toList();
        Map<String, Member> byId = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), Member.class).forEach(m -> byId.put(m.getId(), m));
        List<Member> items = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        return new PageResponse<>(items, page.page(), page.size(), total[0]);
    }

    /** Statuses listed by default: members and people in the development pipeline. */
    static final java.util.Set<String> ON_THE_ROLL = java.util.Set.of(MemberStatus.FULL.name(),
            MemberStatus.PROBATIONARY.name(), MemberStatus.APPLICANT.name(), MemberStatus.ACTIVIST.name(),
            MemberStatus.CANDIDATE.name());

    /** Plaintext personal data for a caller with {@code pii:read}; every attempt is audit-logged. */
    public Pii reveal(Member member, CurrentUser user) {
        if (!user.can(Roles.PII_READ)) {
            audit.record(user.id(), PII_READ_ACTION, member.getOrgId(), member.getId(), "DENIED");
            throw ApiException.forbidden("pii-read-forbidden");
        }
        Pii pii = new Pii(cipher.decrypt(member.getNationalId()),
                member.getPhone() == null ? null : cipher.decrypt(member.getPhone()));
        audit.record(user.id(), PII_READ_ACTION, member.getOrgId(), member.getId(), "ALLOWED");
        return pii;
    }

    /** A member's national ID number and phone as shown: plaintext ({@link #reveal}) or masked ({@link #masked}). */
    public record Pii(String nationalId, String phone) {
    }

    /** The masked view needs the plaintext only inside the service, to mask it by position. */
    public Pii masked(Member member) {
        return new Pii(Masking.nationalId(cipher.decrypt(member.getNationalId())),
                member.getPhone() == null ? null : Masking.phone(cipher.decrypt(member.getPhone())));
    }

    private void requireVisible(Member member, CurrentUser user) {
        OrgNode org = orgTree.find(member.getOrgId()).orElse(null);
        if (org == null) {
            throw notFound();
        }
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "member");
    }

    private ApiException notFound() {
        return ApiException.notFound("not-found", OrgScope.resourceName("member"));
    }

    private static ApiException duplicateNationalId() {
        return ApiException.conflict("member-duplicate-national-id");
    }

    /**
     * A registration built and encrypted like {@link #register} but NOT saved, for the roster import
     * ({@code party.member.roster}), which checks the whole sheet itself (branch, scope, blind index),
     * writes the members invisible and only then activates them.
     */
    public Member prepareRegistration(NewMember request, CurrentUser user, Instant now) {
        String nationalId = NationalId.normalize(request.nationalId());
        String phone = request.phone() == null || request.phone().isBlank() ? null : request.phone().strip();
        return Member.register(request, cipher.encrypt(nationalId), cipher.blindIndex(nationalId),
                phone == null ? null : cipher.encrypt(phone), user.id(), now);
    }

    /** The blind index of a national ID number, to look numbers up without decrypting. */
    public String blindIndexOf(String nationalId) {
        return cipher.blindIndex(NationalId.normalize(nationalId));
    }

    /** Decrypts a member's national ID number and phone without masking, for callers that audit it themselves. */
    public Pii plaintext(Member member) {
        return new Pii(cipher.decrypt(member.getNationalId()),
                member.getPhone() == null ? null : cipher.decrypt(member.getPhone()));
    }
}
