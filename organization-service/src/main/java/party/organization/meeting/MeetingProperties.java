package party.organization.meeting;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Local rules of organizational life, under {@code party.organization.meetings}.
 *
 * @param frequencies required frequency per meeting type; types not named keep the defaults of
 *                    the branch work regulations (DOMAIN.md): branch general meeting QUARTERLY,
 *                    committee, group meeting and theme Party day MONTHLY, Party lecture QUARTERLY,
 *                    org-life review meeting, democratic appraisal and heart-to-heart talk YEARLY;
 *                    {@code NONE} switches a type off. Whether a branch has a committee (and so owes
 *                    committee meetings) follows the leadership records, not this setting.
 */
@ConfigurationProperties("party.organization.meetings")
public record MeetingProperties(Map<MeetingType, Frequency> frequencies) {

    public static final Map<MeetingType, Frequency> DEFAULT_FREQUENCIES = defaults();

    public MeetingProperties {
        Map<MeetingType, Frequency> merged = new EnumMap<>(DEFAULT_FREQUENCIES);
        if (frequencies != null) {
            merged.putAll(frequencies);
        }
        frequencies = Map.copyOf(merged);
    }

    public static MeetingProperties defaultRules() {
        return new MeetingProperties(null);
    }

    public Frequency frequency(MeetingType type) {
        return frequencies.get(type);
    }

    private static Map<MeetingType, Frequency> defaults() {
        Map<MeetingType, Frequency> defaults = new EnumMap<>(MeetingType.class);
        defaults.put(MeetingType.BRANCH_GENERAL_MEETING, Frequency.QUARTERLY);
        defaults.put(MeetingType.COMMITTEE_MEETING, Frequency.MONTHLY);
        defaults.put(MeetingType.GROUP_MEETING, Frequency.MONTHLY);
        defaults.put(MeetingType.THEME_PARTY_DAY, Frequency.MONTHLY);
        defaults.put(MeetingType.PARTY_LECTURE, Frequency.QUARTERLY);
        defaults.put(MeetingType.ORG_LIFE_REVIEW_MEETING, Frequency.YEARLY);
        defaults.put(MeetingType.DEMOCRATIC_APPRAISAL, Frequency.YEARLY);
        defaults.put(MeetingType.HEART_TO_HEART_TALK, Frequency.YEARLY);
        return Map.copyOf(defaults);
    }
}
