package party.member.dues;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's dues base from a month on: it holds until a later one takes over. One per member and
 * month ({@code id = memberId|yyyy-MM}); setting it again for the same month replaces it. Months are
 * stored as {@code yyyy-MM}, which sorts like the calendar.
 *
 * @param base after-tax regular monthly income in yuan (EMPLOYED and RETIRED), else null
 * @param farmerAmount the fixed monthly amount the branch set (FARMER), else null
 * @param monthlyAmount what the member owes a month under this base
 * @param version optimistic-concurrency version, the ETag: replacing a month's base needs If-Match
 */
@Document(DuesBase.COLLECTION)
public record DuesBase(@Id String id, String memberId, String effectiveFrom, DuesCategory category, BigDecimal base,
                       BigDecimal farmerAmount, BigDecimal monthlyAmount, String setBy, Instant setAt,
                       @Version Long version) {

    public static final String COLLECTION = "dues_bases";

    static String idOf(String memberId, YearMonth from) {
        return memberId + "|" + from;
    }

    public YearMonth from() {
        return YearMonth.parse(effectiveFrom);
    }
}
