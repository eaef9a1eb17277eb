package party.organization.sheet;

import java.io.IOException;
import java.net.URI;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import party.platform.security.CurrentUser;
import party.platform.web.ApiException;

/** Organization trees in and out as sheets of the national Party-member information system. */
@RestController
@RequestMapping("/api/v1/organizations")
class SheetController {

    private final SheetService sheets;

    SheetController(SheetService sheets) {
        this.sheets = sheets;
    }

    /** Imports a sheet whole, or answers 422 with a report per row and imports nothing. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF')")
    ResponseEntity<SheetService.ImportResult> importSheet(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw ApiException.badRequest("sheet-empty");
        }
        SheetService.ImportResult result = sheets.importSheet(CurrentUser.get(), file.getInputStream(),
                LocaleContextHolder.getLocale());
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + result.ids().getFirst())).body(result);
    }

    @GetMapping("/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable String id) {
        byte[] xlsx = sheets.export(CurrentUser.get(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(OrganizationSheet.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("organizations-" + id + ".xlsx").build().toString())
                .body(xlsx);
    }
}
