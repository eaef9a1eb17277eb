package party.member.development;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;

/**
 * A yearly development quota (发展党员指导性计划) of an organization: how many people its subtree
 * plans to admit in a calendar year. Id {@code <orgId>:<year>}.
 */
@Document(DevelopmentQuota.COLLECTION)
public class DevelopmentQuota extends Aggregate {

    public static final String COLLECTION = "development_quotas";

    private String orgId;
    private int year;
    private int quota;
    private String setBy;
    private Instant setAt;

    DevelopmentQuota() {
    }

    static String idOf(String orgId, int year) {
        return orgId + ":" + year;
    }

    static DevelopmentQuota create(String orgId, int year) {
        DevelopmentQuota q = new DevelopmentQuota();
        q.id = idOf(orgId, year);
        q.orgId = orgId;
        q.year = year;
        return q;
    }

    /** Sets the planned number; raises {@code party.member.development-quota-set.v1}. */
    void set(int quota, String by, Instant now) {
        this.quota = quota;
        this.setBy = by;
        this.setAt = now.truncatedTo(ChronoUnit.MILLIS);
        raise(DevelopmentQuotaSet.TYPE, new DevelopmentQuotaSet(orgId, year, quota, setAt, nextVersion()));
    }

    public String getOrgId() {
        return orgId;
    }

    public int getYear() {
        return year;
    }

    public int getQuota() {
        return quota;
    }

    public String getSetBy() {
        return setBy;
    }

    public Instant getSetAt() {
        return setAt;
    }
}
