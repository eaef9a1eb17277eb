package party.member.status;

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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import party.member.it.IntegrationTest;
import party.member.it.MemberEvents;
import party.platform.test.TestApi;
import party.member.member.TestIds;
import party.platform.events.CloudEvents;
import party.platform.events.EventsConfiguration;
import party.platform.events.TraceContext;
import party.platform.orgtree.OrgNode;
import party.platform.security.Roles;
import party.platform.test.TestContracts;
import party.platform.test.TestJwt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Helpers of the status tests on the shared {@link IntegrationTest} context: an org tree written
 * into the projection, members registered through the real API, HTTP, a reader of party.member and
 * a producer of organization-service's meeting events.
 */
abstract class StatusTestSupport extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PROBLEM = "urn:party-building:problem:";
    private static KafkaTemplate<String, String> producer;

    @LocalServerPort
    int statusPort;

    @Value("${spring.embedded.kafka.brokers}")
    String statusBrokers;

    @Autowired
    MongoTemplate db;

    record Tree(String committee, String general, String branchA, String branchB) {
    }

    Tree tree() {
        String p = UUID.randomUUID().toString().substring(0, 8);
        Tree tree = new Tree("sc-" + p, "sg-" + p, "sa-" + p, "sb-" + p);
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

    static String admin(Tree tree) {
        return token("admin-" + tree.committee(), List.of(Roles.ADMIN), List.of(tree.committee()));
    }

    static String secretary(String branch) {
        return token("secretary-" + branch, List.of(Roles.SECRETARY), List.of(branch));
    }

    /** Registers a member through the registry API. */
    String member(Tree tree, String branch, String status, LocalDate joinedAt) {
        LocalDate birthDate = TestIds.birthDate();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "王五" + UUID.randomUUID().toString().substring(0, 4));
        body.put("gender", "MALE");
        body.put("birthDate", birthDate.toString());
        body.put("nationalId", TestIds.nationalId(birthDate));
        body.put("orgId", branch);
        body.put("status", status);
        body.put("joinedAt", joinedAt.toString());
        Reply reply = send("POST", "/api/v1/members", staff(tree), body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asString();
    }

    String memberETag(Tree tree, String memberId) {
        Reply reply = get("/api/v1/members/" + memberId, staff(tree));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.header("ETag");
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
        TestApi.Answer answer = TestApi.send(statusPort, method, path, token, body, headers);
        return new Reply(answer.status(), answer.headers(), answer.body());
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    // ---------------------------------------------------------------- events

    /** Waits until a record on party.member matches. */
    ConsumerRecord<String, String> awaitEvent(Predicate<ConsumerRecord<String, String>> match) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> MemberEvents.published(statusBrokers).stream().filter(match).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    List<ConsumerRecord<String, String>> events(Predicate<ConsumerRecord<String, String>> match) {
        return MemberEvents.published(statusBrokers).stream().filter(match).toList();
    }

    static Predicate<ConsumerRecord<String, String>> ofType(String type, String field, String value) {
        return r -> type.equals(type(r)) && value.equals(JSON.readTree(r.value()).path(field).asString());
    }

    static String type(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader(CloudEvents.TYPE);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static void assertContract(String type, ConsumerRecord<String, String> record) {
        assertThat(TestContracts.violations(type, record.value())).as(record.value()).isEmpty();
    }

    /** Publishes a real party.organization.meeting-held.v1 record, validated against its contract first. */
    void meetingHeld(String branch, String heldAt, List<String> present, List<String> absent) {
        String meetingId = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meetingId", meetingId);
        body.put("orgId", branch);
        body.put("branchId", branch);
        body.put("meetingType", "BRANCH_GENERAL_MEETING");
        body.put("heldAt", heldAt);
        body.put("presentMemberIds", present);
        body.put("absentMemberIds", absent);
        body.put("expectedCount", present.size() + absent.size());
        body.put("quorumMet", true);
        body.put("lecturerMemberId", null);
        body.put("topic", null);
        body.put("version", 1);
        String json = JSON.writeValueAsString(body);
        String type = "party.organization.meeting-held.v1";
        assertThat(TestContracts.violations(type, json)).as(json).isEmpty();
        ProducerRecord<String, String> record = new ProducerRecord<>("party.organization", meetingId, json);
        header(record, CloudEvents.SPEC_VERSION, "1.0");
        header(record, CloudEvents.ID, UUID.randomUUID().toString());
        header(record, CloudEvents.TYPE, type);
        header(record, CloudEvents.SOURCE, "/organization-service");
        header(record, CloudEvents.SUBJECT, meetingId);
        header(record, CloudEvents.TIME, java.time.Instant.now().toString());
        header(record, CloudEvents.CONTENT_TYPE, "application/json");
        header(record, TraceContext.HEADER, TraceContext.generate());
        try {
            producer().send(record).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish meeting event", e);
        }
    }

    private synchronized KafkaTemplate<String, String> producer() {
        if (producer == null) {
            producer = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                    EventsConfiguration.producerConfig(List.of(statusBrokers))));
        }
        return producer;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
