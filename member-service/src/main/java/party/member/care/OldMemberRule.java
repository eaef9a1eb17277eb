package party.member.care;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import party.member.birthday.Anniversaries;

/**
 * Who is an old member to visit: a full member with at least {@code standingYears} of Party
 * standing, or any Party member aged at least {@code age}. Standing counts from
 * {@link party.member.birthday.JoiningDates#standingSince}. Years are completed on the anniversary
 * (29 February: 28 February in non-leap years, see {@link Anniversaries}).
 */
public record OldMemberRule(int standingYears, int age) {

    public static OldMemberRule of(CareProperties properties) {
        return new OldMemberRule(properties.oldMemberStandingYears(), properties.oldMemberAge());
    }

    /** Why the member is an old member on {@code today}: {@code STANDING}, {@code AGE}, both, or none. */
    public List<String> grounds(LocalDate birthDate, LocalDate standingSince, LocalDate today) {
        List<String> grounds = new ArrayList<>();
        Integer standing = standing(standingSince, today);
        if (standing != null && standing >= standingYears) {
            grounds.add("STANDING");
        }
        if (birthDate != null && Anniversaries.completedYears(birthDate, today) >= age) {
            grounds.add("AGE");
        }
        return grounds;
    }

    /** Completed years of standing, or null without a date to count from (probationary members). */
    public static Integer standing(LocalDate standingSince, LocalDate today) {
        return standingSince == null ? null : Anniversaries.completedYears(standingSince, today);
    }

    /** The latest date standing may count from to qualify on {@code today}. */
    public LocalDate standingCutoff(LocalDate today) {
        return Anniversaries.latestOriginWith(standingYears, today);
    }

    /** The latest birth date that can qualify by age on {@code today}. */
    public LocalDate ageCutoff(LocalDate today) {
        return Anniversaries.latestOriginWith(age, today);
    }
}
