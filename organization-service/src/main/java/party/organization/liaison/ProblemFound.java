package party.organization.liaison;

import java.time.LocalDate;

/**
 * A problem found on a research trip (查摆问题), handed to rectification tracking by its event.
 *
 * @param problemId stable id, also in the event, so a rectification item can point back to it
 * @param category one of the configured research areas
 * @param measure the proposed measure, if any
 * @param deadline by when it should be rectified, if set
 */
public record ProblemFound(String problemId, String description, String category, String measure, LocalDate deadline) {
}
