package party.assessment.rectification;

/** Event data of rectification items; schemas in {@code contracts/party.assessment.rectification-*.v1.schema.json}. */
final class RectificationEvents {

    static final String OPENED = "party.assessment.rectification-opened.v1";
    static final String STATUS_CHANGED = "party.assessment.rectification-status-changed.v1";

    private RectificationEvents() {
    }

    /** @param sourceRef the finding, problem or review commitment it came from (null for OTHER) */
    record Opened(String itemId, String orgId, String source, String sourceRef, String deadline, long version) {
    }

    /** @param on the calendar date of the change (Asia/Shanghai) */
    record StatusChanged(String itemId, String orgId, String from, String to, String deadline, String on, boolean overdue,
                         long version) {
    }
}
