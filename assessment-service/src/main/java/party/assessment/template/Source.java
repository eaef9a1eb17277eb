package party.assessment.template;

/** Who scores an indicator: an inspector (MANUAL), or a metric kept from events (AUTOMATIC). */
public enum Source {
    MANUAL,
    AUTOMATIC
}
