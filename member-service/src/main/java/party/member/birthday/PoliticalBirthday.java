package party.member.birthday;

import java.time.LocalDate;

/**
 * A member whose joining anniversary falls in the period asked for.
 *
 * @param joinedAt the joining date the anniversary is counted from ({@link JoiningDates#joining})
 * @param anniversary the day in the period it falls on (29 February: 28 February in non-leap years)
 * @param years the years since joining completed on that day (入党 N 周年)
 * @param standingYears the years of Party standing on that day ({@link JoiningDates#standingSince}), null for
 *                      probationary members
 */
public record PoliticalBirthday(String memberId, String name, String orgId, String status, LocalDate joinedAt,
                                LocalDate anniversary, int years, Integer standingYears) {
}
