package party.organization.meeting;

import java.time.LocalDate;
import java.util.List;
import party.platform.web.PageResponse;

/**
 * What was due, held and missing in a period, per branch and in total.
 *
 * @param orgId the organization asked about (a branch, or any organization above branches)
 * @param period the period's label, e.g. {@code 2026-Q1}
 * @param from first day (Shanghai calendar)
 * @param to last day
 * @param complete whether the period has ended; until then unfulfilled cycles that have not
 *                 ended yet count as {@code pending}, not {@code missing}
 * @param totals summed over all branches in scope
 * @param branches one entry per active branch, ordered by code, paged
 */
public record ComplianceReport(String orgId, String period, LocalDate from, LocalDate to, boolean complete,
                               Totals totals, PageResponse<BranchCompliance> branches) {

    /**
     * One type of meeting in one branch.
     *
     * @param due meetings owed: one per cycle of the frequency in the period, per unit (the branch,
     *            or each active group of it for group meetings; no unit for committee meetings in a
     *            branch too small to have a committee)
     * @param held meetings recorded as held in the period (a branch general meeting without quorum
     *             is not counted: it is reported in {@code heldWithoutQuorum})
     * @param fulfilled cycles with at least one held meeting
     * @param missing ended cycles without a meeting
     * @param pending cycles not ended yet and without a meeting
     * @param missingCycles which unit missed which cycle
     */
    public record TypeCompliance(MeetingType type, Frequency frequency, int due, int held, int heldWithoutQuorum,
                                 int fulfilled, int missing, int pending, List<Gap> missingCycles) {
    }

    /** A unit (branch or group) that held no meeting of a type in a cycle, e.g. {@code 2026-02}. */
    public record Gap(String orgId, String period) {
    }

    public record BranchCompliance(String orgId, String name, String code, int due, int held, int fulfilled,
                                   int missing, int pending, List<TypeCompliance> types) {
    }

    /** Sums per type over every branch (the gaps are listed per branch only). */
    public record TypeTotal(MeetingType type, Frequency frequency, int due, int held, int heldWithoutQuorum,
                            int fulfilled, int missing, int pending) {
    }

    public record Totals(int branches, int due, int held, int fulfilled, int missing, int pending,
                         List<TypeTotal> types) {
    }
}
