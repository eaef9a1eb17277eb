package party.organization.grade;

import java.time.Instant;

/**
 * The grade shown on an organization: the year evaluated, GOOD 好 / FAIRLY_GOOD 较好 / AVERAGE 一般 /
 * POOR 差, and when the superior determined it (the event's time).
 */
public record GradeView(int year, String grade, Instant determinedAt) {

    static GradeView of(CurrentGrade current) {
        return new GradeView(current.year(), current.grade(), current.determinedAt());
    }
}
