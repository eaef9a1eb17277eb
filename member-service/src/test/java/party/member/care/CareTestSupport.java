package party.member.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import party.member.it.IntegrationTest;
import party.platform.test.TestApi;
import party.member.member.TestIds;
import party.platform.orgtree.OrgNode;
import party.platform.security.Roles;
import party.platform.test.TestEvents;
import party.platform.test.TestJwt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Helpers of the care-visit and political-birthday integration tests on the shared
 * {@link IntegrationTest} context: an org tree written straight into the projection (the org-event
 * path is the registry's tests' concern), members with chosen dates through the real API, HTTP,
 * and a reader of party.member.
 */
public abstract class CareTestSupport extends IntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final String PROBLEM = "urn:party-building:problem:";

    @LocalServerPort
    protected int carePort;

    @Value("${spring.embedded.kafka.brokers}")
    protected String careBrokers;

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
        Tree tree = new Tree("cc-" + p, "cg-" + p, "ca-" + p, "cb-" + p, "cd-" + p);
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

    protected static String staff(Tree tree) {
        return TestJwt.get().token("staff-" + tree.committee(), List.of(Roles.ORG_STAFF), List.of(tree.committee()), List.of());
    }

    protected static String secretary(String branch) {
        return TestJwt.get().token("secretary-" + branch, List.of(Roles.SECRETARY), List.of(branch), List.of());
    }

    /** Registers a member through the registry's API and answers its id. */
    protected String member(Tree tree, String branch, String name, LocalDate birthDate, String status, LocalDate joinedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("gender", "FEMALE");
        body.put("birthDate", birthDate.toString());
        body.put("nationalId", TestIds.nationalId(birthDate));
        body.put("orgId", branch);
        body.put("status", status);
        body.put("joinedAt", joinedAt == null ? null : joinedAt.toString());
        Res created = post("/api/v1/members", staff(tree), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /**
     * Sets a stored member field directly: a person who is no Party member (an applicant), or a
     * full-membership date, as the development pipeline would leave them.
     */
    protected void setStored(String memberId, String field, Object value) {
        db.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(memberId)),
                org.springframework.data.mongodb.core.query.Update.update(field, value), party.member.member.Member.COLLECTION);
    }

    /** The first record on party.member that matches, read from the beginning. */
    protected ConsumerRecord<String, String> published(Predicate<ConsumerRecord<String, String>> match) {
        return new TestEvents(careBrokers).await("party.member", match, Duration.ofSeconds(30));
    }

    protected static String headerOf(ConsumerRecord<String, String> record, String name) {
        return TestEvents.header(record, name);
    }

    /** An HTTP answer. */
    protected record Res(int status, HttpHeaders headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The problem type's slug, asserting the answer is Problem Details. */
        public String problem() {
            assertThat(header("Content-Type")).as(body).startsWith("application/problem+json");
            String type = json().path("type").asString();
            assertThat(type).startsWith(PROBLEM);
            return type.substring(PROBLEM.length());
        }

        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
            return fields;
        }
    }

    protected Res get(String path, String token, String... headers) {
        return send("GET", path, token, null, headers);
    }

    protected Res post(String path, String token, Object body, String... headers) {
        return send("POST", path, token, body instanceof String s ? s : JSON.writeValueAsString(body), headers);
    }

    protected Res put(String path, String token, Object body, String... headers) {
        return send("PUT", path, token, JSON.writeValueAsString(body), headers);
    }

    protected Res delete(String path, String token, String... headers) {
        return send("DELETE", path, token, null, headers);
    }

    private Res send(String method, String path, String token, String body, String... headers) {
        TestApi.Answer answer = TestApi.send(carePort, method, path, token, body, headers);
        return new Res(answer.status(), answer.headers(), answer.body());
    }
}
