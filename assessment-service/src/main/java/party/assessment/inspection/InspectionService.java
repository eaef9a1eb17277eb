package party.assessment.inspection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.assessment.calendar.Period;
import party.assessment.config.Orgs;
import party.assessment.metric.AutomaticResult;
import party.assessment.metric.MetricService;
import party.assessment.template.IndicatorTemplate;
import party.assessment.template.Source;
import party.assessment.template.TemplateContent;
import party.assessment.template.TemplateService;
import party.platform.events.AggregateStore;
import party.platform.orgtree.OrgNode;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.ETags;

/**
 * Monthly spot checks and quarterly inspections: inspectors score the manual indicators of a branch for
 * a period; the period score combines them with the automatic indicators, bonuses, penalties and vetoes.
 * Every check runs before the first write, so rejected input stores nothing.
 */
@Service
public class InspectionService implements InitializingBean {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Orgs orgs;
    private final TemplateService templates;
    private final MetricService metrics;

    InspectionService(MongoTemplate mongo, AggregateStore store, Orgs orgs, TemplateService templates, MetricService metrics) {
        this.mongo = mongo;
        this.store = store;
        this.orgs = orgs;
        this.templates = templates;
        this.metrics = metrics;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(ScoreSheet.class).createIndex(new Index("orgId", Sort.Direction.ASC).named("byOrg"));
    }

    /** What an inspector submits. */
    public record Scoring(List<IndicatorScore> scores, List<AdjustmentInput> bonuses, List<AdjustmentInput> penalties,
                          List<VetoInput> vetoes) {
        public Scoring {
            scores = scores == null ? List.of() : scores;
            bonuses = bonuses == null ? List.of() : bonuses;
            penalties = penalties == null ? List.of() : penalties;
            vetoes = vetoes == null ? List.of() : vetoes;
        }
    }

    public record IndicatorScore(String indicatorCode, BigDecimal score, String comment) {
    }

    public record AdjustmentInput(String code, BigDecimal points, String reason) {
    }

    public record VetoInput(String code, String reason) {
    }

    /**
     * Records scores for a branch and period; starts the sheet on the active template when it is the first.
     *
     * @param ifMatch the sheet's ETag; required once the sheet exists
     */
    public ScoreSheet score(String orgId, String periodText, Scoring scoring, String ifMatch, CurrentUser user) {
        OrgNode branch = orgs.managedBranch(orgId, user);
        Period period = Period.parse(periodText);
        InspectionKind.of(period);
        if (!period.started()) {
            throw ApiException.unprocessable("period-in-future", period.label());
        }
        ScoreSheet sheet = mongo.findById(ScoreSheet.idOf(branch.id(), period), ScoreSheet.class);
        if (sheet != null) {
            sheet.requireOpen();
            ETags.require(ifMatch, sheet.getVersion());
        }
        if (scoring.scores().isEmpty() && scoring.bonuses().isEmpty() && scoring.penalties().isEmpty() && scoring.vetoes().isEmpty()) {
            throw ApiException.unprocessable("scores-empty");
        }
        IndicatorTemplate template = sheet == null
                ? templates.active().orElseThrow(() -> ApiException.conflict("template-none-active"))
                : templates.get(sheet.getTemplateId());
        TemplateContent content = template.getContent();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        Map<String, ScoreSheet.ManualScore> manual = new LinkedHashMap<>();
        for (IndicatorScore s : scoring.scores()) {
            TemplateContent.Indicator indicator = content.indicator(s.indicatorCode())
                    .orElseThrow(() -> ApiException.unprocessable("indicator-unknown", s.indicatorCode()));
            if (indicator.source() != Source.MANUAL) {
                throw ApiException.unprocessable("indicator-automatic", s.indicatorCode());
            }
            BigDecimal score = points(s.score(), indicator.maxScore(), s.indicatorCode());
            String comment = blankToNull(s.comment());
            if (score.compareTo(indicator.maxScore()) < 0 && comment == null) {
                throw ApiException.unprocessable("deduction-comment-required", s.indicatorCode());
            }
            if (manual.put(indicator.code(), new ScoreSheet.ManualScore(score, comment, user.id(), now)) != null) {
                throw ApiException.unprocessable("duplicate-code", s.indicatorCode());
            }
        }
        Map<String, ScoreSheet.Adjustment> bonuses = adjustments(scoring.bonuses(), code -> content.bonus(code), user, now);
        Map<String, ScoreSheet.Adjustment> penalties = adjustments(scoring.penalties(), code -> content.penalty(code), user, now);
        Map<String, ScoreSheet.Veto> vetoes = new LinkedHashMap<>();
        for (VetoInput v : scoring.vetoes()) {
            content.veto(v.code()).orElseThrow(() -> ApiException.unprocessable("indicator-unknown", v.code()));
            String reason = blankToNull(v.reason());
            if (reason == null) {
                throw ApiException.unprocessable("reason-required", v.code());
            }
            if (vetoes.put(v.code(), new ScoreSheet.Veto(reason, user.id(), now)) != null) {
                throw ApiException.unprocessable("duplicate-code", v.code());
            }
        }
        if (sheet == null) {
            sheet = ScoreSheet.start(branch.id(), period, template.getId());
        }
        sheet.record(manual, bonuses, penalties, vetoes);
        return store.save(sheet);
    }

    private Map<String, ScoreSheet.Adjustment> adjustments(List<AdjustmentInput> inputs,
                                                           java.util.function.Function<String, java.util.Optional<TemplateContent.AdjustmentItem>> find,
                                                           CurrentUser user, Instant now) {
        Map<String, ScoreSheet.Adjustment> result = new LinkedHashMap<>();
        for (AdjustmentInput input : inputs) {
            TemplateContent.AdjustmentItem item = find.apply(input.code())
                    .orElseThrow(() -> ApiException.unprocessable("indicator-unknown", input.code()));
            BigDecimal points = points(input.points(), item.maxScore(), input.code());
            String reason = blankToNull(input.reason());
            if (reason == null) {
                throw ApiException.unprocessable("reason-required", input.code());
            }
            if (result.put(item.code(), new ScoreSheet.Adjustment(points, reason, user.id(), now)) != null) {
                throw ApiException.unprocessable("duplicate-code", input.code());
            }
        }
        return result;
    }

    private static BigDecimal points(BigDecimal value, BigDecimal max, String code) {
        if (value == null || value.signum() < 0) {
            throw ApiException.unprocessable("score-negative", code);
        }
        if (value.compareTo(max) > 0) {
            throw ApiException.unprocessable("score-above-max", code, value.toPlainString(), max.toPlainString());
        }
        if (value.scale() > 2) {
            throw ApiException.unprocessable("score-precision", code);
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Closes a period that is over: the automatic scores are frozen with their figures, nothing changes any more. */
    public ScoreSheet close(String orgId, String periodText, String ifMatch, CurrentUser user) {
        OrgNode branch = orgs.managedBranch(orgId, user);
        Period period = Period.parse(periodText);
        ScoreSheet sheet = mongo.findById(ScoreSheet.idOf(branch.id(), period), ScoreSheet.class);
        if (sheet == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("score-sheet"));
        }
        sheet.requireOpen();
        ETags.require(ifMatch, sheet.getVersion());
        if (!period.ended()) {
            throw ApiException.unprocessable("period-not-ended", period.label());
        }
        ScoreView view = view(sheet, branch, period);
        List<ScoreView.Line> automatic = view.indicators().stream().filter(l -> l.source() == Source.AUTOMATIC).toList();
        sheet.close(automatic, view.totals(), user.id());
        return store.save(sheet);
    }

    public ScoreView view(String orgId, String periodText, CurrentUser user) {
        OrgNode branch = orgs.visibleBranch(orgId, user);
        Period period = Period.parse(periodText);
        InspectionKind.of(period);
        return view(mongo.findById(ScoreSheet.idOf(branch.id(), period), ScoreSheet.class), branch, period);
    }

    /** The view of a sheet, or of a branch not scored yet for the period (manual in full, automatic live). */
    public ScoreView view(ScoreSheet sheet, OrgNode branch, Period period) {
        IndicatorTemplate template = sheet == null
                ? templates.active().orElseThrow(() -> ApiException.conflict("template-none-active"))
                : templates.get(sheet.getTemplateId());
        TemplateContent content = template.getContent();
        boolean closed = sheet != null && sheet.getStatus() == SheetStatus.CLOSED;
        Map<String, ScoreView.Line> frozen = new LinkedHashMap<>();
        if (closed && sheet.getFrozenAutomatic() != null) {
            sheet.getFrozenAutomatic().forEach(line -> frozen.put(line.code(), line));
        }
        Map<party.assessment.template.Metric, AutomaticResult> computed = new LinkedHashMap<>();
        List<ScoreView.Line> lines = new ArrayList<>();
        BigDecimal manualTotal = ZERO;
        BigDecimal automaticTotal = ZERO;
        for (TemplateContent.Aspect aspect : content.aspects()) {
            for (TemplateContent.Indicator indicator : aspect.indicators()) {
                ScoreView.Line line;
                if (indicator.source() == Source.MANUAL) {
                    ScoreSheet.ManualScore s = sheet == null ? null : sheet.getManual().get(indicator.code());
                    BigDecimal score = s == null ? indicator.maxScore().setScale(2) : s.score();
                    line = new ScoreView.Line(aspect.code(), indicator.code(), indicator.name(), Source.MANUAL, null,
                            indicator.maxScore(), score, s != null, s == null ? null : s.comment(), null, null);
                    manualTotal = manualTotal.add(score);
                } else if (frozen.containsKey(indicator.code())) {
                    line = frozen.get(indicator.code());
                    automaticTotal = automaticTotal.add(line.score());
                } else {
                    AutomaticResult result = computed.computeIfAbsent(indicator.metric(), m -> metrics.compute(m, branch, period));
                    BigDecimal score = result.scoreOf(indicator.maxScore());
                    line = new ScoreView.Line(aspect.code(), indicator.code(), indicator.name(), Source.AUTOMATIC,
                            indicator.metric(), indicator.maxScore(), score, true, null, result.ratio(), result.figures());
                    automaticTotal = automaticTotal.add(score);
                }
                lines.add(line);
            }
        }
        List<ScoreView.Applied> bonuses = new ArrayList<>();
        List<ScoreView.Applied> penalties = new ArrayList<>();
        List<ScoreView.Applied> vetoes = new ArrayList<>();
        if (sheet != null) {
            sheet.getBonuses().forEach((code, a) -> bonuses.add(new ScoreView.Applied(code,
                    content.bonus(code).map(TemplateContent.AdjustmentItem::name).orElse(code), a.points(), a.reason())));
            sheet.getPenalties().forEach((code, a) -> penalties.add(new ScoreView.Applied(code,
                    content.penalty(code).map(TemplateContent.AdjustmentItem::name).orElse(code), a.points(), a.reason())));
            sheet.getVetoes().forEach((code, v) -> vetoes.add(new ScoreView.Applied(code,
                    content.veto(code).map(TemplateContent.VetoItem::name).orElse(code), null, v.reason())));
        }
        BigDecimal bonus = bonuses.stream().map(ScoreView.Applied::points).reduce(ZERO, BigDecimal::add);
        BigDecimal penalty = penalties.stream().map(ScoreView.Applied::points).reduce(ZERO, BigDecimal::add);
        boolean vetoed = !vetoes.isEmpty();
        BigDecimal total = vetoed ? ZERO : manualTotal.add(automaticTotal).add(bonus).subtract(penalty).max(ZERO);
        ScoreView.Totals totals = closed && sheet.getFrozenTotals() != null ? sheet.getFrozenTotals()
                : new ScoreView.Totals(manualTotal, automaticTotal, bonus, penalty, vetoed, total);
        return new ScoreView(sheet == null ? ScoreSheet.idOf(branch.id(), period) : sheet.getId(), branch.id(), branch.name(),
                period.label(), InspectionKind.of(period), sheet == null ? SheetStatus.NOT_STARTED : sheet.getStatus(),
                template.getId(), lines, bonuses, penalties, vetoes, totals,
                sheet == null || sheet.getVersion() == null ? -1 : sheet.getVersion());
    }

    /** One period's total of a branch, for trends and rankings. */
    public record PeriodScore(String orgId, String orgName, String period, InspectionKind kind, SheetStatus status,
                              BigDecimal total, boolean vetoed, Integer rank) {
    }

    /** The branch's scored periods in order, optionally of one kind and between two periods. */
    public List<PeriodScore> trend(String orgId, InspectionKind kind, String from, String to, CurrentUser user) {
        OrgNode branch = orgs.visibleBranch(orgId, user);
        Period first = from == null ? null : Period.parse(from);
        Period last = to == null ? null : Period.parse(to);
        List<ScoreSheet> sheets = mongo.find(Query.query(Criteria.where("orgId").is(branch.id())), ScoreSheet.class).stream()
                .filter(s -> kind == null || s.getKind() == kind)
                .filter(s -> first == null || !s.getPeriod().first().isBefore(first.first()))
                .filter(s -> last == null || !s.getPeriod().last().isAfter(last.last()))
                .sorted(Comparator.comparing(ScoreSheet::getPeriod)).toList();
        return sheets.stream().map(s -> {
            ScoreView view = view(s, branch, s.getPeriod());
            return new PeriodScore(branch.id(), branch.name(), view.period(), view.kind(), view.status(), view.totals().total(),
                    view.totals().vetoed(), null);
        }).toList();
    }

    /** The branches of a subtree ranked by their total for a period (highest first; ties share a rank). */
    public List<PeriodScore> ranking(String orgId, String periodText, CurrentUser user) {
        OrgNode org = orgs.visible(orgId, user);
        return rank(orgs.branchesIn(org.id()), Period.parse(periodText));
    }

    /** A branch among its sibling branches (the branches under the same parent) for a period. */
    public List<PeriodScore> siblings(String orgId, String periodText, CurrentUser user) {
        OrgNode branch = orgs.visibleBranch(orgId, user);
        if (branch.parentId() == null) {
            return rank(List.of(branch), Period.parse(periodText));
        }
        OrgNode parent = orgs.find(branch.parentId());
        // Seeing the siblings' scores needs the parent's scope, not just the branch's.
        OrgScope.requireVisible(user, parent.id(), parent.ancestors(), "organization");
        return rank(orgs.children(parent.id(), Orgs.BRANCH), Period.parse(periodText));
    }

    List<PeriodScore> rank(List<OrgNode> branches, Period period) {
        InspectionKind.of(period);
        Map<String, ScoreSheet> sheets = new LinkedHashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(branches.stream().map(b -> ScoreSheet.idOf(b.id(), period)).toList())),
                ScoreSheet.class).forEach(s -> sheets.put(s.getOrgId(), s));
        List<PeriodScore> scores = new ArrayList<>();
        for (OrgNode branch : branches) {
            ScoreView view = view(sheets.get(branch.id()), branch, period);
            scores.add(new PeriodScore(branch.id(), branch.name(), view.period(), view.kind(), view.status(),
                    view.totals().total(), view.totals().vetoed(), null));
        }
        scores.sort(Comparator.comparing(PeriodScore::total).reversed().thenComparing(PeriodScore::orgId));
        List<PeriodScore> ranked = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            PeriodScore s = scores.get(i);
            int rank = i > 0 && scores.get(i - 1).total().compareTo(s.total()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new PeriodScore(s.orgId(), s.orgName(), s.period(), s.kind(), s.status(), s.total(), s.vetoed(), rank));
        }
        return ranked;
    }

    /** Closed sheets of branches in a year (for evaluations and reports). */
    public List<ScoreSheet> closedSheets(List<String> orgIds, int year) {
        Set<String> ids = new HashSet<>(orgIds);
        return mongo.find(Query.query(Criteria.where("orgId").in(ids).and("status").is(SheetStatus.CLOSED)), ScoreSheet.class)
                .stream().filter(s -> s.getPeriod().year() == year).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
