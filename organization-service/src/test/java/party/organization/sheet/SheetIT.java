package party.organization.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import party.organization.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sheets in the national system's columns: imported whole or not at all, exported in the same form. */
class SheetIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static byte[] sheet(List<List<String>> rows) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("党组织");
            Row header = sheet.createRow(0);
            for (int c = 0; c < OrganizationSheet.COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(OrganizationSheet.COLUMNS.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private record Answer(int status, String body, byte[] bytes, String contentType) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private Answer upload(String token, byte[] xlsx, String language) throws Exception {
        String boundary = "----party" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"orgs.xlsx\"\r\n"
                + "Content-Type: " + OrganizationSheet.MEDIA_TYPE + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(xlsx);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/organizations/import"))
                .header("Authorization", "Bearer " + token).header("Accept-Language", language)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response.body(),
                response.headers().firstValue("Content-Type").orElse(""));
    }

    private Answer download(String token, String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), null, response.body(), response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void aValidSheetIsImportedAndExportsBackInTheSameColumns() throws Exception {
        Tree tree = tree();
        String token = admin(tree.committee());
        String committeeCode = http().as(token).get("/api/v1/organizations/" + tree.committee()).json().get("code").asString();
        String s = UUID.randomUUID().toString().substring(0, 6);
        byte[] xlsx = sheet(List.of(
                List.of("井下第三党小组", "G3-" + s, "党小组", "B3-" + s, ""),
                List.of("运输三队党支部", "B3-" + s, "党支部", "GB3-" + s, "2012-05-04"),
                List.of("生产党总支", "GB3-" + s, "党总支", committeeCode, "2009-07-01")));

        Answer imported = upload(token, xlsx, "zh-CN");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("created").asInt()).isEqualTo(3);

        JsonNode group = http().as(token).get("/api/v1/organizations?code=G3-" + s).json().get("items").get(0);
        assertThat(group.get("type").asString()).isEqualTo("GROUP");
        assertThat(group.get("ancestors").size()).isEqualTo(3);

        Answer exported = download(token, "/api/v1/organizations/" + tree.committee() + "/export");
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.contentType()).isEqualTo(OrganizationSheet.MEDIA_TYPE);
        List<SheetRow> rows = OrganizationSheet.read(new ByteArrayInputStream(exported.bytes()));
        assertThat(rows).extracting(SheetRow::code).startsWith(committeeCode).contains("GB3-" + s, "B3-" + s, "G3-" + s);
        SheetRow branch = rows.stream().filter(r -> r.code().equals("B3-" + s)).findFirst().orElseThrow();
        assertThat(branch).isEqualTo(new SheetRow(branch.rowNumber(), "运输三队党支部", "B3-" + s, "党支部", "GB3-" + s, "2012-05-04"));
        assertThat(rows.getFirst().parentCode()).isEmpty();
    }

    @Test
    void aSheetWithAnyBadRowImportsNothingAndReportsEveryRow() throws Exception {
        Tree tree = tree();
        String token = admin(tree.committee());
        String committeeCode = http().as(token).get("/api/v1/organizations/" + tree.committee()).json().get("code").asString();
        String s = UUID.randomUUID().toString().substring(0, 6);
        long before = mongo.getCollection("organizations").countDocuments();
        byte[] xlsx = sheet(List.of(
                List.of("好的党总支", "OK-" + s, "党总支", committeeCode, "2009-07-01"),
                List.of("错放的小组", "BAD-" + s, "党小组", committeeCode, ""),
                List.of("将来的支部", "FUT-" + s, "党支部", "OK-" + s, "2999-01-01")));

        Answer rejected = upload(token, xlsx, "en");
        assertThat(rejected.status()).isEqualTo(422);
        JsonNode problem = rejected.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:party-building:problem:sheet-rejected");
        assertThat(problem.get("rows").valueStream().map(r -> r.get("row").asInt() + ":" + r.get("code").asString()))
                .containsExactly("3:invalid-placement", "4:future-date");
        assertThat(problem.get("rows").get(1).get("message").asString()).isEqualTo("2999-01-01 is in the future");
        assertThat(mongo.getCollection("organizations").countDocuments()).isEqualTo(before);

        assertThat(upload(token, "not a sheet".getBytes(StandardCharsets.UTF_8), "en").status()).isEqualTo(400);
        assertThat(upload(secretary(tree.branch1()), xlsx, "en").status()).isEqualTo(403);
        assertThat(download(secretary(tree.branch1()), "/api/v1/organizations/" + tree.branch2() + "/export").status())
                .isEqualTo(404);
    }
}
