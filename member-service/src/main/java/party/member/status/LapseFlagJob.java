package party.member.status;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import party.platform.scheduling.LeaseLock;

/** Monthly: flags lapsed members of the whole registry for the month just ended. */
@Component
class LapseFlagJob {

    private static final Logger LOG = LoggerFactory.getLogger(LapseFlagJob.class);

    /** Held past the run, so a replica whose scheduler fires a moment later finds the month done. */
    static final String LEASE = "member-service.lapse-flags";
    private static final Duration LEASE_TIME = Duration.ofHours(1);

    private final LapseFlagService flags;
    private final LeaseLock leases;

    LapseFlagJob(LapseFlagService flags, LeaseLock leases) {
        this.flags = flags;
        this.leases = leases;
    }

    @Scheduled(cron = "${party.member.status.lapse-flag-cron:" + StatusProperties.DEFAULT_CRON + "}", zone = "Asia/Shanghai")
    void monthly() {
        leases.runExclusively(LEASE, LEASE_TIME, this::flagLastMonth);
    }

    void flagLastMonth() {
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        LapseFlagService.Run run = flags.evaluate(month, null);
        LOG.info("lapse flags for {}: {} members checked, {} flagged, {} already flagged", month, run.checked(),
                run.flagged(), run.alreadyFlagged());
    }
}
