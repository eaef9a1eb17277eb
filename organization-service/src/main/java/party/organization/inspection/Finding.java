package party.organization.inspection;

import java.time.LocalDate;

/**
 * One thing an inspector found. Those that need action carry the required measure and a deadline
 * and are announced so that assessment-service opens a rectification item.
 */
public record Finding(String findingId, String description, FindingCategory category, boolean needsAction, String measure,
                      LocalDate deadline) {
}
