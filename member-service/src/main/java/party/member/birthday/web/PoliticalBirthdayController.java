package party.member.birthday.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import party.member.birthday.CalendarPeriod;
import party.member.birthday.PoliticalBirthdayService;
import party.member.birthday.PoliticalBirthdays;
import party.platform.PlatformProperties;
import party.platform.security.CurrentUser;
import party.platform.web.PageRequest;

/**
 * {@code GET /api/v1/members/political-birthdays?orgId=&date=|week=|month=}: exactly one of a day
 * ({@code 2026-07-01}), an ISO week ({@code 2026-W27}) or a month ({@code 2026-07}).
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF', 'SECRETARY')")
class PoliticalBirthdayController {

    private final PoliticalBirthdayService birthdays;
    private final PlatformProperties properties;

    PoliticalBirthdayController(PoliticalBirthdayService birthdays, PlatformProperties properties) {
        this.birthdays = birthdays;
        this.properties = properties;
    }

    @GetMapping("/api/v1/members/political-birthdays")
    ResponseEntity<PoliticalBirthdays> find(@RequestParam String orgId,
                                            @RequestParam(required = false) String date,
                                            @RequestParam(required = false) String week,
                                            @RequestParam(required = false) String month,
                                            @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size) {
        CalendarPeriod period = CalendarPeriod.parse(date, week, month);
        PageRequest paging = PageRequest.of(page, size, properties.paging());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(birthdays.find(orgId, period, paging, CurrentUser.get()));
    }
}
