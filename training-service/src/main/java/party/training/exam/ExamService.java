package party.training.exam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.platform.events.AggregateStore;
import party.platform.orgtree.OrgNode;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.training.ledger.Credit;
import party.training.ledger.CreditSource;
import party.training.ledger.Ledger;
import party.training.plan.PlanService;
import party.training.plan.TrainingPlan;
import party.training.roster.Roster;
import party.training.roster.RosterMember;
import party.training.support.Scopes;
import party.training.support.TrainingCalendar;

/**
 * Question banks per course, exams, timed attempts graded by the server; passing an exam with
 * credit hours credits them once per member and exam.
 */
@Service
public class ExamService {

    /** Network delay allowed after the deadline. */
    static final Duration GRACE = Duration.ofSeconds(30);

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final PlanService plans;
    private final Scopes scopes;
    private final Roster roster;
    private final Ledger ledger;
    private final Clock clock;

    ExamService(MongoTemplate mongo, AggregateStore store, PlanService plans, Scopes scopes, Roster roster, Ledger ledger, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.plans = plans;
        this.scopes = scopes;
        this.roster = roster;
        this.ledger = ledger;
        this.clock = clock;
    }

    public QuestionBank addQuestion(String planId, String courseId, QuestionType type, String text, List<String> options,
                                    List<Integer> correct, CurrentUser user) {
        TrainingPlan plan = plans.managed(planId, user);
        if (plan.course(courseId).isEmpty()) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("course"));
        }
        Question question = Question.checked(UUID.randomUUID().toString(), type, text.strip(), options, correct);
        QuestionBank bank = mongo.findById(QuestionBank.idOf(courseId), QuestionBank.class);
        if (bank == null) {
            bank = QuestionBank.open(plan.getId(), plan.getOrgId(), courseId);
        }
        bank.add(question);
        return store.save(bank);
    }

    public QuestionBank bank(String planId, String courseId, CurrentUser user) {
        TrainingPlan plan = plans.managed(planId, user);
        QuestionBank bank = mongo.findById(QuestionBank.idOf(courseId), QuestionBank.class);
        if (bank == null || !bank.getPlanId().equals(plan.getId())) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("question-bank"));
        }
        return bank;
    }

    public Exam publish(String planId, String courseId, String title, Integer questionCount, int durationMinutes, int passMark,
                        long creditCenti, CurrentUser user) {
        QuestionBank bank = bank(planId, courseId, user);
        int count = questionCount == null ? bank.getQuestions().size() : questionCount;
        if (count < 1 || count > bank.getQuestions().size()) {
            throw ApiException.unprocessable("exam-question-count", count, bank.getQuestions().size());
        }
        TrainingPlan plan = plans.get(planId, user);
        return store.save(Exam.publish(UUID.randomUUID().toString(), plan.getId(), plan.getOrgId(), plan.getYear(), courseId,
                title.strip(), count, durationMinutes, passMark, creditCenti));
    }

    /** An exam the caller sees: they manage its organization or are a member of a branch under it. */
    public Exam exam(String id, CurrentUser user) {
        Exam exam = mongo.findById(id, Exam.class);
        OrgNode org = exam == null ? null : scopes.find(exam.getOrgId()).orElse(null);
        if (org == null || !(user.manages(org.ancestorsAndSelf()) || takerBranch(user, org) != null)) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("exam"));
        }
        return exam;
    }

    /** A started attempt and its questions without the answers. */
    public record Started(ExamAttempt attempt, List<Question> questions) {
    }

    public Started start(String examId, CurrentUser user) {
        Exam exam = exam(examId, user);
        RosterMember member = takerBranch(user, scopes.find(exam.getOrgId()).orElseThrow());
        if (member == null) {
            throw ApiException.forbidden("not-a-member-account");
        }
        QuestionBank bank = mongo.findById(QuestionBank.idOf(exam.getCourseId()), QuestionBank.class);
        List<Question> drawn = new ArrayList<>(bank.getQuestions());
        Collections.shuffle(drawn);
        drawn = drawn.subList(0, exam.getQuestionCount());
        ExamAttempt attempt = store.save(ExamAttempt.start(UUID.randomUUID().toString(), exam, member.id(), member.orgId(),
                drawn.stream().map(Question::id).toList(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        return new Started(attempt, drawn);
    }

    /**
     * Grades an attempt once, on time.
     *
     * @throws ApiException 409 already submitted or past the deadline (nothing stored); 404 someone else's attempt
     */
    public ExamAttempt submit(String attemptId, Map<String, List<Integer>> answers, CurrentUser user) {
        ExamAttempt attempt = mongo.findById(attemptId, ExamAttempt.class);
        if (attempt == null || !attempt.getMemberId().equals(user.memberId())) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("exam-attempt"));
        }
        if (attempt.getSubmittedAt() != null) {
            throw ApiException.conflict("exam-attempt-submitted");
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (now.isAfter(attempt.getDeadline().plus(GRACE))) {
            throw ApiException.conflict("exam-attempt-expired", attempt.getDeadline());
        }
        Exam exam = mongo.findById(attempt.getExamId(), Exam.class);
        QuestionBank bank = mongo.findById(QuestionBank.idOf(attempt.getCourseId()), QuestionBank.class);
        Map<String, Question> byId = new HashMap<>();
        bank.getQuestions().forEach(q -> byId.put(q.id(), q));
        Map<String, List<Integer>> given = new HashMap<>();
        int right = 0;
        for (String questionId : attempt.getQuestionIds()) {
            List<Integer> chosen = answers == null ? null : answers.get(questionId);
            given.put(questionId, chosen == null ? List.of() : chosen);
            if (byId.get(questionId).rightly(chosen)) {
                right++;
            }
        }
        int score = right * 100 / attempt.getQuestionIds().size();
        boolean passed = score >= exam.getPassMark();
        attempt.grade(given, score, passed, now);
        ExamAttempt graded = store.save(attempt);
        if (passed && exam.getCreditCenti() > 0) {
            ledger.credit(new Credit("EXAM|" + exam.getId() + "|" + attempt.getMemberId(), attempt.getMemberId(), attempt.getOrgId(),
                    exam.getYear(), exam.getCreditCenti(), CreditSource.EXAM, attempt.getId(), null, attempt.getMemberId()));
        }
        return graded;
    }

    /** Graded attempts of an exam, for those managing it. */
    public List<ExamAttempt> results(String examId, CurrentUser user) {
        Exam exam = exam(examId, user);
        scopes.managed(exam.getOrgId(), user);
        return mongo.find(Query.query(Criteria.where("examId").is(examId).and("submittedAt").ne(null))
                .with(Sort.by("memberId", "submittedAt")), ExamAttempt.class);
    }

    /** The caller's own graded attempts (member account), newest first. */
    public List<ExamAttempt> own(CurrentUser user) {
        if (user.memberId() == null) {
            throw ApiException.forbidden("not-a-member-account");
        }
        return mongo.find(Query.query(Criteria.where("memberId").is(user.memberId()).and("submittedAt").ne(null))
                .with(Sort.by(Sort.Order.desc("submittedAt"))).limit(200), ExamAttempt.class);
    }

    private RosterMember takerBranch(CurrentUser user, OrgNode examOrg) {
        if (user.memberId() == null) {
            return null;
        }
        RosterMember member = roster.find(user.memberId()).filter(RosterMember::active).orElse(null);
        return member != null && scopes.find(member.orgId()).map(b -> b.ancestorsAndSelf().contains(examOrg.id())).orElse(false)
                ? member : null;
    }

    static int year(Clock clock) {
        return TrainingCalendar.today(clock).getYear();
    }
}
