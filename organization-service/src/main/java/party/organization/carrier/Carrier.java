package party.organization.carrier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;
import party.platform.web.ApiException;

/**
 * A Party-building carrier of a branch: its brand, a vanguard post, a responsibility zone, a
 * commando team or an innovation studio, with the members assigned to it.
 */
@Document("carriers")
public class Carrier extends Aggregate {

    public static final String REGISTERED = "party.organization.carrier-registered.v1";
    public static final String CHANGED = "party.organization.carrier-changed.v1";
    public static final String RETIRED = "party.organization.carrier-retired.v1";

    /** The year the first Party organization was founded; no carrier predates it. */
    static final int FIRST_YEAR = 1921;

    public enum Status { ACTIVE, RETIRED }

    private CarrierKind kind;
    @Indexed
    private String orgId;
    private String name;
    private String description;
    private int yearEstablished;
    private List<String> memberIds = new ArrayList<>();
    private Status status;
    private LocalDate retiredOn;
    /**
     * The branch id while this is its active brand, absent otherwise: the sparse unique index keeps
     * one active brand per branch even when two requests race.
     */
    @Indexed(unique = true, sparse = true)
    private String activeBrandOf;
    private String registeredBy;
    private Instant registeredAt;

    protected Carrier() {
    }

    /** What a carrier's owner can set. */
    public record Details(String name, String description, int yearEstablished, List<String> memberIds) {
        public Details {
            memberIds = memberIds == null ? List.of() : memberIds.stream().distinct().toList();
            description = description == null || description.isBlank() ? null : description;
        }
    }

    /** @param thisYear the current year in Asia/Shanghai */
    static Carrier register(CarrierKind kind, String orgId, Details details, int thisYear, String registeredBy) {
        requireYear(details.yearEstablished(), thisYear);
        Carrier carrier = new Carrier();
        carrier.id = UUID.randomUUID().toString();
        carrier.kind = kind;
        carrier.orgId = orgId;
        carrier.apply(details);
        carrier.status = Status.ACTIVE;
        carrier.activeBrandOf = kind == CarrierKind.BRANCH_BRAND ? orgId : null;
        carrier.registeredBy = registeredBy;
        carrier.registeredAt = Instant.now();
        carrier.raise(REGISTERED, carrier.change());
        return carrier;
    }

    /** @return whether anything changed (an identical update is no change and raises nothing) */
    boolean change(Details details, int thisYear) {
        requireActive();
        requireYear(details.yearEstablished(), thisYear);
        if (Objects.equals(name, details.name()) && Objects.equals(description, details.description())
                && yearEstablished == details.yearEstablished() && memberIds.equals(details.memberIds())) {
            return false;
        }
        apply(details);
        raise(CHANGED, change());
        return true;
    }

    /**
     * @param on the retirement date, today when null; neither in the future nor before the year it was established
     * @param today today in Asia/Shanghai
     */
    void retire(LocalDate on, LocalDate today) {
        requireActive();
        LocalDate date = on == null ? today : on;
        if (date.isAfter(today)) {
            throw ApiException.unprocessable("carrier-date-in-future", date);
        }
        if (date.getYear() < yearEstablished) {
            throw ApiException.unprocessable("carrier-retired-before-established", date, String.valueOf(yearEstablished));
        }
        status = Status.RETIRED;
        retiredOn = date;
        activeBrandOf = null;
        raise(RETIRED, change());
    }

    /** A retired carrier is history: it can be read, not changed. */
    void requireActive() {
        if (status == Status.RETIRED) {
            throw ApiException.conflict("carrier-retired", name);
        }
    }

    /** Whether the carrier was in place at the end of {@code year}: established by then and not retired within it. */
    boolean inPlaceAtEndOf(int year) {
        return yearEstablished <= year && (retiredOn == null || retiredOn.getYear() > year);
    }

    private void apply(Details details) {
        name = details.name();
        description = details.description();
        yearEstablished = details.yearEstablished();
        memberIds = new ArrayList<>(details.memberIds());
    }

    private static void requireYear(int year, int thisYear) {
        if (year > thisYear) {
            throw ApiException.unprocessable("carrier-year-in-future", String.valueOf(year));
        }
        if (year < FIRST_YEAR) {
            throw ApiException.unprocessable("carrier-year-too-early", String.valueOf(year), String.valueOf(FIRST_YEAR));
        }
    }

    /** What every carrier event carries: the state after the change; member ids only, no personal data. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Change(String carrierId, CarrierKind kind, String orgId, String name, int yearEstablished,
                  List<String> memberIds, String status, LocalDate retiredOn, long version) {
    }

    private Change change() {
        return new Change(id, kind, orgId, name, yearEstablished, List.copyOf(memberIds), status.name(), retiredOn,
                nextVersion());
    }

    public CarrierKind getKind() {
        return kind;
    }

    public String getOrgId() {
        return orgId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public int getYearEstablished() {
        return yearEstablished;
    }

    public List<String> getMemberIds() {
        return memberIds;
    }

    public Status getStatus() {
        return status;
    }

    public LocalDate getRetiredOn() {
        return retiredOn;
    }
}
