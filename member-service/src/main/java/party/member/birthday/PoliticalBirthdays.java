package party.member.birthday;

import java.time.LocalDate;
import java.util.List;

/**
 * One page of the political birthdays of a subtree in a period, with the count per branch over
 * all pages and how many members could not be considered for lack of a joining date.
 */
public record PoliticalBirthdays(String orgId, LocalDate from, LocalDate to, List<PoliticalBirthday> items, int page,
                                 int size, long total, List<PerOrganization> byOrganization,
                                 long membersWithoutJoiningDate) {

    public record PerOrganization(String orgId, String name, long count) {
    }
}
