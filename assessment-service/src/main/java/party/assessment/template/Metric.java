package party.assessment.template;

/** The named metrics an AUTOMATIC indicator is computed from, each kept from events (see party.assessment.metric). */
public enum Metric {
    /** 三会一课 and the other meetings held against the required frequencies (organization events). */
    ORG_LIFE_COMPLIANCE,
    /** Credit hours (学时) of the branch's members against the target (training events). */
    TRAINING_COMPLETION,
    /** Admissions against the yearly development quota (member events). */
    MEMBER_DEVELOPMENT,
    /** Member-months of dues paid against those owed (member events). */
    DUES_PAYMENT,
    /** Rectification items due in the period that were done or verified (own data). */
    RECTIFICATION_CLOSURE
}
