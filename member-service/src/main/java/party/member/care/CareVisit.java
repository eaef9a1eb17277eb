package party.member.care;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;
import party.platform.ids.TimeOrderedIds;

/**
 * A care visit (走访慰问) to a member, with the care fund (慰问金) handed over. The date and the
 * amount are stored as strings ("2026-07-01", "500.00"): no time zone can shift the one, no
 * binary fraction can round the other.
 */
@Document(CareVisit.COLLECTION)
public class CareVisit extends Aggregate {

    public static final String COLLECTION = "care_visits";

    private String memberId;
    private String orgId;
    private List<Visitor> visitors;
    private String date;
    private int year;
    private CareReason reason;
    private String amount;
    private String note;
    private String recordedBy;
    private Instant recordedAt;

    CareVisit() {
    }

    /** A recorded visit to a member of branch {@code orgId}; raises {@value CareVisitRecorded#TYPE}. */
    static CareVisit record(NewCareVisit request, String orgId, List<Visitor> visitors, String recordedBy, Instant now) {
        CareVisit visit = new CareVisit();
        visit.id = TimeOrderedIds.next();
        visit.memberId = request.memberId();
        visit.orgId = orgId;
        visit.visitors = List.copyOf(visitors);
        visit.date = request.date().toString();
        visit.year = request.date().getYear();
        visit.reason = request.reason();
        visit.amount = request.amount().setScale(2, RoundingMode.UNNECESSARY).toPlainString();
        visit.note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        visit.recordedBy = recordedBy;
        visit.recordedAt = now.truncatedTo(ChronoUnit.MILLIS);
        visit.raise(CareVisitRecorded.TYPE, new CareVisitRecorded(visit.id, visit.memberId, visit.orgId, visit.date,
                visit.reason.name(), visit.amount, visit.nextVersion()));
        return visit;
    }

    public String getMemberId() {
        return memberId;
    }

    public String getOrgId() {
        return orgId;
    }

    public List<Visitor> getVisitors() {
        return visitors;
    }

    public LocalDate getDate() {
        return LocalDate.parse(date);
    }

    public int getYear() {
        return year;
    }

    public CareReason getReason() {
        return reason;
    }

    public BigDecimal getAmount() {
        return new BigDecimal(amount);
    }

    public String getNote() {
        return note;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
