package party.assessment.metric;

import party.assessment.calendar.Period;

/** The rectification data a metric needs, supplied by the rectification capability (own data). */
public interface RectificationFigures {

    /**
     * @param due items of the organization due by the period's end and still relevant in it (deadline in
     *            the period, or earlier and not closed before the period began)
     * @param closed of those, the ones done or verified
     * @param overdue of those, the ones still open past their deadline
     */
    record Closure(long due, long closed, long overdue) {
    }

    Closure closure(String orgId, Period period);
}
