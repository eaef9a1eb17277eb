package party.member.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
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
 * Helpers of the development integration tests on the shared {@link IntegrationTest} context: an
 * org tree written into the projection (the org-events path is the registry's tests' concern),
 * members and applications through the real API, HTTP, and a reader of party.member.
 */
abstract class DevelopmentTestSupport extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PROBLEM = "urn:party-building:problem:";

    @LocalServerPort
    int devPort;

    @Value("${spring.embedded.kafka.brokers}")
    String devBrokers;

    @Autowired
    MongoTemplate db;

    /** committee → general branch → branches A and B, with unique ids. */
    record Tree(String committee, String general, String branchA, String branchB) {
    }

    Tree tree() {
        String p = UUID.randomUUID().toString().substring(0, 8);
        Tree tree = new Tree("vc-" + p, "vg-" + p, "va-" + p, "vb-" + p);
        db.save(new OrgNode(tree.committee(), null, List.of(), "COMMITTEE", "委员会 " + p, "ACTIVE", 0));
        db.save(new OrgNode(tree.general(), tree.committee(), List.of(tree.committee()), "GENERAL_BRANCH", "总支 " + p,
                "ACTIVE", 0));
        for (String branch : List.of(tree.branchA(), tree.branchB())) {
            db.save(new OrgNode(branch, tree.general(), List.of(tree.committee(), tree.general()), "BRANCH",
                    "支部 " + branch, "ACTIVE", 0));
        }
        return tree;
    }

    static String staff(Tree tree) {
        return TestJwt.get().token("staff-" + tree.committee(), List.of(Roles.ORG_STAFF), List.of(tree.committee()),
                List.of());
    }

    static String secretaryOf(String branch) {
        return TestJwt.get().token("secretary-" + branch, List.of(Roles.SECRETARY), List.of(branch), List.of());
    }

    /** Registers a member of the given status through the registry API. */
    String member(Tree tree, String branch, String status) {
        LocalDate birthDate = TestIds.birthDate();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "李四" + UUID.randomUUID().toString().substring(0, 4));
        body.put("gender", "FEMALE");
        body.put("birthDate", birthDate.toString());
        body.put("nationalId", TestIds.nationalId(birthDate));
        body.put("orgId", branch);
        body.put("status", status);
        body.put("joinedAt", "2010-07-01");
        Reply reply = send("POST", "/api/v1/members", staff(tree), body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asString();
    }

    /** A valid application to branch {@code orgId}, born {@code birthDate}, applying on {@code applied}. */
    static Map<String, Object> application(String orgId, LocalDate birthDate, LocalDate applied) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "王五" + UUID.randomUUID().toString().substring(0, 4));
        body.put("gender", "MALE");
        body.put("birthDate", birthDate.toString());
        body.put("nationalId", TestIds.nationalId(birthDate));
        body.put("phone", "13912345678");
        body.put("orgId", orgId);
        body.put("applicationDate", applied.toString());
        body.put("materials", List.of("APPLICATION_LETTER"));
        return body;
    }

    Reply apply(String token, Map<String, Object> body, String... headers) {
        return send("POST", "/api/v1/development", token, body, headers);
    }

    Reply step(String token, String id, int step, Map<String, Object> body, String etag) {
        return etag == null ? send("POST", "/api/v1/development/" + id + "/steps/" + step, token, body)
                : send("POST", "/api/v1/development/" + id + "/steps/" + step, token, body, "If-Match", etag);
    }

    /** A step body with the materials the step requires and the given extras. */
    static Map<String, Object> stepBody(int step, LocalDate date, Object... extras) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", date.toString());
        body.put("materials", StepCatalogue.requiredMaterials(step));
        for (int i = 0; i + 1 < extras.length; i += 2) {
            body.put((String) extras[i], extras[i + 1]);
        }
        return body;
    }

    long count(String collection, String field, Object value) {
        return db.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where(field).is(value)), collection);
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
        TestApi.Answer answer = TestApi.send(devPort, method, path, token, body, headers);
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
        return MemberEvents.published(devBrokers).stream().filter(r -> key.equals(r.key()) && type.equals(header(r, CloudEvents.TYPE)))
                .filter(r -> seen.add(header(r, CloudEvents.ID))).toList();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
