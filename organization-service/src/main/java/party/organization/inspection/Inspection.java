package party.organization.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import party.organization.meeting.Period;
import party.platform.events.Aggregate;

/** A monthly spot check or quarterly inspection of one branch's organizational life, with its findings. */
@Document("inspections")
@CompoundIndex(name = "org_period", def = "{'orgId': 1, 'periodFrom': 1}")
public class Inspection extends Aggregate {

    private String orgId;
    private InspectionKind kind;
    /** The period's label, e.g. {@code 2026-03} or {@code 2026-Q1}. */
    private String period;
    /** First and last month ({@code yyyy-MM}; sorts as text, so period queries are range queries). */
    private String periodFrom;
    private String periodTo;
    private LocalDate inspectedOn;
    private String inspector;
    private String summary;
    private List<Finding> findings = new ArrayList<>();
    private String recordedBy;

    protected Inspection() {
    }

    /** A finding as the inspector wrote it, before it gets its id. */
    public record NewFinding(String description, FindingCategory category, boolean needsAction, String measure,
                             LocalDate deadline) {
    }

    static Inspection record(String orgId, InspectionKind kind, Period period, LocalDate inspectedOn, String inspector,
                             String summary, List<NewFinding> findings, String by) {
        Inspection inspection = new Inspection();
        inspection.id = UUID.randomUUID().toString();
        inspection.orgId = orgId;
        inspection.kind = kind;
        inspection.period = period.label();
        inspection.periodFrom = period.first().toString();
        inspection.periodTo = period.last().toString();
        inspection.inspectedOn = inspectedOn;
        inspection.inspector = inspector;
        inspection.summary = summary;
        inspection.recordedBy = by;
        for (NewFinding f : findings) {
            inspection.findings.add(new Finding(UUID.randomUUID().toString(), f.description(), f.category(),
                    f.needsAction(), f.needsAction() ? f.measure() : null, f.needsAction() ? f.deadline() : null));
        }
        long version = inspection.nextVersion();
        List<Finding> actions = inspection.findings.stream().filter(Finding::needsAction).toList();
        inspection.raise(InspectionEvents.RECORDED, new InspectionEvents.Recorded(inspection.id, orgId, kind,
                inspection.period, inspectedOn.toString(), inspection.findings.size(),
                actions.stream().map(Finding::findingId).toList(), version));
        for (Finding f : actions) {
            inspection.raise(InspectionEvents.FINDING_RAISED, new InspectionEvents.FindingRaised(inspection.id, f.findingId(),
                    orgId, kind, inspection.period, f.category(), f.description(), f.measure(),
                    f.deadline().toString(), version));
        }
        return inspection;
    }

    public String getOrgId() {
        return orgId;
    }

    public InspectionKind getKind() {
        return kind;
    }

    public String getPeriod() {
        return period;
    }

    public LocalDate getInspectedOn() {
        return inspectedOn;
    }

    public String getInspector() {
        return inspector;
    }

    public String getSummary() {
        return summary;
    }

    public List<Finding> getFindings() {
        return findings;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
