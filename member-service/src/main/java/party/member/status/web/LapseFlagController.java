package party.member.status.web;

import jakarta.validation.Valid;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import party.member.status.LapseFlag;
import party.member.status.LapseFlagService;
import party.platform.PlatformProperties;
import party.platform.security.CurrentUser;
import party.platform.web.ApiException;
import party.platform.web.ETags;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/** Flags of members with consecutive months without dues and attendance, for a person to decide on. */
@RestController
@RequestMapping(LapseFlagController.PATH)
class LapseFlagController {

    static final String PATH = "/api/v1/members/lapse-flags";

    private final LapseFlagService flags;
    private final PlatformProperties properties;

    LapseFlagController(LapseFlagService flags, PlatformProperties properties) {
        this.flags = flags;
        this.properties = properties;
    }

    /** Open flags in the subtree of {@code orgId}. */
    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF', 'SECRETARY')")
    ResponseEntity<PageResponse<LapseFlag>> open(@RequestParam String orgId, @RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer size) {
        PageRequest paging = PageRequest.of(page, size, properties.paging());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(flags.open(orgId, paging, CurrentUser.get()));
    }

    /** Runs the monthly job for {@code month} (default: last month), optionally for one subtree. */
    @PostMapping("/run")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<LapseFlagService.Run> run(@RequestParam(required = false) String month,
                                             @RequestParam(required = false) String orgId) {
        YearMonth which;
        try {
            which = month == null || month.isBlank() ? YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1)
                    : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("lapse-flag-invalid-month", month);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(flags.run(which, orgId, CurrentUser.get()));
    }

    /** Resolves an open flag; needs {@code If-Match} with the flag's version. */
    @PostMapping("/{id}/resolve")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF', 'SECRETARY')")
    ResponseEntity<LapseFlag> resolve(@PathVariable String id, @Valid @RequestBody ResolveLapseFlagRequest body,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        LapseFlag flag = flags.resolve(id, body.resolution(), body.note(), ifMatch, CurrentUser.get());
        return ResponseEntity.ok().eTag(ETags.of(flag.version())).cacheControl(CacheControl.noStore()).body(flag);
    }
}
