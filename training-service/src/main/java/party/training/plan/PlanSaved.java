package party.training.plan;

import java.util.List;

/**
 * Data of {@value #TYPE}: a plan was created or changed (targets, months, courses). Schema in
 * {@code contracts/party.training.plan-saved.v1.schema.json}.
 */
record PlanSaved(String planId, String orgId, int year, String memberTargetHours, String leaderTargetHours,
                 List<TrainingPlan.MonthHours> monthlyHours, List<String> courseIds, long version) {

    static final String TYPE = "party.training.plan-saved.v1";
}
