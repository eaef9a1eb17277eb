package party.assessment.report.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import party.assessment.report.ReportService;
import party.platform.security.CurrentUser;

/** Reports per subtree and year: JSON, or the same as an Excel workbook. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY','INSPECTOR')")
class ReportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/assessments/organizations/{orgId}/reports/{year}")
    ReportService.YearReport report(@PathVariable String orgId, @PathVariable int year) {
        return reports.report(orgId, year, CurrentUser.get());
    }

    @GetMapping("/api/v1/assessments/organizations/{orgId}/reports/{year}/export")
    ResponseEntity<byte[]> excel(@PathVariable String orgId, @PathVariable int year) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("assessment-" + year + ".xlsx").build().toString())
                .body(reports.excel(orgId, year, CurrentUser.get()));
    }
}
