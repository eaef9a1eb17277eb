package party.training.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;
import party.training.support.Hours;

/** A dispatch to Party school (党校派学): who was sent, when, where, with how many credit hours. Dates are ISO strings. */
@Document(Dispatch.COLLECTION)
public class Dispatch extends Aggregate {

    public static final String COLLECTION = "dispatches";

    private String memberId;
    private String orgId;
    private String school;
    private String startDate;
    private String endDate;
    private int year;
    private long creditCenti;
    private String note;
    private String recordedBy;
    private Instant recordedAt;

    Dispatch() {
    }

    static Dispatch record(String id, String memberId, String orgId, String school, LocalDate start, LocalDate end, long creditCenti,
                           String note, String by, Instant at) {
        Dispatch d = new Dispatch();
        d.id = id;
        d.memberId = memberId;
        d.orgId = orgId;
        d.school = school;
        d.startDate = start.toString();
        d.endDate = end.toString();
        d.year = end.getYear();
        d.creditCenti = creditCenti;
        d.note = note;
        d.recordedBy = by;
        d.recordedAt = at;
        d.raise(DispatchRecorded.TYPE, new DispatchRecorded(id, memberId, orgId, school, d.startDate, d.endDate,
                Hours.text(creditCenti), d.nextVersion()));
        return d;
    }

    public String getMemberId() {
        return memberId;
    }

    public String getOrgId() {
        return orgId;
    }

    public String getSchool() {
        return school;
    }

    public LocalDate getStartDate() {
        return LocalDate.parse(startDate);
    }

    public LocalDate getEndDate() {
        return LocalDate.parse(endDate);
    }

    public int getYear() {
        return year;
    }

    public long getCreditCenti() {
        return creditCenti;
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
