package party.member.status;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lapseMonths consecutive months without dues and attendance that raise a flag (default 6, per the Party Constitution)
 * @param lapseFlagCron when the monthly job runs (Asia/Shanghai), for the month before (default {@value #DEFAULT_CRON});
 *                      read by the job through the same property key
 */
@ConfigurationProperties("party.member.status")
public record StatusProperties(Integer lapseMonths, String lapseFlagCron) {

    public static final String DEFAULT_CRON = "0 0 3 2 * *";

    public StatusProperties {
        lapseMonths = lapseMonths == null ? 6 : lapseMonths;
        lapseFlagCron = lapseFlagCron == null ? DEFAULT_CRON : lapseFlagCron;
        if (lapseMonths < 1) {
            throw new IllegalArgumentException("party.member.status.lapse-months must be positive");
        }
    }
}
