package party.member.status;

import java.time.YearMonth;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Monthly: flags lapsed members of the whole registry for the month just ended. */
@Component
class LapseFlagJob {

    private static final Logger LOG = LoggerFactory.getLogger(LapseFlagJob.class);

    private final LapseFlagService flags;

    LapseFlagJob(LapseFlagService flags) {
        this.flags = flags;
    }

    @Scheduled(cron = "${party.member.status.lapse-flag-cron:" + StatusProperties.DEFAULT_CRON + "}", zone = "Asia/Shanghai")
    void monthly() {
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        LapseFlagService.Run run = flags.evaluate(month, null);
        LOG.info("lapse flags for {}: {} members checked, {} flagged, {} already flagged", month, run.checked(),
                run.flagged(), run.alreadyFlagged());
    }
}
