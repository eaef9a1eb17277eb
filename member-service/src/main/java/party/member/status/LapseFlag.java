package party.member.status;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member flagged for a person to decide on: six (configurable) consecutive months without paying
 * dues and without attending organizational life. Never a status change by itself. One per member
 * and month evaluated ({@code id = memberId_yyyy-MM}), so running the job again changes nothing.
 *
 * @param month the month evaluated, {@code yyyy-MM}
 * @param since first month of the lapsed run, {@code yyyy-MM}
 * @param resolution how it was resolved, null while open
 * @param version optimistic-concurrency version, the ETag (resolving needs If-Match)
 */
@Document(LapseFlag.COLLECTION)
public record LapseFlag(@Id String id, String memberId, String orgId, String month, int monthsWithoutDues,
                        int monthsWithoutAttendance, int lapsedMonths, String since, Status status,
                        Resolution resolution, String note, String resolvedBy, Instant resolvedAt, Instant flaggedAt,
                        @Version Long version) {

    public static final String COLLECTION = "member_lapse_flags";

    public enum Status { OPEN, RESOLVED }

    /** GOOD_REASON: the member had a good reason (illness, posting abroad...); STATUS_DECISION: handled by one. */
    public enum Resolution { GOOD_REASON, STATUS_DECISION }

    static String idOf(String memberId, String month) {
        return memberId + "_" + month;
    }

    LapseFlag resolve(Resolution how, String text, String by, Instant at) {
        return new LapseFlag(id, memberId, orgId, month, monthsWithoutDues, monthsWithoutAttendance, lapsedMonths, since,
                Status.RESOLVED, how, text, by, at, flaggedAt, version);
    }
}
