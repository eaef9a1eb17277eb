package party.member.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OldMemberRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 7, 1);
    private final OldMemberRule rule = OldMemberRule.of(new CareProperties(null, null));

    @Test
    void theDefaultsAreFiftyYearsOfStandingAndEightyYearsOfAge() {
        assertThat(rule).isEqualTo(new OldMemberRule(50, 80));
    }

    @Test
    void standingCountsForFullMembersFromTheAnniversaryOn() {
        LocalDate young = LocalDate.of(1960, 1, 1);
        assertThat(rule.grounds(young, LocalDate.of(1976, 7, 1), TODAY)).containsExactly("STANDING");
        assertThat(rule.grounds(young, LocalDate.of(1976, 7, 2), TODAY)).isEmpty();
        // A probationary member has no standing yet (JoiningDates gives no date to count from).
        assertThat(rule.grounds(young, null, TODAY)).isEmpty();
    }

    @Test
    void ageCountsForEveryMemberFromTheBirthdayOn() {
        assertThat(rule.grounds(LocalDate.of(1946, 7, 1), null, TODAY)).containsExactly("AGE");
        assertThat(rule.grounds(LocalDate.of(1946, 7, 2), null, TODAY)).isEmpty();
        assertThat(rule.grounds(LocalDate.of(1940, 1, 1), LocalDate.of(1960, 1, 1), TODAY))
                .containsExactly("STANDING", "AGE");
    }

    @Test
    void aLeapDayBirthCountsOnTheTwentyEighthOfANonLeapYear() {
        LocalDate born = LocalDate.of(1944, 2, 29);
        OldMemberRule at81 = new OldMemberRule(50, 81);
        assertThat(at81.grounds(born, null, LocalDate.of(2025, 2, 27))).isEmpty();
        assertThat(at81.grounds(born, null, LocalDate.of(2025, 2, 28))).containsExactly("AGE");
        assertThat(at81.ageCutoff(LocalDate.of(2025, 2, 28))).isEqualTo(born);
    }

    @Test
    void thresholdsAreConfigurable() {
        OldMemberRule local = OldMemberRule.of(new CareProperties(40, 70));
        assertThat(local.grounds(LocalDate.of(1956, 7, 1), LocalDate.of(1986, 7, 2), TODAY)).containsExactly("AGE");
        assertThat(local.grounds(LocalDate.of(1960, 1, 1), LocalDate.of(1986, 7, 1), TODAY)).containsExactly("STANDING");
    }
}
