package party.organization.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import party.organization.IntegrationTest;
import party.platform.events.CloudEvents;
import party.platform.test.TestContracts;
import party.platform.test.TestEvents;
import party.platform.test.TestHttp;
import tools.jackson.databind.JsonNode;

/** Responsibility letters over HTTP: issue, sign, the yearly report with its missing list, rules and scope. */
class ResponsibilityLetterIT extends IntegrationTest {

    private static final String LETTERS = "/api/v1/responsibility-letters";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final int YEAR = TODAY.getYear();

    @Test
    void lettersAreIssuedSignedAndTheMissingBranchesListed() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String branch3 = create(token, "BRANCH", "机电三队党支部", "B3-" + UUID.randomUUID().toString().substring(0, 8),
                tree.general());
        String secretaryId = UUID.randomUUID().toString();
        TestHttp.Response term = http().as(token).post("/api/v1/organizations/" + tree.branch1() + "/terms", Map.of(
                "startDate", TODAY.minusYears(1).toString(),
                "holders", List.of(Map.of("role", "SECRETARY", "memberId", secretaryId, "name", "张书记", "fullTime", false))));
        assertThat(term.status()).as(term.raw()).isEqualTo(201);

        // Without a named secretary the branch's current secretary is taken.
        TestHttp.Response issued = http().as(token).post(LETTERS, Map.of("orgId", tree.branch1(), "year", YEAR,
                "contentRef", "doc://letters/" + YEAR + "/b1", "issuedOn", TODAY.minusDays(10).toString()));
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        JsonNode letter = issued.json();
        assertThat(letter.get("secretaryMemberId").asString()).isEqualTo(secretaryId);
        assertThat(letter.get("secretaryName").asString()).isEqualTo("张书记");
        assertThat(letter.get("status").asString()).isEqualTo("ISSUED");
        assertThat(issued.header("ETag")).isEqualTo("\"0\"");
        String id = letter.get("id").asString();
        assertThat(issued.header("Location")).isEqualTo(LETTERS + "/" + id);

        TestHttp.Response second = http().as(token).post(LETTERS, Map.of("orgId", tree.branch2(), "year", YEAR,
                "secretaryName", "李书记", "contentRef", "doc://letters/" + YEAR + "/b2"));
        assertThat(second.status()).as(second.raw()).isEqualTo(201);
        assertThat(second.json().get("issuedOn").asString()).isEqualTo(TODAY.toString());

        TestHttp.Response signed = http().as(secretary(tree.branch1())).header("If-Match", "\"0\"")
                .post(LETTERS + "/" + id + "/sign", Map.of("signedOn", TODAY.minusDays(2).toString()));
        assertThat(signed.status()).as(signed.raw()).isEqualTo(200);
        assertThat(signed.json().get("status").asString()).isEqualTo("SIGNED");
        assertThat(signed.json().get("signedOn").asString()).isEqualTo(TODAY.minusDays(2).toString());
        assertThat(signed.header("ETag")).isEqualTo("\"1\"");

        JsonNode report = http().as(token).get("/api/v1/organizations/" + tree.committee()
                + "/responsibility-letters?year=" + YEAR).json();
        assertThat(report.get("branches").asLong()).isEqualTo(3);
        assertThat(report.get("issued").asLong()).isEqualTo(2);
        assertThat(report.get("signed").asLong()).isEqualTo(1);
        assertThat(report.get("missingCount").asLong()).isEqualTo(2);
        Map<String, String> gaps = new HashMap<>();
        report.get("missing").forEach(m -> gaps.put(m.get("orgId").asString(), m.get("gap").asString()));
        assertThat(gaps).containsOnly(Map.entry(tree.branch2(), "NOT_SIGNED"), Map.entry(branch3, "NOT_ISSUED"));

        JsonNode general = http().as(token).get("/api/v1/organizations/" + tree.general()
                + "/responsibility-letters?year=" + YEAR).json();
        assertThat(general.get("branches").asLong()).isEqualTo(2);
        assertThat(general.get("signed").asLong()).isEqualTo(1);
        assertThat(general.get("missing").valueStream().map(m -> m.get("orgId").asString())).containsExactly(branch3);
        JsonNode lastYear = http().as(token).get("/api/v1/organizations/" + tree.committee()
                + "/responsibility-letters?year=" + (YEAR - 1)).json();
        assertThat(lastYear.get("issued").asLong()).isZero();
        assertThat(lastYear.get("missingCount").asLong()).isEqualTo(3);

        ConsumerRecord<String, String> issuedEvent = event(id, ResponsibilityLetter.ISSUED);
        assertThat(TestContracts.violations(ResponsibilityLetter.ISSUED, issuedEvent.value())).isEmpty();
        assertThat(issuedEvent.value()).doesNotContain("张书记").contains(secretaryId);
        ConsumerRecord<String, String> signedEvent = event(id, ResponsibilityLetter.SIGNED);
        assertThat(TestContracts.violations(ResponsibilityLetter.SIGNED, signedEvent.value())).isEmpty();
        assertThat(signedEvent.value()).contains(TODAY.minusDays(2).toString());
        assertThat(TestContracts.violations(ResponsibilityLetter.ISSUED, TestContracts.example(ResponsibilityLetter.ISSUED))).isEmpty();
        assertThat(TestContracts.violations(ResponsibilityLetter.SIGNED, TestContracts.example(ResponsibilityLetter.SIGNED))).isEmpty();
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndStoresNothing() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String group = create(token, "GROUP", "第一党小组", "GR-" + UUID.randomUUID().toString().substring(0, 8), tree.branch1());
        long before = mongo.getCollection("responsibility_letters").countDocuments();

        assertProblem(http().as(token).post(LETTERS, letter(tree.branch1(), YEAR, "issuedOn", TODAY.plusDays(1).toString())),
                422, "letter-date-in-future");
        assertProblem(http().as(token).post(LETTERS, letter(tree.branch1(), YEAR + 2)), 422, "letter-year-too-far");
        assertProblem(http().as(token).post(LETTERS, letter(group, YEAR)), 422, "letter-not-for-type");
        assertProblem(http().as(token).post(LETTERS, letter(tree.general(), YEAR)), 422, "letter-not-for-type");
        assertProblem(http().as(token).post(LETTERS, letter(UUID.randomUUID().toString(), YEAR)), 422,
                "letter-unknown-organization");
        // No secretary named and none recorded in the branch's leadership.
        assertProblem(http().as(token).post(LETTERS, Map.of("orgId", tree.branch1(), "year", YEAR, "contentRef", "doc://x")),
                422, "letter-needs-secretary");
        TestHttp.Response invalid = http().as(token).header("Accept-Language", "en").post(LETTERS, Map.of("year", 1999));
        assertProblem(invalid, 400, "invalid-request");
        assertThat(invalid.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("orgId", "year", "contentRef");
        assertThat(mongo.getCollection("responsibility_letters").countDocuments()).isEqualTo(before);

        TestHttp.Response issued = http().as(token).post(LETTERS, letter(tree.branch1(), YEAR, "issuedOn",
                TODAY.minusDays(3).toString()));
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        String sign = LETTERS + "/" + issued.json().get("id").asString() + "/sign";
        assertProblem(http().as(token).post(LETTERS, letter(tree.branch1(), YEAR)), 409, "letter-exists");

        assertProblem(http().as(token).post(sign, Map.of("signedOn", TODAY.toString())), 428, "if-match-required");
        assertProblem(http().as(token).header("If-Match", "\"4\"").post(sign, Map.of("signedOn", TODAY.toString())),
                412, "stale-version");
        assertProblem(http().as(token).header("If-Match", "\"0\"").post(sign, Map.of("signedOn", TODAY.plusDays(1).toString())),
                422, "letter-date-in-future");
        TestHttp.Response early = http().as(token).header("If-Match", "\"0\"").header("Accept-Language", "zh-CN")
                .post(sign, Map.of("signedOn", TODAY.minusDays(4).toString()));
        assertProblem(early, 422, "letter-signed-before-issue");
        assertThat(early.json().get("title").asString()).isEqualTo("签订日期早于下发日期");
        assertProblem(http().as(token).header("If-Match", "\"0\"").post(sign, Map.of()), 400, "invalid-request");
        assertThat(mongo.getCollection("responsibility_letters").countDocuments()).isEqualTo(before + 1);
        assertThat(http().as(token).get(LETTERS + "/" + issued.json().get("id").asString()).json()
                .get("status").asString()).isEqualTo("ISSUED");

        assertThat(http().as(token).header("If-Match", "\"0\"").post(sign, Map.of("signedOn", TODAY.minusDays(3).toString()))
                .status()).isEqualTo(200);
        assertProblem(http().as(token).header("If-Match", "\"1\"").post(sign, Map.of("signedOn", TODAY.toString())),
                409, "letter-already-signed");
        assertProblem(http().as(token).get("/api/v1/organizations/" + tree.committee() + "/responsibility-letters?year=99"),
                400, "letter-invalid-year");
    }

    @Test
    void secretariesSignOnlyTheirOwnLettersAndSeeOnlyTheirOwnSubtree() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String id = http().as(token).post(LETTERS, letter(tree.branch1(), YEAR)).json().get("id").asString();
        String letterPath = LETTERS + "/" + id;

        String other = secretary(tree.branch2());
        TestHttp.Response hidden = http().as(other).get(letterPath);
        assertProblem(hidden, 404, "not-found");
        assertThat(hidden.raw()).doesNotContain("书记");
        assertProblem(http().as(other).header("If-Match", "\"0\"").post(letterPath + "/sign",
                Map.of("signedOn", TODAY.toString())), 404, "not-found");
        assertProblem(http().as(other).get("/api/v1/organizations/" + tree.committee() + "/responsibility-letters"),
                404, "not-found");
        assertProblem(http().as(secretary(tree.branch1())).post(LETTERS, letter(tree.branch1(), YEAR - 1)), 403, "forbidden");
        // A staff member of branch 2 cannot issue into branch 1: it does not exist for them.
        assertProblem(http().as(admin(tree.branch2())).post(LETTERS, letter(tree.branch1(), YEAR - 1)), 422,
                "letter-unknown-organization");
        assertProblem(http().as(inspector(tree.committee())).header("If-Match", "\"0\"").post(letterPath + "/sign",
                Map.of("signedOn", TODAY.toString())), 403, "forbidden");
        assertThat(http().as(token).get(letterPath).json().get("status").asString()).isEqualTo("ISSUED");

        JsonNode own = http().as(secretary(tree.branch1())).get("/api/v1/organizations/" + tree.branch1()
                + "/responsibility-letters").json();
        assertThat(own.get("year").asInt()).isEqualTo(YEAR);
        assertThat(own.get("issued").asLong()).isEqualTo(1);
        TestHttp.Response signed = http().as(secretary(tree.branch1())).header("If-Match", "\"0\"")
                .post(letterPath + "/sign", Map.of("signedOn", TODAY.toString()));
        assertThat(signed.status()).as(signed.raw()).isEqualTo(200);
    }

    @Test
    void aRepeatedIssueWithTheSameIdempotencyKeyIssuesOneLetter() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String key = UUID.randomUUID().toString();
        TestHttp.Response first = http().as(token).header("Idempotency-Key", key).post(LETTERS, letter(tree.branch2(), YEAR));
        TestHttp.Response again = http().as(token).header("Idempotency-Key", key).post(LETTERS, letter(tree.branch2(), YEAR));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
    }

    private static Map<String, Object> letter(String orgId, int year, String... more) {
        Map<String, Object> body = new HashMap<>(Map.of("orgId", orgId, "year", year, "secretaryName", "王书记",
                "contentRef", "doc://letters/" + year));
        for (int i = 0; i < more.length; i += 2) {
            body.put(more[i], more[i + 1]);
        }
        return body;
    }

    private ConsumerRecord<String, String> event(String letterId, String type) {
        return events().await("party.organization", r -> letterId.equals(r.key())
                && type.equals(TestEvents.header(r, CloudEvents.TYPE)), Duration.ofSeconds(15));
    }

    private static void assertProblem(TestHttp.Response response, int status, String slug) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:party-building:problem:" + slug);
    }
}
