package party.member.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import party.platform.test.TestContracts;
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
 * Helpers of the transfer integration tests on the shared {@link IntegrationTest} context: an org
 * tree of two committees written into the projection, members through the real registry API,
 * transfers through HTTP, and a reader of party.member.
 */
abstract class TransferTestSupport extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PROBLEM = "urn:party-building:problem:";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int transferPort;

    @Value("${spring.embedded.kafka.brokers}")
    String transferBrokers;

    @Autowired
    MongoTemplate db;

    /**
     * province → committee 1 → general branch → branches A, B and a dissolved branch D;
     * province → committee 2 → branch X.
     */
    record Tree(String province, String committee1, String general, String branchA, String branchB, String dissolved,
                String committee2, String branchX) {
    }

    Tree tree() {
        String p = UUID.randomUUID().toString().substring(0, 8);
        Tree t = new Tree("tp-" + p, "tc1-" + p, "tg-" + p, "ta-" + p, "tb-" + p, "td-" + p, "tc2-" + p, "tx-" + p);
        db.save(new OrgNode(t.province(), null, List.of(), "COMMITTEE", "省委 " + p, "ACTIVE", 0));
        db.save(new OrgNode(t.committee1(), t.province(), List.of(t.province()), "COMMITTEE", "党委一 " + p, "ACTIVE", 0));
        db.save(new OrgNode(t.general(), t.committee1(), List.of(t.province(), t.committee1()), "GENERAL_BRANCH",
                "总支 " + p, "ACTIVE", 0));
        List<String> underGeneral = List.of(t.province(), t.committee1(), t.general());
        db.save(new OrgNode(t.branchA(), t.general(), underGeneral, "BRANCH", "支部A " + p, "ACTIVE", 0));
        db.save(new OrgNode(t.branchB(), t.general(), underGeneral, "BRANCH", "支部B " + p, "ACTIVE", 0));
        db.save(new OrgNode(t.dissolved(), t.general(), underGeneral, "BRANCH", "支部D " + p, OrgNode.DISSOLVED, 1));
        db.save(new OrgNode(t.committee2(), t.province(), List.of(t.province()), "COMMITTEE", "党委二 " + p, "ACTIVE", 0));
        db.save(new OrgNode(t.branchX(), t.committee2(), List.of(t.province(), t.committee2()), "BRANCH", "支部X " + p,
                "ACTIVE", 0));
        return t;
    }

    static String staffOf(String committee) {
        return TestJwt.get().token("staff-" + committee, List.of(Roles.ORG_STAFF), List.of(committee), List.of());
    }

    static String secretaryOf(String branch) {
        return TestJwt.get().token("secretary-" + branch, List.of(Roles.SECRETARY), List.of(branch), List.of());
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** Registers a member of the given status through the registry API. */
    String member(Tree tree, String branch, String status) {
        LocalDate birthDate = TestIds.birthDate();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "赵六" + UUID.randomUUID().toString().substring(0, 4));
        body.put("gender", "FEMALE");
        body.put("birthDate", birthDate.toString());
        body.put("nationalId", TestIds.nationalId(birthDate));
        body.put("orgId", branch);
        body.put("status", status);
        body.put("joinedAt", "2010-07-01");
        Reply reply = send("POST", "/api/v1/members", staffOf(tree.province()), body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asString();
    }

    String memberEtag(String memberId, String token) {
        Reply reply = read("/api/v1/members/" + memberId, token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.header("ETag");
    }

    static Map<String, Object> letter(String scope, String toOrgId, String toOrgName, Object... extras) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", scope);
        if (toOrgId != null) {
            body.put("toOrgId", toOrgId);
        }
        if (toOrgName != null) {
            body.put("toOrgName", toOrgName);
        }
        body.put("reason", "工作调动");
        for (int i = 0; i + 1 < extras.length; i += 2) {
            body.put((String) extras[i], extras[i + 1]);
        }
        return body;
    }

    /** Issues a letter with the member's current ETag. */
    Reply issue(String memberId, String token, Map<String, Object> body) {
        return send("POST", "/api/v1/members/" + memberId + "/transfers", token, body, "If-Match",
                memberEtag(memberId, staffOf(rootOf(memberId))));
    }

    private String rootOf(String memberId) {
        org.bson.Document member = db.findById(memberId, org.bson.Document.class, "members");
        OrgNode org = db.findById(member.getString("orgId"), OrgNode.class);
        return org.ancestors().isEmpty() ? org.id() : org.ancestors().getFirst();
    }

    Reply decide(String transferId, String action, String token, Object body) {
        Reply current = read("/api/v1/transfers/" + transferId, token);
        String etag = current.status() == 200 ? current.header("ETag") : "\"0\"";
        return send("POST", "/api/v1/transfers/" + transferId + "/" + action, token, body, "If-Match", etag);
    }

    long transfersOf(String memberId) {
        return db.count(Query.query(Criteria.where("memberId").is(memberId)), Transfer.COLLECTION);
    }

    static void assertContract(String type, ConsumerRecord<String, String> record) {
        assertThat(TestContracts.violations(type, record.value())).as(type + " " + record.value()).isEmpty();
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
            return status + " " + type.substring(PROBLEM.length());
        }
    }

    Reply send(String method, String path, String token, Object body, String... headers) {
        TestApi.Answer answer = TestApi.send(transferPort, method, path, token, body, headers);
        return new Reply(answer.status(), answer.headers(), answer.body());
    }

    Reply read(String path, String token) {
        return send("GET", path, token, null);
    }

    // ---------------------------------------------------------------- published events

    /** Waits until {@code count} events of the type with the key are read, and answers them in order. */
    List<ConsumerRecord<String, String>> awaitEvents(String type, String key, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> events(type, key), list -> list.size() >= count);
    }

    synchronized List<ConsumerRecord<String, String>> events(String type, String key) {
        // Delivery is at least once (the relay and its sweep may both send); consumers dedupe on ce_id.
        java.util.Set<String> seen = new java.util.HashSet<>();
        return MemberEvents.published(transferBrokers).stream().filter(r -> key.equals(r.key()) && type.equals(header(r, CloudEvents.TYPE)))
                .filter(r -> seen.add(header(r, CloudEvents.ID))).toList();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
