package party.assessment.template;

/** DRAFT (editable) → ACTIVE (the template new assessments use) → RETIRED (replaced; kept for the sheets that used it). */
public enum TemplateStatus {
    DRAFT,
    ACTIVE,
    RETIRED
}
