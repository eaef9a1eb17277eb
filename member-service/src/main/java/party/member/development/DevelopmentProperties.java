package party.member.development;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The pipeline's intervals and deadlines (DOMAIN.md "Member development"); the defaults are the
 * regulation's, configurable only because a province may be stricter.
 *
 * @param talkWithinMonths step 2 later than this after the application warns
 * @param activistMinYears step 7 earlier than this after step 3 is refused
 * @param approvalWarnMonths step 17 later than this after step 15 warns
 * @param approvalMaxMonths step 17 later than this after step 15 is refused
 * @param probationYears probation length from step 15
 * @param minExtensionMonths shortest extension of probation
 * @param maxExtensionMonths longest extension of probation
 * @param minTrainingDays step 11: at least this many days of centralized training ...
 * @param minTrainingHours ... or at least this many credit hours
 */
@ConfigurationProperties("party.member.development")
public record DevelopmentProperties(Integer talkWithinMonths, Integer activistMinYears, Integer approvalWarnMonths,
                                    Integer approvalMaxMonths, Integer probationYears, Integer minExtensionMonths,
                                    Integer maxExtensionMonths, Integer minTrainingDays, Integer minTrainingHours) {

    public DevelopmentProperties {
        talkWithinMonths = talkWithinMonths == null ? 1 : talkWithinMonths;
        activistMinYears = activistMinYears == null ? 1 : activistMinYears;
        approvalWarnMonths = approvalWarnMonths == null ? 3 : approvalWarnMonths;
        approvalMaxMonths = approvalMaxMonths == null ? 6 : approvalMaxMonths;
        probationYears = probationYears == null ? 1 : probationYears;
        minExtensionMonths = minExtensionMonths == null ? 6 : minExtensionMonths;
        maxExtensionMonths = maxExtensionMonths == null ? 12 : maxExtensionMonths;
        minTrainingDays = minTrainingDays == null ? 3 : minTrainingDays;
        minTrainingHours = minTrainingHours == null ? 24 : minTrainingHours;
    }

    public static DevelopmentProperties defaults() {
        return new DevelopmentProperties(null, null, null, null, null, null, null, null, null);
    }
}
