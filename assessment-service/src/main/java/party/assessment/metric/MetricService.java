package party.assessment.metric;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.assessment.calendar.Period;
import party.assessment.config.AssessmentProperties;
import party.assessment.config.Orgs;
import party.assessment.template.Metric;
import party.platform.orgtree.OrgNode;

/**
 * Computes the automatic indicators of a branch for a period from the counters the listeners keep.
 * Reading is by _id (or the branch's roster, tens of members), never a scan over history, so a
 * score is current as soon as the events are consumed.
 */
@Service
public class MetricService {

    static final long DEFAULT_TARGET_HUNDREDTHS = 3200;

    private final MongoTemplate mongo;
    private final Roster roster;
    private final Orgs orgs;
    private final AssessmentProperties properties;
    private final RectificationFigures rectification;

    MetricService(MongoTemplate mongo, Roster roster, Orgs orgs, AssessmentProperties properties,
                  RectificationFigures rectification) {
        this.mongo = mongo;
        this.roster = roster;
        this.orgs = orgs;
        this.properties = properties;
        this.rectification = rectification;
    }

    public AutomaticResult compute(Metric metric, OrgNode branch, Period period) {
        return switch (metric) {
            case ORG_LIFE_COMPLIANCE -> orgLife(branch, period);
            case TRAINING_COMPLETION -> training(branch, period);
            case MEMBER_DEVELOPMENT -> development(branch, period);
            case DUES_PAYMENT -> dues(branch, period);
            case RECTIFICATION_CLOSURE -> rectification(branch, period);
        };
    }

    // ------------------------------------------------------------------ organizational life

    AutomaticResult orgLife(OrgNode branch, Period period) {
        List<RosterEntry> members = roster.membersOf(branch.id());
        long fullMembers = members.stream().filter(m -> "FULL".equals(m.status())).count();
        List<String> groups = orgs.children(branch.id(), "GROUP").stream().map(OrgNode::id).toList();
        Map<String, Integer> asked = new LinkedHashMap<>();
        properties.orgLife().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> e.getValue() > 0 && e.getValue() <= period.months())
                .forEach(e -> asked.put(e.getKey(), e.getValue()));
        List<String> ids = new ArrayList<>();
        asked.keySet().forEach(type -> period.monthList().forEach(m -> ids.add(OrgLifeMonth.idOf(branch.id(), type, m))));
        Map<String, OrgLifeMonth> months = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), OrgLifeMonth.class).forEach(m -> months.put(m.id(), m));

        long due = 0;
        long fulfilled = 0;
        List<Map<String, Object>> types = new ArrayList<>();
        for (var entry : asked.entrySet()) {
            String type = entry.getKey();
            Set<String> units = switch (type) {
                case "GROUP_MEETING" -> new HashSet<>(groups);
                case "COMMITTEE_MEETING" -> fullMembers >= properties.committeeMinFullMembers() ? Set.of(branch.id()) : Set.of();
                default -> Set.of(branch.id());
            };
            long typeDue = 0;
            long typeFulfilled = 0;
            int held = 0;
            int planned = 0;
            int cancelled = 0;
            for (Period cycle : period.split(entry.getValue())) {
                if (!cycle.started()) {
                    continue;
                }
                Set<String> heldUnits = new HashSet<>();
                for (YearMonth month : cycle.monthList()) {
                    OrgLifeMonth m = months.get(OrgLifeMonth.idOf(branch.id(), type, month));
                    if (m == null) {
                        continue;
                    }
                    held += m.count(m.held());
                    planned += m.count(m.planned());
                    cancelled += m.count(m.cancelled());
                    if ("GROUP_MEETING".equals(type)) {
                        m.unitsOrEmpty().stream().filter(units::contains).forEach(heldUnits::add);
                    } else if (m.count(m.held()) > 0 && !units.isEmpty()) {
                        heldUnits.addAll(units);
                    }
                }
                // A cycle still running counts only once fulfilled: the month is not lost before it ends.
                typeDue += cycle.ended() ? units.size() : heldUnits.size();
                typeFulfilled += heldUnits.size();
            }
            due += typeDue;
            fulfilled += typeFulfilled;
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("meetingType", type);
            figures.put("frequencyMonths", entry.getValue());
            figures.put("units", units.size());
            figures.put("due", typeDue);
            figures.put("fulfilled", typeFulfilled);
            figures.put("held", held);
            figures.put("planned", planned);
            figures.put("cancelled", cancelled);
            types.add(figures);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("due", due);
        figures.put("fulfilled", fulfilled);
        figures.put("groups", groups.size());
        figures.put("fullMembers", fullMembers);
        figures.put("types", types);
        return AutomaticResult.of(Metric.ORG_LIFE_COMPLIANCE, fulfilled, due, figures);
    }

    // ------------------------------------------------------------------ training

    AutomaticResult training(OrgNode branch, Period period) {
        List<RosterEntry> members = roster.membersOf(branch.id());
        int year = period.year();
        Map<String, TrainingCredit> credits = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(members.stream().map(m -> TrainingCredit.idOf(m.id(), year)).toList())),
                TrainingCredit.class).forEach(c -> credits.put(c.memberId(), c));
        BigDecimal progressSum = BigDecimal.ZERO;
        long completed = 0;
        long hoursSum = 0;
        for (RosterEntry member : members) {
            TrainingCredit credit = credits.get(member.id());
            long hours = credit == null || credit.hundredths() == null ? 0 : Math.max(0, credit.hundredths());
            long target = credit == null || credit.targetHundredths() == null || credit.targetHundredths() <= 0
                    ? DEFAULT_TARGET_HUNDREDTHS : credit.targetHundredths();
            hoursSum += hours;
            if (hours >= target) {
                completed++;
            }
            progressSum = progressSum.add(BigDecimal.valueOf(Math.min(hours, target)).divide(BigDecimal.valueOf(target), 6, RoundingMode.HALF_UP));
        }
        // By the period's end only a share of the year's target is due (the seed trains March to October).
        BigDecimal expected = BigDecimal.valueOf(Math.min(period.last().getMonthValue(), properties.trainingEndMonth()))
                .divide(BigDecimal.valueOf(properties.trainingEndMonth()), 6, RoundingMode.HALF_UP);
        BigDecimal ratio;
        if (members.isEmpty()) {
            ratio = BigDecimal.ONE;
        } else {
            BigDecimal average = progressSum.divide(BigDecimal.valueOf(members.size()), 6, RoundingMode.HALF_UP);
            ratio = average.divide(expected, 4, RoundingMode.HALF_UP).min(BigDecimal.ONE);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("year", year);
        figures.put("members", members.size());
        figures.put("membersCompleted", completed);
        figures.put("averageHours", members.isEmpty() ? "0" : BigDecimal.valueOf(hoursSum)
                .divide(BigDecimal.valueOf(100L * members.size()), 2, RoundingMode.HALF_UP).toPlainString());
        figures.put("expectedShareOfTarget", expected.setScale(4, RoundingMode.HALF_UP).toPlainString());
        return new AutomaticResult(Metric.TRAINING_COMPLETION, ratio.setScale(4, RoundingMode.HALF_UP), figures);
    }

    // ------------------------------------------------------------------ development

    AutomaticResult development(OrgNode branch, Period period) {
        DevelopmentCounter counter = mongo.findById(DevelopmentCounter.idOf(branch.id(), period.year()), DevelopmentCounter.class);
        String until = period.endDate().toString();
        long admitted = counter == null || counter.admitted() == null ? 0
                : counter.admitted().stream().filter(a -> a.substring(a.lastIndexOf('|') + 1).compareTo(until) <= 0).count();
        long steps = counter == null || counter.steps() == null ? 0 : counter.steps().size();
        DevelopmentQuota held = mongo.findById(DevelopmentCounter.idOf(branch.id(), period.year()), DevelopmentQuota.class);
        Long quota = held == null ? null : held.quota();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("year", period.year());
        figures.put("quota", quota);
        figures.put("admitted", admitted);
        figures.put("stepsRecorded", steps);
        if (quota == null || quota <= 0) {
            // No development quota for the branch: nothing was asked of it.
            figures.put("expected", 0);
            return AutomaticResult.of(Metric.MEMBER_DEVELOPMENT, 0, 0, figures);
        }
        long expected = (long) Math.ceil(quota * period.last().getMonthValue() / 12.0);
        figures.put("expected", expected);
        return AutomaticResult.of(Metric.MEMBER_DEVELOPMENT, admitted, expected, figures);
    }

    // ------------------------------------------------------------------ dues

    /**
     * True arrears: the branch's bills of the period's months (dues-billed) against the months paid
     * (dues-paid). A bill is due once its month is over, and in arrears while due and not paid; the
     * score is bills paid / bills due. Members not billed (no base in force) owe nothing here. Reads
     * by _id only: one document per month of the period, then the billed members' paid months.
     */
    AutomaticResult dues(OrgNode branch, Period period) {
        List<String> ids = period.monthList().stream().map(m -> DuesBilledMonth.idOf(branch.id(), m.toString())).toList();
        List<DuesBilledMonth> billed = mongo.find(Query.query(Criteria.where("_id").in(ids)), DuesBilledMonth.class);
        Set<String> billedMembers = new HashSet<>();
        billed.forEach(m -> m.billsOrEmpty().forEach(b -> billedMembers.add(DuesBilledMonth.memberOf(b))));
        Map<String, Set<String>> paid = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(billedMembers)), DuesMonthsPaid.class)
                .forEach(d -> paid.put(d.id(), d.months() == null ? Set.of() : new HashSet<>(d.months())));
        YearMonth current = Period.currentMonth();
        long bills = 0;
        long due = 0;
        long settled = 0;
        BigDecimal amountDue = BigDecimal.ZERO.setScale(2);
        BigDecimal amountPaid = BigDecimal.ZERO.setScale(2);
        Set<String> inArrears = new HashSet<>();
        for (DuesBilledMonth month : billed) {
            // A month's dues fall into arrears once the month is over.
            boolean over = YearMonth.parse(month.month()).isBefore(current);
            for (String bill : month.billsOrEmpty()) {
                bills++;
                if (!over) {
                    continue;
                }
                String member = DuesBilledMonth.memberOf(bill);
                BigDecimal amount = DuesBilledMonth.amountOf(bill);
                due++;
                amountDue = amountDue.add(amount);
                if (paid.getOrDefault(member, Set.of()).contains(month.month())) {
                    settled++;
                    amountPaid = amountPaid.add(amount);
                } else {
                    inArrears.add(member);
                }
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("bills", bills);
        figures.put("billsDue", due);
        figures.put("billsPaid", settled);
        figures.put("billsInArrears", due - settled);
        figures.put("membersInArrears", inArrears.size());
        figures.put("amountDue", amountDue.toPlainString());
        figures.put("amountPaid", amountPaid.toPlainString());
        figures.put("amountInArrears", amountDue.subtract(amountPaid).toPlainString());
        return AutomaticResult.of(Metric.DUES_PAYMENT, settled, due, figures);
    }

    // ------------------------------------------------------------------ rectification

    AutomaticResult rectification(OrgNode branch, Period period) {
        RectificationFigures.Closure closure = rectification.closure(branch.id(), period);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("due", closure.due());
        figures.put("closed", closure.closed());
        figures.put("overdue", closure.overdue());
        return AutomaticResult.of(Metric.RECTIFICATION_CLOSURE, closure.closed(), closure.due(), figures);
    }
}
