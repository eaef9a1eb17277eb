package party.organization.letter.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import party.organization.leadership.TermCalendar;
import party.organization.letter.LetterReport;
import party.organization.letter.LetterService;
import party.organization.letter.ResponsibilityLetter;
import party.platform.security.CurrentUser;
import party.platform.web.ETags;
import party.platform.web.Idempotency;

/** Responsibility letters (党建工作责任书): issue, sign, read, and the yearly report over a subtree. */
@RestController
class ResponsibilityLetterController {

    private final LetterService letters;
    private final Idempotency idempotency;

    ResponsibilityLetterController(LetterService letters, Idempotency idempotency) {
        this.letters = letters;
        this.idempotency = idempotency;
    }

    /**
     * @param secretaryName the secretary's display name; when absent (with or without a member id),
     *        the organization's current secretary is taken from its leadership
     * @param contentRef a reference to the letter's text (a document id or URL)
     * @param issuedOn null for today
     */
    record IssueLetter(@NotBlank @Size(max = 64) String orgId,
                       @NotNull @Min(2000) @Max(2100) Integer year,
                       @Size(max = 64) String secretaryMemberId,
                       @Size(max = 50) String secretaryName,
                       @NotBlank @Size(max = 500) String contentRef,
                       LocalDate issuedOn) {
    }

    record SignLetter(@NotNull LocalDate signedOn) {
    }

    record LetterView(String id, String orgId, int year, String secretaryMemberId, String secretaryName,
                      String contentRef, LocalDate issuedOn, ResponsibilityLetter.Status status, LocalDate signedOn,
                      long version) {
        static LetterView of(ResponsibilityLetter letter) {
            return new LetterView(letter.getId(), letter.getOrgId(), letter.getYear(), letter.getSecretaryMemberId(),
                    letter.getSecretaryName(), letter.getContentRef(), letter.getIssuedOn(), letter.getStatus(),
                    letter.getSignedOn(), letter.getVersion() == null ? 0 : letter.getVersion());
        }
    }

    record ReportView(String orgId, int year, long branches, long issued, long signed, long missingCount,
                      List<LetterView> letters, List<LetterReport.Missing> missing) {
        static ReportView of(LetterReport report) {
            return new ReportView(report.orgId(), report.year(), report.branches(), report.issued(), report.signed(),
                    report.missing().size(), report.letters().stream().map(LetterView::of).toList(), report.missing());
        }
    }

    @PostMapping("/api/v1/responsibility-letters")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF')")
    ResponseEntity<LetterView> issue(@Valid @RequestBody IssueLetter request,
                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        CurrentUser user = CurrentUser.get();
        Idempotency.Created<ResponsibilityLetter> created = idempotency.create(user.id(), key, Idempotency.fingerprint(request), () -> {
            return letters.issue(user, new LetterService.NewLetter(request.orgId().strip(), request.year(),
                    blankToNull(request.secretaryMemberId()), blankToNull(request.secretaryName()), request.contentRef(),
                    request.issuedOn()));
        }, ResponsibilityLetter::getId, letters::created);
        ResponsibilityLetter letter = created.value();
        return ResponseEntity.created(URI.create("/api/v1/responsibility-letters/" + letter.getId()))
                .eTag(ETags.of(letter.getVersion())).body(LetterView.of(letter));
    }

    @GetMapping("/api/v1/responsibility-letters/{id}")
    ResponseEntity<LetterView> get(@PathVariable String id) {
        ResponsibilityLetter letter = letters.get(CurrentUser.get(), id);
        return ResponseEntity.ok().eTag(ETags.of(letter.getVersion())).body(LetterView.of(letter));
    }

    @PostMapping("/api/v1/responsibility-letters/{id}/sign")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF', 'SECRETARY')")
    ResponseEntity<LetterView> sign(@PathVariable String id, @Valid @RequestBody SignLetter request,
                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ResponsibilityLetter letter = letters.sign(CurrentUser.get(), id, request.signedOn(), ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(letter.getVersion())).body(LetterView.of(letter));
    }

    @GetMapping("/api/v1/organizations/{id}/responsibility-letters")
    ReportView report(@PathVariable String id, @RequestParam(required = false) Integer year) {
        int y = year == null ? TermCalendar.today().getYear() : year;
        if (y < 2000 || y > 2100) {
            throw party.platform.web.ApiException.badRequest("letter-invalid-year", y);
        }
        return ReportView.of(letters.report(CurrentUser.get(), id, y));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
