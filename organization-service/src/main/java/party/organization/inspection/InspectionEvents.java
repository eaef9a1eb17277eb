package party.organization.inspection;

import java.util.List;

/** Payloads of the inspection events on {@code party.organization} (schemas in {@code contracts/}). Dates are ISO-8601. */
public final class InspectionEvents {

    public static final String RECORDED = "party.organization.inspection-recorded.v1";
    public static final String FINDING_RAISED = "party.organization.inspection-finding-raised.v1";

    private InspectionEvents() {
    }

    /** @param actionFindingIds the findings published as {@code inspection-finding-raised} */
    public record Recorded(String inspectionId, String orgId, InspectionKind kind, String period, String inspectedOn,
                           int findingCount, List<String> actionFindingIds, long version) {
    }

    public record FindingRaised(String inspectionId, String findingId, String orgId, InspectionKind kind, String period,
                                FindingCategory category, String description, String measure, String deadline,
                                long version) {
    }
}
