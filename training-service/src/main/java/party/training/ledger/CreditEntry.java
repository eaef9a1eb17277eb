package party.training.ledger;

import java.time.Instant;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;
import party.training.support.Hours;

/**
 * One entry of the append-only credit-hour ledger (学时台账): never updated or deleted; a
 * correction is a new ADJUSTMENT entry. The id is derived from what is credited (e.g. the session
 * and the member), so the same credit can never be entered twice.
 */
@Document(CreditEntry.COLLECTION)
public class CreditEntry extends Aggregate {

    public static final String COLLECTION = "credit_entries";

    private String memberId;
    private String orgId;
    private int year;
    private long centiHours;
    private CreditSource source;
    private String sourceRef;
    private String reason;
    private String recordedBy;
    private Instant recordedAt;
    private long totalCentiAfter;
    private long targetCenti;

    CreditEntry() {
    }

    static CreditEntry record(String id, Credit credit, String orgId, long totalAfter, long target, Instant now) {
        CreditEntry entry = new CreditEntry();
        entry.id = id;
        entry.memberId = credit.memberId();
        entry.orgId = orgId;
        entry.year = credit.year();
        entry.centiHours = credit.centiHours();
        entry.source = credit.source();
        entry.sourceRef = credit.sourceRef();
        entry.reason = credit.reason();
        entry.recordedBy = credit.recordedBy();
        entry.recordedAt = now;
        entry.totalCentiAfter = totalAfter;
        entry.targetCenti = target;
        entry.raise(CreditRecorded.TYPE, new CreditRecorded(id, entry.memberId, orgId, entry.year, Hours.text(entry.centiHours),
                entry.source.name(), Hours.text(totalAfter), Hours.text(target), entry.nextVersion()));
        return entry;
    }

    public String getMemberId() {
        return memberId;
    }

    public String getOrgId() {
        return orgId;
    }

    public int getYear() {
        return year;
    }

    public long getCentiHours() {
        return centiHours;
    }

    public CreditSource getSource() {
        return source;
    }

    public String getSourceRef() {
        return sourceRef;
    }

    public String getReason() {
        return reason;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public long getTotalCentiAfter() {
        return totalCentiAfter;
    }

    public long getTargetCenti() {
        return targetCenti;
    }
}
