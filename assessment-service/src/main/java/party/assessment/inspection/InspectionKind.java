package party.assessment.inspection;

import party.assessment.calendar.Period;
import party.platform.web.ApiException;

/** 月抽查 for a month, 季检查 for a quarter. */
public enum InspectionKind {
    MONTHLY_SPOT_CHECK,
    QUARTERLY_INSPECTION;

    static InspectionKind of(Period period) {
        if (period.isMonth()) {
            return MONTHLY_SPOT_CHECK;
        }
        if (period.isQuarter()) {
            return QUARTERLY_INSPECTION;
        }
        throw ApiException.unprocessable("inspection-period", period.label());
    }
}
