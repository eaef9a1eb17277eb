package party.member.care;

import java.time.LocalDate;
import java.util.List;

/**
 * A member to visit.
 *
 * @param age completed years of age, null if unknown
 * @param standingYears completed years of Party standing, null for probationary members or without a joining date
 * @param grounds why: {@code STANDING} and/or {@code AGE} (old members), {@code DIFFICULTY}
 * @param difficultyReason the branch's reason, for members in difficulty
 * @param lastVisitDate the latest recorded care visit, if any
 */
public record CareCandidate(String memberId, String name, String orgId, String status, Integer age, Integer standingYears,
                            List<String> grounds, String difficultyReason, LocalDate lastVisitDate) {
}
