package party.training.report.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import party.platform.security.CurrentUser;
import party.training.report.ReportService;
import party.training.report.YearlyReport;

/** The year's training figures per subtree, as JSON or as an Excel workbook. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY','INSPECTOR')")
class ReportController {

    static final String PATH = "/api/v1/trainings/reports/yearly";

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping(PATH)
    ResponseEntity<YearlyReport> yearly(@RequestParam String orgId, @RequestParam(required = false) Integer year) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(reports.yearly(orgId, year, CurrentUser.get()));
    }

    @GetMapping(PATH + ".xlsx")
    ResponseEntity<byte[]> excel(@RequestParam String orgId, @RequestParam(required = false) Integer year) {
        byte[] xlsx = reports.excel(orgId, year, CurrentUser.get());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ReportService.XLSX)).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("training-" + orgId + (year == null ? "" : "-" + year) + ".xlsx").build().toString())
                .body(xlsx);
    }
}
