package party.member.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import party.member.it.IntegrationTest;
import party.member.member.Member;
import party.platform.orgtree.OrgNode;
import party.platform.security.Roles;
import party.platform.test.TestEvents;
import party.platform.test.TestJwt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Helpers of the roster and statistics integration tests on the shared {@link IntegrationTest}
 * context: an org tree written straight into the projection, sheets built with POI, multipart
 * uploads and binary downloads over real HTTP, and a reader of party.member.
 */
public abstract class RosterTestSupport extends IntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final String PROBLEM = "urn:party-building:problem:";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int rosterPort;

    @Value("${spring.embedded.kafka.brokers}")
    protected String rosterBrokers;

    @Autowired
    protected MongoTemplate db;

    /** committee → general branch → branches A and B; committee → a dissolved branch. Unique ids. */
    protected record Tree(String committee, String general, String branchA, String branchB, String dissolved) {
        public List<String> all() {
            return List.of(committee, general, branchA, branchB, dissolved);
        }
    }

    protected Tree tree() {
        String p = UUID.randomUUID().toString().substring(0, 8);
        Tree tree = new Tree("rc-" + p, "rg-" + p, "ra-" + p, "rb-" + p, "rd-" + p);
        db.save(new OrgNode(tree.committee(), null, List.of(), "COMMITTEE", "党委 " + p, "ACTIVE", 0));
        db.save(new OrgNode(tree.general(), tree.committee(), List.of(tree.committee()), "GENERAL_BRANCH", "总支 " + p,
                "ACTIVE", 0));
        for (String branch : List.of(tree.branchA(), tree.branchB())) {
            db.save(new OrgNode(branch, tree.general(), List.of(tree.committee(), tree.general()), "BRANCH",
                    "支部 " + branch, "ACTIVE", 0));
        }
        db.save(new OrgNode(tree.dissolved(), tree.committee(), List.of(tree.committee()), "BRANCH", "撤销支部 " + p,
                OrgNode.DISSOLVED, 1));
        return tree;
    }

    protected static String staff(Tree tree, String... permissions) {
        return TestJwt.get().token("staff-" + tree.committee(), List.of(Roles.ORG_STAFF), List.of(tree.committee()),
                List.of(permissions));
    }

    protected static String secretary(String branch) {
        return TestJwt.get().token("secretary-" + branch, List.of(Roles.SECRETARY), List.of(branch), List.of());
    }

    /** A roster row in the sheet's column order; tests alter cells. */
    protected static List<String> row(String name, String gender, String ethnicity, String birthDate, String nationalId,
                                      String phone, String education, String orgId, String category, String joinedAt,
                                      String fullMembershipDate) {
        return new ArrayList<>(Arrays.asList(name, gender, ethnicity, birthDate, nationalId, phone, education, orgId,
                category, joinedAt, fullMembershipDate));
    }

    /** {@link #row} with the optional columns 籍贯, 工作单位, 职务 and 职业 filled. */
    protected static List<String> withWork(List<String> row, String nativePlace, String workUnit, String position,
                                           String occupation) {
        List<String> longer = new ArrayList<>(row);
        longer.addAll(Arrays.asList(nativePlace, workUnit, position, occupation));
        return longer;
    }

    protected static byte[] sheet(List<List<String>> rows) {
        return sheet(RosterSheet.COLUMNS, rows);
    }

    /** A sheet with the given header row (a sheet of the original eleven columns, or reordered ones). */
    protected static byte[] sheet(List<String> columns, List<List<String>> rows) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("党员花名册");
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row line = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String v = rows.get(r).get(c);
                    if (v != null) {
                        line.createCell(c).setCellValue(v);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    protected long membersIn(Tree tree) {
        return db.count(Query.query(Criteria.where("orgId").in(tree.all())), Member.COLLECTION);
    }

    /** Every record on party.member naming one of the tree's organizations. */
    protected List<ConsumerRecord<String, String>> publishedFor(Tree tree) {
        return new TestEvents(rosterBrokers).readAll("party.member").stream()
                .filter(r -> tree.all().contains(JSON.readTree(r.value()).path("orgId").asString())).toList();
    }

    protected ConsumerRecord<String, String> published(java.util.function.Predicate<ConsumerRecord<String, String>> match) {
        return new TestEvents(rosterBrokers).await("party.member", match, Duration.ofSeconds(30));
    }

    /** An HTTP answer. */
    protected record Res(int status, HttpHeaders headers, byte[] bytes) {
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(body());
        }

        public String problem() {
            assertThat(headers.firstValue("Content-Type").orElse("")).as(body()).startsWith("application/problem+json");
            String type = json().path("type").asString();
            assertThat(type).startsWith(PROBLEM);
            return type.substring(PROBLEM.length());
        }
    }

    protected Res upload(String token, byte[] xlsx, String... headers) {
        String boundary = "----roster" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.xlsx\"\r\n"
                + "Content-Type: " + RosterSheet.MEDIA_TYPE + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(xlsx);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder builder = request("/api/v1/members/import", token, headers)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return send(builder.build());
    }

    protected Res download(String path, String token, String... headers) {
        return send(request(path, token, headers).GET().build());
    }

    private HttpRequest.Builder request(String path, String token, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rosterPort + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static Res send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Res(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
