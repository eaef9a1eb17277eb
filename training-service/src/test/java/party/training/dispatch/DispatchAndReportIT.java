package party.training.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Map;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import party.training.it.IntegrationTest;
import party.training.support.TrainingCalendar;
import tools.jackson.databind.JsonNode;

/** Party-school dispatches credit the ledger; the yearly report per subtree, as JSON and Excel. */
class DispatchAndReportIT extends IntegrationTest {

    @Test
    void aDispatchIsRecordedCreditedAndReported() throws Exception {
        Orgs orgs = orgs();
        String memberA = registeredMember(orgs.branchA());
        String memberB = registeredMember(orgs.branchB());
        LocalDate today = TrainingCalendar.today(CLOCK);
        int year = today.getYear();
        Map<String, Object> body = Map.of("memberId", memberA, "school", "市委党校", "startDate", today.minusDays(5).toString(),
                "endDate", today.minusDays(1).toString(), "creditHours", 24);

        assertThat(post("/api/v1/trainings/dispatches", staff(orgs), Map.of("memberId", memberA, "school", "市委党校",
                "startDate", today.toString(), "endDate", today.plusDays(3).toString(), "creditHours", 24)).problem())
                .isEqualTo("dispatch-in-future");
        assertThat(post("/api/v1/trainings/dispatches", staff(orgs), Map.of("memberId", memberA, "school", "市委党校",
                "startDate", today.minusDays(1).toString(), "endDate", today.minusDays(3).toString(), "creditHours", 24)).problem())
                .isEqualTo("dispatch-ends-before-start");
        assertThat(post("/api/v1/trainings/dispatches", secretary(orgs.branchB()), body).status()).isEqualTo(403);
        assertThat(count(Dispatch.COLLECTION) == 0 || mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("memberId").is(memberA)), Dispatch.class) == 0).isTrue();

        Response created = post("/api/v1/trainings/dispatches", secretary(orgs.branchA()), body, "Idempotency-Key", "d-" + memberA);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(awaitEvent("party.training.dispatch-recorded.v1", id).path("creditHours").asString()).isEqualTo("24");
        assertThat(post("/api/v1/trainings/dispatches", secretary(orgs.branchA()), body, "Idempotency-Key", "d-" + memberA)
                .json().path("id").asString()).isEqualTo(id);
        assertThat(get("/api/v1/trainings/me/progress", member(memberA)).json().path("bySource").path("DISPATCH").decimalValue())
                .isEqualByComparingTo("24");
        assertThat(get("/api/v1/trainings/dispatches/" + id, secretary(orgs.branchB())).status()).isEqualTo(404);
        assertThat(get("/api/v1/trainings/dispatches?orgId=" + orgs.committee(), staff(orgs)).json().path("total").asLong()).isEqualTo(1);

        // Complete B with an adjustment so the completion rate is 1 of 2.
        post("/api/v1/trainings/credits/adjustments", staff(orgs), Map.of("memberId", memberB, "year", year, "hours", 40, "reason", "补录"));

        JsonNode report = get("/api/v1/trainings/reports/yearly?orgId=" + orgs.committee() + "&year=" + year, staff(orgs)).json();
        assertThat(report.path("members").asLong()).isEqualTo(2);
        assertThat(report.path("completed").asLong()).isEqualTo(1);
        assertThat(report.path("completionRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(report.path("hoursDelivered").decimalValue()).isEqualByComparingTo("64");
        assertThat(report.path("hoursBySource").path("DISPATCH").decimalValue()).isEqualByComparingTo("24");
        assertThat(report.path("organizations")).hasSize(2);
        assertThat(get("/api/v1/trainings/reports/yearly?orgId=" + orgs.branchA(), secretary(orgs.branchB())).status()).isEqualTo(404);
        assertThat(get("/api/v1/trainings/reports/yearly?orgId=" + orgs.branchA(), member(memberA)).status()).isEqualTo(403);

        Response xlsx = get("/api/v1/trainings/reports/yearly.xlsx?orgId=" + orgs.committee() + "&year=" + year, staff(orgs));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            assertThat(book.getSheet("年度培训汇总").getRow(7).getCell(1).getStringCellValue()).isEqualTo("1");
            assertThat(book.getSheet("各组织").getPhysicalNumberOfRows()).isEqualTo(3);
            assertThat(book.getSheet("未达标党员").getRow(1).getCell(0).getStringCellValue()).isEqualTo(memberA);
        }
    }
}
