package party.member.development;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import party.member.intent.IntentNotes;
import party.member.member.Member;
import party.member.member.MemberService;
import party.member.member.MemberStatus;
import party.member.member.NationalId;
import party.member.member.NewMember;
import party.platform.events.AggregateStore;
import party.platform.events.OutboxRelay;
import party.platform.orgtree.OrgNode;
import party.platform.orgtree.OrgTree;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.ETags;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/**
 * The development pipeline: applications, steps, and the scoped reads. A step that changes the
 * member's status is three single-document writes (no multi-document transactions): first the
 * record, which carries the step and the pending member effect ({@link DevelopmentRecord.MemberEffect},
 * with the step's event held back) under the record's version; then the member under its own; then
 * the note that the effect is applied, which releases the step's event (so the member's status
 * change is published before the step, as before). If the member's write loses a race the record is
 * put back as it was; a crash in between leaves the effect PENDING, which
 * {@link DevelopmentEffectRepair} (or the next step on the record) completes.
 */
@Service
public class DevelopmentService implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentService.class);
    static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");
    static final int ADULT_AGE = 18;

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final OrgTree orgTree;
    private final MemberService members;
    private final DevelopmentProperties rules;
    private final IntentNotes notes;

    DevelopmentService(MongoTemplate mongo, AggregateStore store, OrgTree orgTree, MemberService members,
                       DevelopmentProperties rules, OutboxRelay relay) {
        this.mongo = mongo;
        this.store = store;
        this.orgTree = orgTree;
        this.members = members;
        this.rules = rules;
        this.notes = new IntentNotes(mongo, relay, DevelopmentRecord.COLLECTION, "memberEffect.state",
                "memberEffect.appliedAt");
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(DevelopmentRecord.class).createIndex(
                new Index("orgId", Sort.Direction.ASC).on("currentStep", Sort.Direction.ASC).named("byOrgAndStep"));
    }

    static LocalDate today() {
        return LocalDate.now(CALENDAR);
    }

    /**
     * Step 1: registers the person as an APPLICANT of the branch and opens their record.
     *
     * @throws ApiException 400 birth date differing from the national ID number; 422 under 18 on the
     *                      application date, a future date, missing materials, or what registration refuses
     */
    public DevelopmentRecord apply(NewApplication application, CurrentUser user) {
        LocalDate today = today();
        if (!application.birthDate().equals(NationalId.birthDate(application.nationalId()).orElse(null))) {
            throw ApiException.badRequest("development-birth-date-mismatch");
        }
        if (application.applicationDate().isAfter(today)) {
            throw ApiException.unprocessable("development-date-in-future", application.applicationDate().toString());
        }
        if (application.birthDate().plusYears(ADULT_AGE).isAfter(application.applicationDate())) {
            throw ApiException.unprocessable("development-applicant-under-age", ADULT_AGE);
        }
        StepInput step1 = new StepInput(application.applicationDate(), null, null, null, application.materials(), null,
                null, null, null, null, application.note());
        List<String> missing = StepCatalogue.missingMaterials(StepCatalogue.FIRST, step1.materials());
        if (!missing.isEmpty()) {
            throw new ApiException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                    "development-materials-missing", Map.of("missing", missing), StepCatalogue.FIRST,
                    String.join(", ", missing));
        }
        Member member = members.registerApplicant(new NewMember(application.name(), application.gender(),
                application.birthDate(), application.nationalId(), application.phone(), application.orgId(),
                MemberStatus.APPLICANT, null, application.profile(), null), application.applicationDate(), user);
        return store.save(DevelopmentRecord.open(member.getId(), member.getOrgId(), step1, user.id(), Instant.now(),
                today));
    }

    /**
     * Records step {@code step} of a record the caller manages.
     *
     * @throws ApiException 404 unknown or invisible; 403 visible but not managed; 412/428 If-Match; 422 a rule
     */
    public DevelopmentRecord recordStep(String id, int step, StepInput input, String ifMatch, CurrentUser user) {
        DevelopmentRecord record = get(id, user);
        OrgNode org = orgTree.find(record.getOrgId()).orElseThrow(this::notFound);
        OrgScope.requireManaged(user, org.id(), org.ancestors());
        ETags.require(ifMatch, record.getVersion());
        if (step < StepCatalogue.FIRST || step > StepCatalogue.LAST) {
            throw ApiException.badRequest("development-step-unknown", step);
        }
        if (step == StepCatalogue.CONTACTS && step == record.nextStep()) {
            requireFullMembers(input.contacts(), record, true);
        }
        if (step == StepCatalogue.SPONSORS && step == record.nextStep()) {
            requireFullMembers(input.sponsors(), record, false);
        }
        if (record.getMemberEffect() != null && record.getMemberEffect().state() != DevelopmentRecord.EffectState.APPLIED) {
            record = completeBeforeNextStep(record, user);
        }
        org.bson.Document before = new org.bson.Document();
        mongo.getConverter().write(record, before);
        Instant now = Instant.now();
        DevelopmentRecord.Effect effect = record.record(step, input, rules, today(), user.id(), now);
        if (step == StepCatalogue.VOTE) {
            warnIfVotersDiffer(record, input);
        }
        if (effect == DevelopmentRecord.Effect.NONE) {
            return store.save(record);
        }
        Member member = mongo.findById(record.getMemberId(), Member.class);
        if (member == null) {
            throw notFound();
        }
        // Applied in memory first, so that a member in another status refuses the step before any write.
        try {
            applyEffect(record.getMemberEffect(), member);
        } catch (IllegalStateException otherwiseChanged) {
            // The member's status moved outside the pipeline (e.g. a decision of another process).
            throw ApiException.conflict("development-member-status-changed", member.getStatus().name());
        }
        record.holdStepEvent();
        DevelopmentRecord saved = store.save(record);
        try {
            store.save(member);
        } catch (OptimisticLockingFailureException raced) {
            undoStep(saved, before);
            throw raced;
        }
        notes.applied(saved.getId(), saved.getMemberId(), Instant.now());
        return saved;
    }

    /** Changes the member's status as the effect says, with the step's date and recording time. */
    private static void applyEffect(DevelopmentRecord.MemberEffect effect, Member member) {
        LocalDate date = effect.localDate();
        Instant at = effect.recordedAt();
        switch (effect.effect()) {
            case ACTIVIST -> member.becomeActivist(date, at);
            case CANDIDATE -> member.becomeCandidate(date, at);
            case PROBATIONARY -> member.admitOnProbation(date, at);
            case FULL -> member.becomeFull(date, at);
            case PROBATION_CANCELLED -> member.cancelProbation(date, at);
            default -> {
            }
        }
    }

    /**
     * The member was written concurrently after the record: the record is put back as it was before
     * the step (nothing of the step was published, its event being held), so the step changed
     * nothing. Only while the effect is still PENDING; the relay's own changes to the outbox stay.
     */
    private void undoStep(DevelopmentRecord saved, org.bson.Document before) {
        org.bson.Document after = new org.bson.Document();
        mongo.getConverter().write(saved, after);
        Update restore = new Update();
        before.forEach((key, value) -> {
            if (!"_id".equals(key) && !"pendingEvents".equals(key)) {
                restore.set(key, value);
            }
        });
        after.keySet().stream().filter(key -> !before.containsKey(key)).forEach(restore::unset);
        // Not by _id alone: a repair (after a stall of the grace period) may have applied it meanwhile.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(saved.getId()).and("version").is(saved.getVersion())
                .and("memberEffect.state").is(DevelopmentRecord.EffectState.PENDING.name())), restore,
                DevelopmentRecord.COLLECTION);
    }

    /**
     * A record whose latest member effect is not applied takes no further step until it is: one
     * PENDING for longer than the repair's grace is completed here (what the repair would do); a
     * fresher one may still be in the hands of its own request (409, retry); a FLAGGED one waits for a
     * person (409).
     */
    private DevelopmentRecord completeBeforeNextStep(DevelopmentRecord record, CurrentUser user) {
        DevelopmentRecord.MemberEffect effect = record.getMemberEffect();
        if (effect.state() == DevelopmentRecord.EffectState.PENDING
                && effect.recordedAt().isBefore(Instant.now().minus(DevelopmentEffectRepair.GRACE))) {
            complete(record.getId());
            DevelopmentRecord fresh = get(record.getId(), user);
            if (fresh.getMemberEffect().state() == DevelopmentRecord.EffectState.APPLIED) {
                return fresh;
            }
            effect = fresh.getMemberEffect();
        }
        throw ApiException.conflict(effect.state() == DevelopmentRecord.EffectState.FLAGGED
                ? "development-member-effect-flagged" : "development-member-effect-pending", record.getId());
    }

    /**
     * Completes a member effect left PENDING by a crash (or a failed write) between the record's write
     * and the note. Idempotent: a member still in the effect's from-status gets it (with the step's
     * date and recording time, so the event is what the request would have published); a member
     * already in its to-status (only this pipeline moves a member along it) just gets the note; a
     * member changed otherwise is never overwritten: the effect is FLAGGED for a person and an
     * error logged.
     *
     * @return whether the effect is now applied
     * @throws OptimisticLockingFailureException the member was written concurrently; the next run retries
     */
    boolean complete(String recordId) {
        DevelopmentRecord record = mongo.findById(recordId, DevelopmentRecord.class);
        if (record == null || !record.effectPending()) {
            return false;
        }
        DevelopmentRecord.MemberEffect effect = record.getMemberEffect();
        Member member = mongo.findById(record.getMemberId(), Member.class);
        if (member == null) {
            return flag(record, "member-missing");
        }
        if (member.getStatus() == effect.effect().from()) {
            applyEffect(effect, member);
            store.save(member);
        } else if (member.getStatus() != effect.effect().to()) {
            return flag(record, "member-changed-otherwise: " + effect.effect().from() + " expected for step "
                    + effect.step() + ", member is " + member.getStatus() + " (version " + member.getVersion() + ")");
        }
        return notes.applied(record.getId(), record.getMemberId(), Instant.now());
    }

    private boolean flag(DevelopmentRecord record, String problem) {
        log.error("development record {}: the member effect of step {} cannot be completed and is flagged for a person: {}",
                record.getId(), record.getMemberEffect().step(), problem);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(record.getId())), new Update()
                .set("memberEffect.state", DevelopmentRecord.EffectState.FLAGGED.name())
                .set("memberEffect.problem", problem), DevelopmentRecord.COLLECTION);
        return false;
    }

    /**
     * The expected voters are the branch's full members; the count comes with the vote because the
     * registry may be incomplete, so a difference from the registry only warns.
     */
    private void warnIfVotersDiffer(DevelopmentRecord record, StepInput input) {
        long full = mongo.count(Query.query(Criteria.where("orgId").is(record.getOrgId())
                .and("status").is(MemberStatus.FULL)), Member.class);
        if (full != input.vote().expected()) {
            record.warn(new DevelopmentRecord.Warning(StepCatalogue.VOTE, "expected-voters-differ-from-registry", null,
                    input.date().toString()));
        }
    }

    /** Contacts must be full members of the record's branch; sponsors full members of any branch. */
    private void requireFullMembers(List<String> ids, DevelopmentRecord record, boolean sameBranch) {
        for (String memberId : ids) {
            Member member = memberId == null ? null : mongo.findById(memberId, Member.class);
            if (member == null || member.getStatus() != MemberStatus.FULL || memberId.equals(record.getMemberId())
                    || (sameBranch && !record.getOrgId().equals(member.getOrgId()))) {
                throw ApiException.unprocessable(sameBranch ? "development-contact-not-full-member"
                        : "development-sponsor-not-full-member", memberId);
            }
        }
    }

    /** A record the caller may see; absent and out-of-scope records are the same 404. */
    public DevelopmentRecord get(String id, CurrentUser user) {
        DevelopmentRecord record = mongo.findById(id, DevelopmentRecord.class);
        if (record == null) {
            throw notFound();
        }
        OrgNode org = orgTree.find(record.getOrgId()).orElseThrow(this::notFound);
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "development-record");
        return record;
    }

    /** Records of the subtree of {@code orgId}, optionally of one stage or current step, by step then id. */
    public PageResponse<DevelopmentRecord> list(String orgId, Stage stage, Integer step, PageRequest page,
                                                CurrentUser user) {
        List<String> subtree = visibleSubtree(orgId, user);
        Criteria criteria = Criteria.where("orgId").in(subtree);
        if (stage != null) {
            criteria = criteria.and("currentStep").gte(stage.first()).lte(stage.last());
        } else if (step != null) {
            criteria = criteria.and("currentStep").is(step);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, DevelopmentRecord.class);
        List<DevelopmentRecord> items = mongo.find(query.with(Sort.by("currentStep", "_id")).skip(page.offset())
                .limit(page.size()), DevelopmentRecord.class);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /** The next step of every open record in the subtree: overdue first, then by due date. */
    public List<TodoItem> todo(String orgId, CurrentUser user) {
        List<String> subtree = visibleSubtree(orgId, user);
        List<DevelopmentRecord> open = mongo.find(Query.query(Criteria.where("orgId").in(subtree)
                .and("state").is(DevelopmentRecord.State.OPEN.name())), DevelopmentRecord.class);
        Query names = Query.query(Criteria.where("_id").in(open.stream().map(DevelopmentRecord::getMemberId).toList()));
        names.fields().include("name");
        Map<String, String> nameById = mongo.find(names, org.bson.Document.class, Member.COLLECTION).stream()
                .collect(Collectors.toMap(d -> d.get("_id").toString(), d -> d.getString("name")));
        LocalDate today = today();
        return open.stream().map(r -> TodoItem.of(r, nameById.get(r.getMemberId()), rules, today))
                .sorted(Comparator.comparing((TodoItem t) -> t.urgency().ordinal())
                        .thenComparing(t -> t.dueDate() != null ? t.dueDate() : t.notBefore(),
                                Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(TodoItem::recordId))
                .toList();
    }

    public DevelopmentProperties rules() {
        return rules;
    }

    private List<String> visibleSubtree(String orgId, CurrentUser user) {
        OrgNode org = orgTree.find(orgId).orElseThrow(
                () -> ApiException.notFound("not-found", OrgScope.resourceName("organization")));
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "organization");
        return orgTree.subtreeIds(org.id());
    }

    private ApiException notFound() {
        return ApiException.notFound("not-found", OrgScope.resourceName("development-record"));
    }
}
