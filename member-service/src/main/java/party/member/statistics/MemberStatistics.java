package party.member.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The annual Party statistics (党内统计) of a subtree: the whole subtree rolled up, and each of its
 * organizations (every branch, and any other organization with members registered directly in it).
 *
 * @param asOf the last day counted: 31 December of a past year, today for the current year
 * @param notTracked what the registry does not record, so it is reported neither as a count nor as 0
 */
public record MemberStatistics(String orgId, int year, LocalDate asOf, Breakdown subtree,
                               List<OrganizationBreakdown> organizations, List<String> notTracked) {

    /**
     * Members (FULL and PROBATIONARY) counted by each dimension; keys are enum names or the text
     * recorded ({@code UNKNOWN} when not recorded), band labels like {@code "31-35"}: education and
     * occupation by their enum names ({@code UNDERGRADUATE}, {@code WORKER}), ethnicity by its name ({@code 汉族}).
     */
    public record Breakdown(long total, Map<String, Long> byStatus, Map<String, Long> byGender,
                            Map<String, Long> byEthnicity, Map<String, Long> byAgeBand,
                            Map<String, Long> byEducation, Map<String, Long> byPartyStanding,
                            Map<String, Long> byOccupation, Changes changes) {
    }

    public record OrganizationBreakdown(String orgId, String name, String type, Breakdown breakdown) {
    }

    /** The year's increases and decreases (1 January to {@code asOf}). */
    public record Changes(Count developed, Count transferredIn, Count transferredOut, Count deceased, Count left,
                          Count expelled, Count removed) {
    }

    /** A count, or {@code tracked=false} and no count where the registry has no such records yet. */
    public record Count(boolean tracked, Long count) {
        static Count of(long n) {
            return new Count(true, n);
        }

        static final Count NOT_TRACKED = new Count(false, null);
    }
}
