package party.member.development;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.mapping.Document;
import party.member.member.MemberStatus;
import party.platform.events.Aggregate;
import party.platform.events.PendingEvent;
import party.platform.web.ApiException;

/**
 * A person's development record (发展档案): the explicit state machine of the 25 steps. Its id is
 * the member's id (one record per person, and its events share the member's Kafka key, so they
 * stay in order with the member's status changes). Calendar dates are ISO strings like the
 * member's. The rules that need other members (contacts and sponsors being full members) are
 * checked by {@link DevelopmentService} before a step reaches this class.
 */
@Document(DevelopmentRecord.COLLECTION)
public class DevelopmentRecord extends Aggregate {

    public static final String COLLECTION = "development_records";

    /** OPEN while steps remain; CANCELLED when probation is cancelled; COMPLETED after step 25. */
    public enum State {
        OPEN, CANCELLED, COMPLETED
    }

    /** What a recorded step does to the member's status; applied by the service to the Member aggregate. */
    public enum Effect {
        NONE(null, null),
        ACTIVIST(MemberStatus.APPLICANT, MemberStatus.ACTIVIST),
        CANDIDATE(MemberStatus.ACTIVIST, MemberStatus.CANDIDATE),
        PROBATIONARY(MemberStatus.CANDIDATE, MemberStatus.PROBATIONARY),
        FULL(MemberStatus.PROBATIONARY, MemberStatus.FULL),
        PROBATION_CANCELLED(MemberStatus.PROBATIONARY, MemberStatus.PROBATION_CANCELLED);

        private final MemberStatus from;
        private final MemberStatus to;

        Effect(MemberStatus from, MemberStatus to) {
            this.from = from;
            this.to = to;
        }

        /** The member's status the effect applies to. */
        public MemberStatus from() {
            return from;
        }

        /** The member's status once the effect is applied. */
        public MemberStatus to() {
            return to;
        }
    }

    /** Whether the member carries the effect of the latest step that has one. */
    public enum EffectState {
        /** Written with the step, the member not yet (or not known to be). */
        PENDING,
        /** The member carries it; the step's event is released. */
        APPLIED,
        /** The member changed otherwise before the repair came: left for a person, never overwritten. */
        FLAGGED
    }

    /**
     * The member change of the latest step that has one, written with the step (the intent) before
     * the member is: {@code date} is the status's effective date, {@code recordedAt} the step's
     * recording time (both as the member's event carries them). Records stored before this field
     * have none: they were written after their member, so a missing effect means applied.
     *
     * @param problem why the repair FLAGGED it; null otherwise
     */
    public record MemberEffect(int step, Effect effect, String date, Instant recordedAt, EffectState state,
                               Instant appliedAt, String problem) {
        public LocalDate localDate() {
            return LocalDate.parse(date);
        }
    }

    /** A deadline missed, kept with the record; not blocking. */
    public record Warning(int step, String code, String dueDate, String date) {
    }

    /** One recorded step, dates as ISO strings. */
    public record Entry(int step, String date, List<String> talkers, List<String> contacts, List<String> sponsors,
                        List<String> materials, Vote vote, StepInput.Outcome outcome, Integer extensionMonths,
                        Integer trainingDays, Integer trainingHours, String note, String recordedBy,
                        Instant recordedAt) {
        public LocalDate localDate() {
            return LocalDate.parse(date);
        }
    }

    private String memberId;
    private String orgId;
    private String applicationDate;
    private int currentStep;
    private State state;
    private String probationEnd;
    private boolean extended;
    private List<Entry> steps = new ArrayList<>();
    private List<Warning> warnings = new ArrayList<>();
    private MemberEffect memberEffect;
    /** The step's event while its member effect is pending: the relay does not read this field. */
    private List<PendingEvent> heldEvents = new ArrayList<>();

    DevelopmentRecord() {
    }

    /** Opens the record of a new applicant at step 1 (the application). */
    static DevelopmentRecord open(String memberId, String orgId, StepInput application, String by, Instant now,
                                  LocalDate today) {
        DevelopmentRecord record = new DevelopmentRecord();
        record.id = memberId;
        record.memberId = memberId;
        record.orgId = orgId;
        record.applicationDate = application.date().toString();
        record.state = State.OPEN;
        record.record(StepCatalogue.FIRST, application, DevelopmentProperties.defaults(), today, by, now);
        return record;
    }

    /**
     * Records step {@code step} if every rule allows it; returns what it does to the member's status.
     *
     * @throws ApiException 422 out of order, closed, a blocking interval, missing materials, a failed
     *                      vote; 400 numbers that do not add up
     */
    Effect record(int step, StepInput input, DevelopmentProperties rules, LocalDate today, String by, Instant now) {
        if (state != State.OPEN) {
            throw ApiException.unprocessable("development-record-closed", id, state.name());
        }
        int expected = nextStep();
        if (step != expected) {
            throw ApiException.unprocessable("development-step-out-of-order", step, expected);
        }
        LocalDate date = input.date();
        if (date.isAfter(today)) {
            throw ApiException.unprocessable("development-date-in-future", date.toString());
        }
        if (!steps.isEmpty() && date.isBefore(steps.getLast().localDate())) {
            throw ApiException.unprocessable("development-date-before-previous-step", date.toString(),
                    steps.getLast().date());
        }
        List<String> missing = StepCatalogue.missingMaterials(step, input.materials());
        if (!missing.isEmpty()) {
            throw new ApiException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                    "development-materials-missing", java.util.Map.of("missing", missing), step, String.join(", ", missing));
        }
        Effect effect = checkStep(step, input, rules, date);
        steps.add(new Entry(step, date.toString(), input.talkers(), input.contacts(), input.sponsors(),
                input.materials(), input.vote(), input.outcome(), input.extensionMonths(), input.trainingDays(),
                input.trainingHours(), input.note(), by, now.truncatedTo(ChronoUnit.MILLIS)));
        currentStep = step;
        raise(DevelopmentStepRecorded.TYPE, new DevelopmentStepRecorded(id, memberId, orgId, step, date.toString(),
                nextVersion()));
        if (effect != Effect.NONE) {
            memberEffect = new MemberEffect(step, effect, effectiveDate(effect, date).toString(),
                    now.truncatedTo(ChronoUnit.MILLIS), EffectState.PENDING, null, null);
        }
        return effect;
    }

    /** The step rules of each step; the blocking ones throw, the deadline ones add warnings. */
    private Effect checkStep(int step, StepInput input, DevelopmentProperties rules, LocalDate date) {
        switch (step) {
            case StepCatalogue.TALK, StepCatalogue.SUPERIOR_TALK -> {
                if (input.talkers().isEmpty()) {
                    throw ApiException.unprocessable("development-talkers-required", step);
                }
                if (step == StepCatalogue.TALK) {
                    LocalDate due = LocalDate.parse(applicationDate).plusMonths(rules.talkWithinMonths());
                    if (date.isAfter(due)) {
                        warnings.add(new Warning(step, "talk-late", due.toString(), date.toString()));
                    }
                }
                return Effect.NONE;
            }
            case StepCatalogue.ACTIVIST -> {
                return Effect.ACTIVIST;
            }
            case StepCatalogue.CONTACTS -> {
                int n = input.contacts().size();
                if (n < 1 || n > 2 || input.contacts().stream().distinct().count() != n) {
                    throw ApiException.unprocessable("development-contacts-count", n);
                }
                return Effect.NONE;
            }
            case StepCatalogue.CANDIDATE -> {
                LocalDate earliest = dateOf(StepCatalogue.ACTIVIST).plusYears(rules.activistMinYears());
                if (date.isBefore(earliest)) {
                    throw ApiException.unprocessable("development-activist-interval", earliest.toString());
                }
                return Effect.CANDIDATE;
            }
            case StepCatalogue.SPONSORS -> {
                if (input.sponsors().size() != 2 || input.sponsors().get(0).equals(input.sponsors().get(1))) {
                    throw ApiException.unprocessable("development-sponsors-count", input.sponsors().size());
                }
                return Effect.NONE;
            }
            case StepCatalogue.TRAINING -> {
                int days = input.trainingDays() == null ? 0 : input.trainingDays();
                int hours = input.trainingHours() == null ? 0 : input.trainingHours();
                if (days < rules.minTrainingDays() && hours < rules.minTrainingHours()) {
                    throw ApiException.unprocessable("development-training-insufficient", rules.minTrainingDays(),
                            rules.minTrainingHours());
                }
                return Effect.NONE;
            }
            case StepCatalogue.VOTE -> {
                Vote vote = input.vote();
                if (vote == null) {
                    throw ApiException.badRequest("development-vote-required", StepCatalogue.VOTE);
                }
                vote.requireConsistent();
                if (!vote.passed()) {
                    throw ApiException.unprocessable("development-vote-not-passed", vote.expected(), vote.present(),
                            vote.inFavour());
                }
                probationEnd = date.plusYears(rules.probationYears()).toString();
                return Effect.NONE;
            }
            case StepCatalogue.APPROVAL -> {
                LocalDate meeting = dateOf(StepCatalogue.VOTE);
                LocalDate latest = meeting.plusMonths(rules.approvalMaxMonths());
                if (date.isAfter(latest)) {
                    throw ApiException.unprocessable("development-approval-too-late", latest.toString());
                }
                LocalDate due = meeting.plusMonths(rules.approvalWarnMonths());
                if (date.isAfter(due)) {
                    warnings.add(new Warning(step, "approval-late", due.toString(), date.toString()));
                }
                return Effect.PROBATIONARY;
            }
            case StepCatalogue.FULL_MEMBERSHIP_APPLICATION -> {
                requireProbationEnded(date);
                return Effect.NONE;
            }
            case StepCatalogue.CONFIRMATION_MEETING -> {
                return confirmationMeeting(input, rules, date);
            }
            case StepCatalogue.CONFIRMATION_APPROVAL -> {
                return Effect.FULL;
            }
            case StepCatalogue.LAST -> {
                state = State.COMPLETED;
                return Effect.NONE;
            }
            default -> {
                return Effect.NONE;
            }
        }
    }

    /** Step 23: confirm or extend only once probation has ended; cancel at any time; extend only once. */
    private Effect confirmationMeeting(StepInput input, DevelopmentProperties rules, LocalDate date) {
        if (input.outcome() == null) {
            throw ApiException.badRequest("development-outcome-required");
        }
        switch (input.outcome()) {
            case CANCEL -> {
                state = State.CANCELLED;
                return Effect.PROBATION_CANCELLED;
            }
            case CONFIRM -> {
                requireProbationEnded(date);
                return Effect.NONE;
            }
            default -> {
                requireProbationEnded(date);
                if (extended) {
                    throw ApiException.unprocessable("development-extension-used");
                }
                Integer months = input.extensionMonths();
                if (months == null || months < rules.minExtensionMonths() || months > rules.maxExtensionMonths()) {
                    throw ApiException.unprocessable("development-extension-months", rules.minExtensionMonths(),
                            rules.maxExtensionMonths());
                }
                extended = true;
                probationEnd = LocalDate.parse(probationEnd).plusMonths(months).toString();
                return Effect.NONE;
            }
        }
    }

    private void requireProbationEnded(LocalDate date) {
        if (date.isBefore(getProbationEnd())) {
            throw ApiException.unprocessable("development-probation-not-ended", probationEnd);
        }
    }

    /**
     * Holds back the event of the step just recorded, before the record is written with a pending
     * member effect: it is released by the note that the member carries the effect, so that it is
     * published after the member's status change (as when the member was written first), and never
     * for a step put back because the member's write lost a race.
     */
    void holdStepEvent() {
        heldEvents.add(pendingEvents.removeLast());
    }

    /** The date the member's new status holds from: the meeting's for admission, probation's end for full membership. */
    private LocalDate effectiveDate(Effect effect, LocalDate stepDate) {
        return switch (effect) {
            case PROBATIONARY -> dateOf(StepCatalogue.VOTE);
            case FULL -> getProbationEnd();
            default -> stepDate;
        };
    }

    /** A warning found outside the record's own rules (by the service, against the registry). */
    void warn(Warning warning) {
        warnings.add(warning);
    }

    /**
     * The step to record next: the one after the last, except that an extension (step 23, EXTEND)
     * calls for another branch general meeting (step 23) once the extended probation ends.
     */
    public int nextStep() {
        if (steps.isEmpty()) {
            return StepCatalogue.FIRST;
        }
        Entry last = steps.getLast();
        if (last.step() == StepCatalogue.CONFIRMATION_MEETING && last.outcome() == StepInput.Outcome.EXTEND) {
            return StepCatalogue.CONFIRMATION_MEETING;
        }
        return last.step() + 1;
    }

    /** The date of the latest recording of a step, or null. */
    public LocalDate dateOf(int step) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).step() == step) {
                return steps.get(i).localDate();
            }
        }
        return null;
    }

    public String getMemberId() {
        return memberId;
    }

    public String getOrgId() {
        return orgId;
    }

    public LocalDate getApplicationDate() {
        return LocalDate.parse(applicationDate);
    }

    public int getCurrentStep() {
        return currentStep;
    }

    public Stage getStage() {
        return Stage.of(currentStep);
    }

    public State getState() {
        return state;
    }

    public LocalDate getProbationEnd() {
        return probationEnd == null ? null : LocalDate.parse(probationEnd);
    }

    public boolean isExtended() {
        return extended;
    }

    public List<Entry> getSteps() {
        return List.copyOf(steps);
    }

    public List<Warning> getWarnings() {
        return List.copyOf(warnings);
    }

    /** The member change of the latest step that has one; null if none was ever (or, before the field, applied). */
    public MemberEffect getMemberEffect() {
        return memberEffect;
    }

    /** Whether the latest member change is written on the record but not (known to be) on the member. */
    public boolean effectPending() {
        return memberEffect != null && memberEffect.state() == EffectState.PENDING;
    }

    /**
     * The member's relation was transferred (party.member.transfer): an open record follows them to
     * the new branch; its steps, dates and deadlines stay, so the development clock never restarts.
     */
    public void followTransfer(String toOrgId) {
        if (state == State.OPEN) {
            orgId = toOrgId;
        }
    }
}
