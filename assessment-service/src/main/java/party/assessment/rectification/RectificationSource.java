package party.assessment.rectification;

/** Where a problem to rectify (整改) came from. */
public enum RectificationSource {
    /** A finding of a spot check or inspection (organization-service, or an inspector here). */
    INSPECTION,
    /** A commitment of the secretary's report and review (述职评议). */
    SECRETARY_REVIEW,
    /** A problem found on a leader's research trip (调研查摆问题). */
    FIELD_RESEARCH,
    /** Anything else the organization department records. */
    OTHER
}
