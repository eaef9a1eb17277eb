package party.assessment.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.mapping.Document;
import party.assessment.calendar.Period;
import party.platform.events.Aggregate;
import party.platform.web.ApiException;

/** A rectification item (整改事项): the responsible organization, the problem, the measure, a deadline, a status. */
@Document(RectificationItem.COLLECTION)
public class RectificationItem extends Aggregate {

    public static final String COLLECTION = "rectification_items";

    private String orgId;
    private RectificationSource source;
    private String sourceRef;
    private String category;
    private String problem;
    private String measure;
    private String deadline;
    private RectificationStatus status;
    private String closedOn;
    private String createdBy;
    private Instant createdAt;
    private List<Transition> history = new ArrayList<>();

    /** One change of status, who made it and why. */
    public record Transition(RectificationStatus from, RectificationStatus to, String by, Instant at, String note) {
    }

    RectificationItem() {
    }

    static RectificationItem open(String id, String orgId, RectificationSource source, String sourceRef, String category,
                                  String problem, String measure, LocalDate deadline, String by) {
        RectificationItem item = new RectificationItem();
        item.id = id == null ? UUID.randomUUID().toString() : id;
        item.orgId = orgId;
        item.source = source;
        item.sourceRef = sourceRef;
        item.category = category;
        item.problem = problem;
        item.measure = measure;
        item.deadline = deadline.toString();
        item.status = RectificationStatus.OPEN;
        item.createdBy = by;
        item.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        item.raise(RectificationEvents.OPENED, new RectificationEvents.Opened(item.id, orgId, source.name(), sourceRef,
                item.deadline, item.nextVersion()));
        return item;
    }

    /** Whether moving to {@code to} is the superior's to decide (verifying, or sending back). */
    static boolean superiorsMove(RectificationStatus from, RectificationStatus to) {
        return from == RectificationStatus.DONE;
    }

    void moveTo(RectificationStatus to, String note, String by) {
        boolean allowed = switch (status) {
            case OPEN -> to == RectificationStatus.IN_PROGRESS || to == RectificationStatus.DONE;
            case IN_PROGRESS -> to == RectificationStatus.DONE;
            case DONE -> to == RectificationStatus.VERIFIED || to == RectificationStatus.IN_PROGRESS;
            case VERIFIED -> false;
        };
        if (!allowed) {
            throw ApiException.conflict("rectification-transition", status, to);
        }
        if (status == RectificationStatus.DONE && to == RectificationStatus.IN_PROGRESS && (note == null || note.isBlank())) {
            throw ApiException.unprocessable("rectification-reason-required");
        }
        LocalDate today = Period.today();
        RectificationStatus from = status;
        status = to;
        if (to == RectificationStatus.DONE) {
            closedOn = today.toString();
        } else if (to == RectificationStatus.IN_PROGRESS) {
            closedOn = null;
        }
        history.add(new Transition(from, to, by, Instant.now().truncatedTo(ChronoUnit.MILLIS), note));
        raise(RectificationEvents.STATUS_CHANGED, new RectificationEvents.StatusChanged(id, orgId, from.name(), to.name(),
                deadline, today.toString(), overdueOn(today), nextVersion()));
    }

    /** Still open past its deadline, or closed after it. */
    public boolean overdueOn(LocalDate day) {
        LocalDate due = getDeadline();
        if (closedOn != null) {
            return LocalDate.parse(closedOn).isAfter(due);
        }
        return day.isAfter(due);
    }

    public boolean openPastDeadline(LocalDate day) {
        return !status.closed() && day.isAfter(getDeadline());
    }

    public String getOrgId() {
        return orgId;
    }

    public RectificationSource getSource() {
        return source;
    }

    public String getSourceRef() {
        return sourceRef;
    }

    public String getCategory() {
        return category;
    }

    public String getProblem() {
        return problem;
    }

    public String getMeasure() {
        return measure;
    }

    public LocalDate getDeadline() {
        return LocalDate.parse(deadline);
    }

    public RectificationStatus getStatus() {
        return status;
    }

    public LocalDate getClosedOn() {
        return closedOn == null ? null : LocalDate.parse(closedOn);
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<Transition> getHistory() {
        return history;
    }
}
