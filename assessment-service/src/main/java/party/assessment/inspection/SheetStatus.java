package party.assessment.inspection;

/** NOT_STARTED (nothing scored yet; a view only), OPEN (being scored), CLOSED (frozen, no more scoring). */
public enum SheetStatus {
    NOT_STARTED,
    OPEN,
    CLOSED
}
