package party.organization.inspection;

import party.organization.meeting.Period;

/** 月抽查 and 季检查 of a branch's organizational life, each over its own kind of period. */
public enum InspectionKind {
    /** 月抽查: over a month, e.g. {@code 2026-03}. */
    MONTHLY_SPOT_CHECK,
    /** 季检查: over a quarter, e.g. {@code 2026-Q1}. */
    QUARTERLY_INSPECTION;

    public boolean fits(Period period) {
        return this == MONTHLY_SPOT_CHECK ? period.isMonth() : period.isQuarter();
    }
}
