package party.member.statistics.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import party.member.statistics.MemberStatistics;
import party.member.statistics.StatisticsService;
import party.platform.security.CurrentUser;

/** Figures for the annual Party statistics report (党内统计). */
@RestController
@RequestMapping("/api/v1/members")
class StatisticsController {

    private final StatisticsService statistics;

    StatisticsController(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/statistics")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF', 'SECRETARY', 'INSPECTOR')")
    MemberStatistics statistics(@RequestParam String orgId, @RequestParam(required = false) Integer year) {
        return statistics.of(CurrentUser.get(), orgId, year);
    }
}
