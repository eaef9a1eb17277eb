package party.assessment.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import party.assessment.calendar.Period;
import party.assessment.it.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Secretary report and review: report, ratings, the committee secretary's comment, commitments into rectification, the volume; the year's report. */
class ReviewIT extends IntegrationTest {

    static final int YEAR = Period.today().getYear();

    static String path(String branch) {
        return "/api/v1/assessments/branches/" + branch + "/secretary-reviews/" + YEAR;
    }

    @Test
    void reportReviewConclusionCommitmentsAndTheBoundVolume() throws Exception {
        Orgs orgs = orgs();
        String branch = orgs.branchA();
        String deadline = Period.today().plusMonths(2).toString();
        Map<String, Object> report = Map.of("mode", "ON_SITE", "report", "一、履职情况\n二、存在问题\n三、下步打算",
                "commitments", List.of(Map.of("problem", "党小组会质量不高", "measure", "每月专题研讨", "deadline", deadline),
                        Map.of("problem", "发展党员偏少", "measure", "加大一线职工培养", "deadline", deadline)));
        Response submitted = post(path(branch) + "/report", secretary(branch), report);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        JsonNode event = awaitValid("party.assessment.secretary-report-submitted.v1", e -> e.path("orgId").asString().equals(branch));
        assertThat(event.path("commitmentCount").asInt()).isEqualTo(2);

        // Reviewers of the superior rate; the branch cannot rate itself.
        assertThat(post(path(branch) + "/ratings", token("s", List.of("ORG_STAFF"), List.of(branch)), Map.of("rating", "GOOD"),
                "If-Match", submitted.header("ETag")).problem()).isEqualTo("superior-only");
        Response r1 = post(path(branch) + "/ratings", staff(orgs), Map.of("rating", "GOOD", "comment", "成绩突出"), "If-Match", submitted.header("ETag"));
        assertThat(r1.status()).as(r1.body()).isEqualTo(200);
        Response r2 = post(path(branch) + "/ratings", token("reviewer-2", List.of("ORG_STAFF"), List.of(orgs.committee())),
                Map.of("rating", "FAIRLY_GOOD", "comment", "发展党员不足"), "If-Match", r1.header("ETag"));
        assertThat(r2.json().path("ratings").size()).isEqualTo(2);
        Response comment = post(path(branch) + "/committee-comment", admin(), Map.of("comment", "肯定成绩、指出不足、明确方向"),
                "If-Match", r2.header("ETag"));
        assertThat(comment.status()).isEqualTo(403); // an admin with no scope is not the branch's superior
        comment = post(path(branch) + "/committee-comment", token("party-secretary", List.of("ADMIN"), List.of(orgs.committee())),
                Map.of("comment", "肯定成绩、指出不足、明确方向"), "If-Match", r2.header("ETag"));
        assertThat(comment.status()).as(comment.body()).isEqualTo(200);
        assertThat(comment.json().path("committeeComment").path("comment").asString()).isEqualTo("肯定成绩、指出不足、明确方向");

        Response concluded = post(path(branch) + "/conclusion", staff(orgs), Map.of("rating", "FAIRLY_GOOD"), "If-Match", comment.header("ETag"));
        assertThat(concluded.status()).as(concluded.body()).isEqualTo(200);
        List<String> items = java.util.stream.StreamSupport.stream(concluded.json().path("rectificationItemIds").spliterator(), false)
                .map(JsonNode::asString).toList();
        assertThat(items).hasSize(2);
        JsonNode item = get("/api/v1/assessments/rectifications/" + items.get(0), secretary(branch)).json();
        assertThat(item.path("source").asString()).isEqualTo("SECRETARY_REVIEW");
        assertThat(item.path("problem").asString()).isEqualTo("党小组会质量不高");
        assertThat(item.path("deadline").asString()).isEqualTo(deadline);
        JsonNode done = awaitValid("party.assessment.secretary-review-concluded.v1", e -> e.path("orgId").asString().equals(branch));
        assertThat(done.path("ratingCount").asInt()).isEqualTo(2);
        assertThat(post(path(branch) + "/ratings", staff(orgs), Map.of("rating", "POOR"), "If-Match", concluded.header("ETag")).problem())
                .isEqualTo("review-concluded");

        post(path(orgs.branchB()) + "/report", secretary(orgs.branchB()), Map.of("mode", "WRITTEN", "report", "书面述职：支部基本情况"));
        Response volume = get("/api/v1/assessments/organizations/" + orgs.committee() + "/secretary-reviews/volume?year=" + YEAR, staff(orgs));
        assertThat(volume.status()).isEqualTo(200);
        assertThat(volume.header("Content-Type")).contains("wordprocessingml");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(volume.bytes()))) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains(YEAR + "年党支部书记抓基层党建述职报告合订本", "现场述职", "一、履职情况", "党小组会质量不高",
                    "肯定成绩、指出不足、明确方向", "综合评价：较好", "书面述职：支部基本情况");
        }
    }

    @Test
    void badReportsAreRefusedAndStoreNothing() {
        Orgs orgs = orgs();
        String branch = orgs.branchA();
        assertThat(post(path(branch) + "/report", secretary(branch), Map.of("mode", "ORAL", "report", "x")).status()).isEqualTo(400);
        assertThat(post(path(branch) + "/report", secretary(branch), Map.of("mode", "WRITTEN", "report", "x",
                "commitments", List.of(Map.of("problem", "p", "measure", "m", "deadline", (YEAR - 1) + "-06-30")))).problem())
                .isEqualTo("commitment-deadline");
        assertThat(post(path(branch) + "/report", secretary(orgs.branchB()), Map.of("mode", "WRITTEN", "report", "x")).problem())
                .isEqualTo("out-of-scope");
        assertThat(post(path(branch) + "/conclusion", staff(orgs), Map.of("rating", "GOOD"), "If-Match", "\"0\"").problem())
                .isEqualTo("review-no-report");
        assertThat(get(path(branch), staff(orgs)).status()).isEqualTo(404);
    }

    @Test
    void theYearsReportOfASubtreeAsJsonAndExcel() throws Exception {
        Orgs orgs = orgs();
        String staff = staff(orgs);
        JsonNode report = get("/api/v1/assessments/organizations/" + orgs.general() + "/reports/" + YEAR, staff).json();
        assertThat(report.path("grades").path("branches").asInt()).isEqualTo(2);
        assertThat(report.path("scores")).hasSize(2);
        assertThat(report.path("rectification").path("subtree").path("total").asLong()).isZero();
        Response excel = get("/api/v1/assessments/organizations/" + orgs.general() + "/reports/" + YEAR + "/export", staff);
        assertThat(excel.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(excel.bytes()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("评估定级");
            assertThat(book.getSheetAt(1).getRow(0).getCell(3).getStringCellValue()).isEqualTo("平均得分");
            assertThat(book.getSheetAt(1).getPhysicalNumberOfRows()).isEqualTo(3);
        }
        assertThat(get("/api/v1/assessments/organizations/" + orgs.general() + "/reports/" + YEAR, secretary(orgs.branchA())).status())
                .isEqualTo(404);
    }
}
