package party.organization.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class FrequencyTest {

    private static final Period MONTH = Period.parse("2026-03");
    private static final Period QUARTER = Period.parse("2026-Q1");
    private static final Period YEAR = Period.parse("2026");

    @Test
    void aMonthAsksOnlyTheMonthlyTypes() {
        assertThat(Frequency.MONTHLY.dueIn(MONTH)).isEqualTo(1);
        assertThat(Frequency.QUARTERLY.dueIn(MONTH)).isZero();
        assertThat(Frequency.HALF_YEARLY.dueIn(MONTH)).isZero();
        assertThat(Frequency.YEARLY.dueIn(MONTH)).isZero();
        assertThat(Frequency.NONE.dueIn(MONTH)).isZero();
    }

    @Test
    void aQuarterAsksMonthlyThreeTimesAndQuarterlyOnce() {
        assertThat(Frequency.MONTHLY.dueIn(QUARTER)).isEqualTo(3);
        assertThat(Frequency.QUARTERLY.dueIn(QUARTER)).isEqualTo(1);
        assertThat(Frequency.HALF_YEARLY.askedIn(QUARTER)).isFalse();
        assertThat(Frequency.YEARLY.askedIn(QUARTER)).isFalse();
    }

    @Test
    void aYearAsksEverything() {
        assertThat(Frequency.MONTHLY.dueIn(YEAR)).isEqualTo(12);
        assertThat(Frequency.QUARTERLY.dueIn(YEAR)).isEqualTo(4);
        assertThat(Frequency.HALF_YEARLY.dueIn(YEAR)).isEqualTo(2);
        assertThat(Frequency.YEARLY.dueIn(YEAR)).isEqualTo(1);
        assertThat(Frequency.NONE.askedIn(YEAR)).isFalse();
    }

    @Test
    void theDefaultsFollowTheBranchWorkRegulations() {
        MeetingProperties rules = MeetingProperties.defaultRules();
        assertThat(rules.frequency(MeetingType.BRANCH_GENERAL_MEETING)).isEqualTo(Frequency.QUARTERLY);
        assertThat(rules.frequency(MeetingType.COMMITTEE_MEETING)).isEqualTo(Frequency.MONTHLY);
        assertThat(rules.frequency(MeetingType.GROUP_MEETING)).isEqualTo(Frequency.MONTHLY);
        assertThat(rules.frequency(MeetingType.THEME_PARTY_DAY)).isEqualTo(Frequency.MONTHLY);
        assertThat(rules.frequency(MeetingType.PARTY_LECTURE)).isEqualTo(Frequency.QUARTERLY);
        assertThat(rules.frequency(MeetingType.ORG_LIFE_REVIEW_MEETING)).isEqualTo(Frequency.YEARLY);
        assertThat(rules.frequency(MeetingType.DEMOCRATIC_APPRAISAL)).isEqualTo(Frequency.YEARLY);
        assertThat(rules.frequency(MeetingType.HEART_TO_HEART_TALK)).isEqualTo(Frequency.YEARLY);
    }

    @Test
    void aLocalRuleOverridesOneTypeAndKeepsTheOthers() {
        MeetingProperties rules = new Binder(new MapConfigurationPropertySource(Map.of(
                "party.organization.meetings.frequencies.party-lecture", "monthly",
                "party.organization.meetings.frequencies.HEART_TO_HEART_TALK", "HALF_YEARLY")))
                .bind("party.organization.meetings", MeetingProperties.class).get();
        assertThat(rules.frequency(MeetingType.PARTY_LECTURE)).isEqualTo(Frequency.MONTHLY);
        assertThat(rules.frequency(MeetingType.HEART_TO_HEART_TALK)).isEqualTo(Frequency.HALF_YEARLY);
        assertThat(rules.frequency(MeetingType.BRANCH_GENERAL_MEETING)).isEqualTo(Frequency.QUARTERLY);
        assertThat(rules.frequencies()).hasSize(MeetingType.values().length);
    }
}
