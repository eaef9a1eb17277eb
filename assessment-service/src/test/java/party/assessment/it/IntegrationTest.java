package party.assessment.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import party.assessment.AssessmentServiceApplication;
import party.platform.events.CloudEvents;
import party.platform.events.EventsConfiguration;
import party.platform.events.TraceContext;
import party.platform.orgtree.OrgTree;
import party.platform.security.Roles;
import party.platform.test.TestApi;
import party.platform.test.TestContracts;
import party.platform.test.TestJwt;
import party.platform.test.TestMongo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of every integration test: ONE application context for all of them, a real KRaft broker, the
 * test MongoDB, real tokens from {@link TestJwt}, and real HTTP. Tests isolate themselves by unique ids
 * (each builds its own org tree and members through the events other services publish).
 */
@SpringBootTest(classes = AssessmentServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=assessment-service", "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka
public abstract class IntegrationTest {

    public static final String PROBLEM = "urn:party-building:problem:";
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DATABASE = "assessment-" + UUID.randomUUID();

    private static KafkaTemplate<String, String> producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri(DATABASE));
        TestJwt.get().register(registry);
    }

    @LocalServerPort
    protected int port;

    @Value("${spring.embedded.kafka.brokers}")
    protected String brokers;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected OrgTree orgTree;

    // ---------------------------------------------------------------- tokens

    protected static String token(String subject, List<String> roles, List<String> orgScopes) {
        return TestJwt.get().token(subject, roles, orgScopes, List.of());
    }

    /** Organization-department staff managing the fixture's whole tree. */
    protected static String staff(Orgs orgs) {
        return token("staff-" + orgs.committee(), List.of(Roles.ORG_STAFF), List.of(orgs.committee()));
    }

    protected static String admin() {
        return token("admin", List.of(Roles.ADMIN), List.of());
    }

    protected static String inspector(Orgs orgs) {
        return token("inspector-" + orgs.committee(), List.of(Roles.INSPECTOR), List.of(orgs.committee()));
    }

    protected static String secretary(String branch) {
        return token("secretary-" + branch, List.of(Roles.SECRETARY), List.of(branch));
    }

    protected static String member(String memberId) {
        return TestJwt.get().memberToken(memberId);
    }

    // ---------------------------------------------------------------- org tree

    /** committee → general branch → branches A and B (a group under A); committee → branch C. */
    public record Orgs(String committee, String general, String branchA, String branchB, String groupA, String branchC) {
        public Set<String> all() {
            return Set.of(committee, general, branchA, branchB, groupA, branchC);
        }
    }

    protected Orgs orgs() {
        String p = UUID.randomUUID().toString().substring(0, 8);
        Orgs orgs = new Orgs("c-" + p, "g-" + p, "a-" + p, "b-" + p, "ga-" + p, "x-" + p);
        publishOrg(orgs.committee(), null, List.of(), "COMMITTEE");
        publishOrg(orgs.general(), orgs.committee(), List.of(orgs.committee()), "GENERAL_BRANCH");
        publishOrg(orgs.branchA(), orgs.general(), List.of(orgs.committee(), orgs.general()), "BRANCH");
        publishOrg(orgs.branchB(), orgs.general(), List.of(orgs.committee(), orgs.general()), "BRANCH");
        publishOrg(orgs.groupA(), orgs.branchA(), List.of(orgs.committee(), orgs.general(), orgs.branchA()), "GROUP");
        publishOrg(orgs.branchC(), orgs.committee(), List.of(orgs.committee()), "BRANCH");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> orgs.all().stream().allMatch(id -> orgTree.find(id).isPresent()));
        return orgs;
    }

    protected void publishOrg(String id, String parentId, List<String> ancestors, String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("parentId", parentId);
        body.put("ancestors", ancestors);
        body.put("type", type);
        body.put("name", type + " " + id);
        body.put("code", id.toUpperCase());
        body.put("status", "ACTIVE");
        body.put("version", 0);
        publish("party.organization", "party.organization.created.v1", id, body);
    }

    // ---------------------------------------------------------------- other services' events

    /** Publishes an event as another service does, after checking it against its contract; returns the ce_id. */
    protected String publish(String topic, String type, String key, Map<String, Object> body) {
        return publish(topic, type, key, body, UUID.randomUUID().toString());
    }

    protected String publish(String topic, String type, String key, Map<String, Object> body, String eventId) {
        String json = JSON.writeValueAsString(body);
        if (java.nio.file.Files.exists(TestContracts.folder().resolve(type + ".schema.json"))) {
            assertThat(TestContracts.violations(type, json)).as(type + " contract").isEmpty();
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        header(record, CloudEvents.SPEC_VERSION, "1.0");
        header(record, CloudEvents.ID, eventId);
        header(record, CloudEvents.TYPE, type);
        header(record, CloudEvents.SOURCE, "/test");
        header(record, CloudEvents.SUBJECT, key);
        header(record, CloudEvents.TIME, Instant.now().toString());
        header(record, TraceContext.HEADER, TraceContext.generate());
        try {
            producer().send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + type, e);
        }
        return eventId;
    }

    /** Sends many records without waiting for each (for bursts); waits for all at the end. */
    protected void publishAll(List<ProducerRecord<String, String>> records) {
        List<java.util.concurrent.CompletableFuture<?>> sent = new ArrayList<>();
        records.forEach(r -> sent.add(producer().send(r)));
        java.util.concurrent.CompletableFuture.allOf(sent.toArray(java.util.concurrent.CompletableFuture[]::new)).join();
    }

    protected static ProducerRecord<String, String> record(String topic, String type, String key, Map<String, Object> body, String eventId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, JSON.writeValueAsString(body));
        header(record, CloudEvents.SPEC_VERSION, "1.0");
        header(record, CloudEvents.ID, eventId);
        header(record, CloudEvents.TYPE, type);
        header(record, CloudEvents.SOURCE, "/test");
        header(record, CloudEvents.SUBJECT, key);
        return record;
    }

    private synchronized KafkaTemplate<String, String> producer() {
        if (producer == null) {
            Map<String, Object> config = EventsConfiguration.producerConfig(List.of(brokers));
            config.put(org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG, 5);
            producer = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
        }
        return producer;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Registers a member in a branch as member-service announces it (FULL or PROBATIONARY). */
    protected String registerMember(String branch, String status) {
        String memberId = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", memberId);
        body.put("orgId", branch);
        body.put("status", status);
        body.put("registeredAt", "2023-01-10T02:00:00.000Z");
        body.put("version", 0);
        publish("party.member", "party.member.registered.v1", memberId, body);
        return memberId;
    }

    protected void awaitRoster(List<String> memberIds) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                memberIds.stream().allMatch(id -> mongo.findById(id, org.bson.Document.class, "roster") != null));
    }

    // ---------------------------------------------------------------- published events

    protected ConsumerRecord<String, String> awaitPublished(String type, Predicate<JsonNode> match) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> AssessmentEvents.published(brokers).stream()
                        .filter(r -> type.equals(header(r, CloudEvents.TYPE)))
                        .filter(r -> match.test(JSON.readTree(r.value()))).findFirst(), Optional::isPresent).orElseThrow();
    }

    protected List<ConsumerRecord<String, String>> published(String type, Predicate<JsonNode> match) {
        return AssessmentEvents.published(brokers).stream().filter(r -> type.equals(header(r, CloudEvents.TYPE)))
                .filter(r -> match.test(JSON.readTree(r.value()))).toList();
    }

    /** Waits for a published event and checks it against its schema in contracts/. */
    protected JsonNode awaitValid(String type, Predicate<JsonNode> match) {
        ConsumerRecord<String, String> record = awaitPublished(type, match);
        assertThat(TestContracts.violations(type, record.value())).as(type + " " + record.value()).isEmpty();
        assertThat(header(record, CloudEvents.SOURCE)).isEqualTo("/assessment-service");
        return JSON.readTree(record.value());
    }

    protected static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- HTTP

    public record Response(int status, java.net.http.HttpHeaders headers, byte[] bytes) {
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(body());
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The problem type's slug, asserting the response is Problem Details. */
        public String problem() {
            assertThat(header("Content-Type")).as(body()).startsWith("application/problem+json");
            String type = json().path("type").asString();
            assertThat(type).startsWith(PROBLEM);
            return type.substring(PROBLEM.length());
        }
    }

    protected Response send(String method, String path, String token, Object body, String... headers) {
        TestApi.Answer answer = TestApi.send(port, method, path, token, body, headers);
        return new Response(answer.status(), answer.headers(), answer.bytes());
    }

    protected Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    protected Response post(String path, String token, Object body, String... headers) {
        return send("POST", path, token, body, headers);
    }

    protected Response put(String path, String token, Object body, String... headers) {
        return send("PUT", path, token, body, headers);
    }

    protected long count(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }
}
