package party.member.roster.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import party.member.roster.RosterService;
import party.platform.security.CurrentUser;
import party.platform.web.ApiException;
import party.platform.web.Idempotency;

/** Roster sheets (党员花名册) in and out. */
@RestController
@RequestMapping("/api/v1/members")
class RosterController {

    private final RosterService roster;
    private final Idempotency idempotency;

    RosterController(RosterService roster, Idempotency idempotency) {
        this.roster = roster;
        this.idempotency = idempotency;
    }

    /** Imports a sheet whole, or answers 422 with a report per row and imports nothing. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF')")
    ResponseEntity<RosterService.ImportResult> importSheet(@RequestParam("file") MultipartFile file,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) throws IOException {
        if (file.isEmpty()) {
            throw ApiException.badRequest("roster-empty");
        }
        CurrentUser user = CurrentUser.get();
        byte[] xlsx = file.getBytes();
        Idempotency.Created<RosterService.ImportResult> created = idempotency.create(user.id(), key, sha256(xlsx),
                () -> roster.importSheet(user, new ByteArrayInputStream(xlsx), LocaleContextHolder.getLocale()),
                RosterService.ImportResult::importId, roster::result);
        return ResponseEntity.status(201).header("Idempotency-Replayed", String.valueOf(created.replayed()))
                .body(created.value());
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The roster of a subtree as a sheet; {@code unmasked=true} needs {@code pii:read} and is audit-logged. */
    @GetMapping("/export")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF', 'SECRETARY')")
    ResponseEntity<byte[]> export(@RequestParam String orgId, @RequestParam(defaultValue = "false") boolean unmasked) {
        byte[] xlsx = roster.export(CurrentUser.get(), orgId, unmasked);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(RosterService.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("members-" + orgId + ".xlsx").build().toString())
                .body(xlsx);
    }
}
