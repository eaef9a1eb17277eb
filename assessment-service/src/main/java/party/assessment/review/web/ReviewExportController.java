package party.assessment.review.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import party.assessment.review.ReviewVolume;
import party.platform.security.CurrentUser;

/** The year's secretary reports of a subtree as one .docx (the bound volume, 述职报告合订本). */
@RestController
@PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY','INSPECTOR')")
class ReviewExportController {

    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final ReviewVolume volume;

    ReviewExportController(ReviewVolume volume) {
        this.volume = volume;
    }

    @GetMapping("/api/v1/assessments/organizations/{orgId}/secretary-reviews/volume")
    ResponseEntity<byte[]> volume(@PathVariable String orgId, @RequestParam int year) {
        byte[] bytes = volume.export(orgId, year, CurrentUser.get());
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("secretary-reports-" + year + ".docx").build().toString())
                .body(bytes);
    }
}
