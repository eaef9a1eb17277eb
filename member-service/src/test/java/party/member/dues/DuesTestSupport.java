package party.member.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import party.member.it.IntegrationTest;
import party.member.it.MemberEvents;
import party.platform.test.TestApi;
import party.member.member.TestIds;
import party.platform.events.CloudEvents;
import party.platform.orgtree.OrgNode;
import party.platform.security.Roles;
import party.platform.test.TestJwt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Helpers of the dues integration tests, on the shared {@link IntegrationTest} context: an org tree
 * written into the projection, members registered through the real API, HTTP with PUT, and a reader
 * of what is published on party.member.
 */
abstract class DuesTestSupport extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PROBLEM = "urn:party-building:problem:";

    @LocalServerPort
    int duesPort;

    @Value("${spring.embedded.kafka.brokers}")
    String duesBrokers;

    @Autowired
    MongoTemplate db;

    /** committee → general branch → branches A and B, with unique ids. */
    record Tree(String committee, String general, String branchA, String branchB) {
    }

    /**
     * The projection is written directly: the org-events path is covered by the registry's tests, and
     * dues only reads the stored nodes.
     */
    Tree tree() {
        String p = UUID.randomUUID().toString().substring(0, 8);
        Tree tree = new Tree("dc-" + p, "dg-" + p, "da-" + p, "db-" + p);
        db.save(new OrgNode(tree.committee(), null, List.of(), "COMMITTEE", "委员会 " + p, "ACTIVE", 0));
        db.save(new OrgNode(tree.general(), tree.committee(), List.of(tree.committee()), "GENERAL_BRANCH", "总支 " + p,
                "ACTIVE", 0));
        for (String branch : List.of(tree.branchA(), tree.branchB())) {
            db.save(new OrgNode(branch, tree.general(), List.of(tree.committee(), tree.general()), "BRANCH",
                    "支部 " + branch, "ACTIVE", 0));
        }
        return tree;
    }

    static String token(String subject, List<String> roles, List<String> scopes) {
        return TestJwt.get().token(subject, roles, scopes, List.of());
    }

    static String staff(Tree tree) {
        return token("staff-" + tree.committee(), List.of(Roles.ORG_STAFF), List.of(tree.committee()));
    }

    static String secretary(String branch) {
        return token("secretary-" + branch, List.of(Roles.SECRETARY), List.of(branch));
    }

    /** Registers a member through the registry API; joinedAt null = owes from the registration month. */
    String member(Tree tree, String branch, String status, LocalDate joinedAt) {
        LocalDate birthDate = TestIds.birthDate();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "李四" + UUID.randomUUID().toString().substring(0, 4));
        body.put("gender", "FEMALE");
        body.put("birthDate", birthDate.toString());
        body.put("nationalId", TestIds.nationalId(birthDate));
        body.put("orgId", branch);
        body.put("status", status);
        body.put("joinedAt", joinedAt == null ? null : joinedAt.toString());
        Reply reply = send("POST", "/api/v1/members", staff(tree), body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asString();
    }

    // ---------------------------------------------------------------- HTTP

    record Reply(int status, java.net.http.HttpHeaders headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String problem() {
            assertThat(header("Content-Type")).as(body).startsWith("application/problem+json");
            String type = json().path("type").asString();
            assertThat(type).startsWith(PROBLEM);
            return type.substring(PROBLEM.length());
        }
    }

    Reply send(String method, String path, String token, Object body, String... headers) {
        TestApi.Answer answer = TestApi.send(duesPort, method, path, token, body, headers);
        return new Reply(answer.status(), answer.headers(), answer.body());
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    Reply setBase(String token, String memberId, Map<String, Object> body) {
        return send("PUT", "/api/v1/dues/members/" + memberId + "/base", token, body);
    }

    static Map<String, Object> base(String category, String base, String from) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", category);
        body.put("base", base == null ? null : new java.math.BigDecimal(base));
        body.put("effectiveFrom", from);
        return body;
    }

    Reply pay(String token, Map<String, Object> body, String... headers) {
        return send("POST", "/api/v1/dues/payments", token, body, headers);
    }

    static Map<String, Object> payment(String memberId, Object... months) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", memberId);
        body.put("months", List.of(months).stream().map(Object::toString).toList());
        return body;
    }

    Reply bill(String token, String orgId, Object month) {
        return send("POST", "/api/v1/dues/organizations/" + orgId + "/bills?month=" + month, token, null);
    }

    // ---------------------------------------------------------------- storage

    long paymentsOf(String memberId) {
        return db.count(Query.query(Criteria.where("memberId").is(memberId)), DuesPayment.COLLECTION);
    }

    long paidBillsOf(String memberId) {
        return db.count(Query.query(Criteria.where("memberId").is(memberId).and("paymentId").ne(null)), DuesBill.COLLECTION);
    }

    long billsOf(String memberId) {
        return db.count(Query.query(Criteria.where("memberId").is(memberId)), DuesBill.COLLECTION);
    }

    long basesOf(String memberId) {
        return db.count(Query.query(Criteria.where("memberId").is(memberId)), DuesBase.COLLECTION);
    }

    // ---------------------------------------------------------------- published events

    ConsumerRecord<String, String> awaitEvent(String type, String key) {
        return awaitRecord(r -> key.equals(r.key()) && type.equals(header(r, CloudEvents.TYPE)));
    }

    List<ConsumerRecord<String, String>> eventsOfType(String type, Predicate<JsonNode> match) {
        return MemberEvents.published(duesBrokers).stream().filter(r -> type.equals(header(r, CloudEvents.TYPE)))
                .filter(r -> match.test(JSON.readTree(r.value()))).toList();
    }

    private ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> match) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> MemberEvents.published(duesBrokers).stream().filter(match).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
