package party.assessment.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.assessment.calendar.Period;
import party.assessment.config.AssessmentProperties;
import party.assessment.config.Orgs;
import party.assessment.inspection.InspectionService;
import party.assessment.inspection.ScoreSheet;
import party.assessment.metric.Roster;
import party.assessment.metric.RosterEntry;
import party.platform.events.AggregateStore;
import party.platform.orgtree.OrgNode;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.ETags;

/** Evaluation and grading (评估定级): self-evaluation → member survey → the superior's determination. */
@Service
public class EvaluationService {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Orgs orgs;
    private final Roster roster;
    private final Survey survey;
    private final InspectionService inspections;
    private final GradingRules rules;

    EvaluationService(MongoTemplate mongo, AggregateStore store, Orgs orgs, Roster roster, Survey survey,
                      InspectionService inspections, AssessmentProperties properties) {
        this.mongo = mongo;
        this.store = store;
        this.orgs = orgs;
        this.roster = roster;
        this.survey = survey;
        this.inspections = inspections;
        this.rules = new GradingRules(properties.grading());
    }

    /** An evaluation with what the survey and the year's inspections say, as shown. */
    public record EvaluationView(String id, String orgId, String orgName, int year, BranchEvaluation.Status status,
                                 BigDecimal selfScore, String selfReport, Instant selfSubmittedAt, Map<SurveyAnswer, Long> survey,
                                 long respondents, long members, Map<SurveyAnswer, Long> publicSurvey, long publicRespondents, BigDecimal satisfactionRate, BigDecimal averagePeriodScore,
                                 int closedPeriods, boolean vetoedInYear, GradingRules.Outcome suggested,
                                 BranchEvaluation.Determination determination, long version) {
    }

    /** The branch's self-evaluation (score and report); opens the member survey. */
    public BranchEvaluation selfEvaluate(String orgId, int year, BigDecimal score, String report, String ifMatch, CurrentUser user) {
        OrgNode branch = orgs.managedBranch(orgId, user);
        requireYear(year);
        BranchEvaluation evaluation = mongo.findById(BranchEvaluation.idOf(branch.id(), year), BranchEvaluation.class);
        if (evaluation == null) {
            evaluation = BranchEvaluation.start(branch.id(), year);
        } else {
            ETags.require(ifMatch, evaluation.getVersion());
        }
        evaluation.selfEvaluate(score.setScale(2, RoundingMode.HALF_UP), report.strip(), user.id());
        return store.save(evaluation);
    }

    /** A member of the branch answers the survey once, from their own account; nobody can see who answered what. */
    public void answer(String orgId, int year, SurveyAnswer answer, CurrentUser user) {
        BranchEvaluation evaluation = surveyFor(orgId, year, user);
        if (evaluation.getStatus() != BranchEvaluation.Status.SURVEY) {
            throw ApiException.conflict("survey-closed", orgId, year);
        }
        survey.answer(evaluation.getId(), user.memberId(), answer);
    }

    /** The superior records the public's answers (群众测评) collected on paper; replaces what was recorded before. */
    public BranchEvaluation recordPublicSurvey(String orgId, int year, Map<SurveyAnswer, Long> counts, String ifMatch, CurrentUser user) {
        OrgNode branch = orgs.managedBranch(orgId, user);
        orgs.requireSuperior(branch, user);
        BranchEvaluation evaluation = mongo.findById(BranchEvaluation.idOf(branch.id(), year), BranchEvaluation.class);
        if (evaluation == null) {
            throw ApiException.conflict("evaluation-not-ready", orgId, year);
        }
        ETags.require(ifMatch, evaluation.getVersion());
        evaluation.recordPublicSurvey(counts, user.id());
        return store.save(evaluation);
    }

    /** Whether the calling member answered already (for the app). */
    public boolean answered(String orgId, int year, CurrentUser user) {
        BranchEvaluation evaluation = surveyFor(orgId, year, user);
        return survey.answered(evaluation.getId(), user.memberId());
    }

    private BranchEvaluation surveyFor(String orgId, int year, CurrentUser user) {
        if (user.memberId() == null) {
            throw ApiException.forbidden("survey-not-a-member", orgId);
        }
        RosterEntry entry = roster.find(user.memberId());
        if (entry == null || !entry.member() || !orgId.equals(entry.orgId())) {
            throw ApiException.forbidden("survey-not-a-member", orgId);
        }
        BranchEvaluation evaluation = mongo.findById(BranchEvaluation.idOf(orgId, year), BranchEvaluation.class);
        if (evaluation == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("evaluation"));
        }
        return evaluation;
    }

    /**
     * The superior determines the grade: the computed grade unless another is given with a reason.
     *
     * @param requested the grade chosen, or null for the computed one
     */
    public BranchEvaluation determine(String orgId, int year, BigDecimal score, Grade requested, String reason, String ifMatch,
                                      CurrentUser user) {
        OrgNode branch = orgs.managedBranch(orgId, user);
        orgs.requireSuperior(branch, user);
        BranchEvaluation evaluation = mongo.findById(BranchEvaluation.idOf(branch.id(), year), BranchEvaluation.class);
        if (evaluation == null) {
            throw ApiException.conflict("evaluation-not-ready", orgId, year);
        }
        ETags.require(ifMatch, evaluation.getVersion());
        Survey.Tally tally = survey.tally(evaluation.getId(), evaluation.getPublicSurvey());
        boolean vetoed = inspections.closedSheets(List.of(branch.id()), year).stream()
                .anyMatch(s -> s.getFrozenTotals() != null && s.getFrozenTotals().vetoed());
        BigDecimal rounded = score.setScale(2, RoundingMode.HALF_UP);
        GradingRules.Outcome outcome = rules.grade(rounded, tally.satisfactionRate(), vetoed);
        Grade grade = requested == null ? outcome.grade() : requested;
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        boolean overridden = !rules.withinRules(grade, outcome);
        if (overridden && why == null) {
            throw ApiException.unprocessable("grade-needs-reason", grade, outcome.grade());
        }
        evaluation.determine(new BranchEvaluation.Determination(rounded, outcome.grade(), outcome.appliedRules(), grade, overridden,
                overridden ? why : null, tally.satisfactionRate(), tally.respondents(), tally.publicRespondents(), user.id(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        return store.save(evaluation);
    }

    public EvaluationView view(String orgId, int year, CurrentUser user) {
        OrgNode branch = orgs.visibleBranch(orgId, user);
        BranchEvaluation evaluation = mongo.findById(BranchEvaluation.idOf(branch.id(), year), BranchEvaluation.class);
        if (evaluation == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("evaluation"));
        }
        EvaluationView view = view(evaluation, branch);
        if (evaluation.getStatus() == BranchEvaluation.Status.SURVEY && !user.manages(branch.ancestors())) {
            // While the survey runs, the branch itself sees only how many answered: watching the counts
            // move after each answer would tell who answered what in a small branch.
            return new EvaluationView(view.id(), view.orgId(), view.orgName(), view.year(), view.status(), view.selfScore(),
                    view.selfReport(), view.selfSubmittedAt(), null, view.respondents(), view.members(), null,
                    view.publicRespondents(), null,
                    view.averagePeriodScore(), view.closedPeriods(), view.vetoedInYear(), null, view.determination(), view.version());
        }
        return view;
    }

    EvaluationView view(BranchEvaluation evaluation, OrgNode branch) {
        Survey.Tally tally = survey.tally(evaluation.getId(), evaluation.getPublicSurvey());
        List<ScoreSheet> sheets = inspections.closedSheets(List.of(branch.id()), evaluation.getYear());
        BigDecimal average = average(sheets);
        boolean vetoed = sheets.stream().anyMatch(s -> s.getFrozenTotals() != null && s.getFrozenTotals().vetoed());
        BigDecimal reference = average != null ? average : evaluation.getSelfScore();
        return new EvaluationView(evaluation.getId(), branch.id(), branch.name(), evaluation.getYear(), evaluation.getStatus(),
                evaluation.getSelfScore(), evaluation.getSelfReport(), evaluation.getSelfSubmittedAt(), tally.counts(),
                tally.respondents(), roster.membersOf(branch.id()).size(), tally.publicCounts(), tally.publicRespondents(),
                tally.satisfactionRate(), average, sheets.size(), vetoed,
                reference == null ? null : rules.grade(reference, tally.satisfactionRate(), vetoed), evaluation.getDetermination(),
                evaluation.getVersion() == null ? 0 : evaluation.getVersion());
    }

    /** The average of the closed period totals (null when none is closed). */
    public static BigDecimal average(List<ScoreSheet> sheets) {
        List<BigDecimal> totals = sheets.stream().filter(s -> s.getFrozenTotals() != null).map(s -> s.getFrozenTotals().total()).toList();
        return totals.isEmpty() ? null : totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(totals.size()), 2, RoundingMode.HALF_UP);
    }

    /** The grade distribution of a subtree's branches for a year ("N 好, M 较好"). */
    public record Distribution(String orgId, int year, int branches, Map<Grade, Long> counts, long ungraded, List<BranchGrade> items) {
    }

    public record BranchGrade(String orgId, String orgName, Grade grade, boolean overridden) {
    }

    public Distribution distribution(String orgId, int year, CurrentUser user) {
        OrgNode org = orgs.visible(orgId, user);
        return distribution(org, year);
    }

    public Distribution distribution(OrgNode org, int year) {
        List<OrgNode> branches = orgs.branchesIn(org.id());
        Map<String, BranchEvaluation> evaluations = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(branches.stream().map(b -> BranchEvaluation.idOf(b.id(), year)).toList())),
                BranchEvaluation.class).forEach(e -> evaluations.put(e.getOrgId(), e));
        Map<Grade, Long> counts = new EnumMap<>(Grade.class);
        for (Grade g : Grade.values()) {
            counts.put(g, 0L);
        }
        long ungraded = 0;
        List<BranchGrade> items = new ArrayList<>();
        for (OrgNode branch : branches) {
            BranchEvaluation e = evaluations.get(branch.id());
            BranchEvaluation.Determination d = e == null ? null : e.getDetermination();
            if (d == null) {
                ungraded++;
                items.add(new BranchGrade(branch.id(), branch.name(), null, false));
            } else {
                counts.merge(d.grade(), 1L, Long::sum);
                items.add(new BranchGrade(branch.id(), branch.name(), d.grade(), d.overridden()));
            }
        }
        return new Distribution(org.id(), year, branches.size(), counts, ungraded, items);
    }

    private static void requireYear(int year) {
        if (year < 2000 || year > Period.today().getYear()) {
            throw ApiException.unprocessable("year-invalid", year);
        }
    }
}
