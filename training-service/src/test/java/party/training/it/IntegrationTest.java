package party.training.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import party.platform.events.CloudEvents;
import party.platform.events.EventsConfiguration;
import party.platform.events.TraceContext;
import party.platform.orgtree.OrgTree;
import party.platform.security.Roles;
import party.platform.test.TestApi;
import party.platform.test.TestContracts;
import party.platform.test.TestJwt;
import party.platform.test.TestMongo;
import party.training.TrainingServiceApplication;
import party.training.roster.RosterMember;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of every integration test: ONE application context for all (same annotations and
 * properties), a real KRaft broker, the test MongoDB, real tokens from {@link TestJwt}, real
 * HTTP, and a clock tests can move forward. Tests isolate themselves by unique ids (each builds
 * its own org tree and members), never by restarting anything.
 */
@SpringBootTest(classes = TrainingServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=training-service", "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "party.training.conference.callback-secret=" + IntegrationTest.CONFERENCE_SECRET,
                "party.training.video.max-upload-size=1MB", "party.training.video.chunk-size=100KB"})
@EmbeddedKafka
@Import(IntegrationTest.Clocks.class)
public abstract class IntegrationTest {

    public static final String CONFERENCE_SECRET = "test-conference-secret";
    static final String PROBLEM = "urn:party-building:problem:";
    private static final String DATABASE = "training-" + UUID.randomUUID();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final TestClock CLOCK = new TestClock();

    private static KafkaTemplate<String, String> producer;

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri(DATABASE));
        registry.add("party.training.video.cache-dir", () -> "target/video-cache-" + DATABASE);
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

    protected static String staff(Orgs orgs) {
        return TestJwt.get().token("staff-" + orgs.committee(), List.of(Roles.ORG_STAFF), List.of(orgs.committee()), List.of());
    }

    protected static String secretary(String branch) {
        return TestJwt.get().token("secretary-" + branch, List.of(Roles.SECRETARY), List.of(branch), List.of());
    }

    protected static String member(String memberId) {
        return TestJwt.get().memberToken(memberId);
    }

    // ---------------------------------------------------------------- org tree and roster

    /** committee → general branch → branches A and B; committee → a dissolved branch. */
    public record Orgs(String committee, String general, String branchA, String branchB, String dissolved) {
        Set<String> all() {
            return Set.of(committee, general, branchA, branchB, dissolved);
        }
    }

    protected Orgs orgs() {
        String p = UUID.randomUUID().toString().substring(0, 8);
        Orgs orgs = new Orgs("c-" + p, "g-" + p, "a-" + p, "b-" + p, "d-" + p);
        publishOrg("created", orgs.committee(), null, List.of(), "COMMITTEE", "ACTIVE", 0);
        publishOrg("created", orgs.general(), orgs.committee(), List.of(orgs.committee()), "GENERAL_BRANCH", "ACTIVE", 0);
        publishOrg("created", orgs.branchA(), orgs.general(), List.of(orgs.committee(), orgs.general()), "BRANCH", "ACTIVE", 0);
        publishOrg("created", orgs.branchB(), orgs.general(), List.of(orgs.committee(), orgs.general()), "BRANCH", "ACTIVE", 0);
        publishOrg("created", orgs.dissolved(), orgs.committee(), List.of(orgs.committee()), "BRANCH", "ACTIVE", 0);
        publishOrg("dissolved", orgs.dissolved(), orgs.committee(), List.of(orgs.committee()), "BRANCH", "DISSOLVED", 1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                orgs.all().stream().allMatch(id -> orgTree.find(id).isPresent())
                        && orgTree.find(orgs.dissolved()).map(node -> !node.active()).orElse(false));
        return orgs;
    }

    protected void publishOrg(String change, String id, String parentId, List<String> ancestors, String type, String status, long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("parentId", parentId);
        body.put("ancestors", ancestors);
        body.put("type", type);
        body.put("name", type + " " + id);
        body.put("code", id.toUpperCase());
        body.put("status", status);
        body.put("version", version);
        publish("party.organization", "party.organization." + change + ".v1", id, body);
    }

    /** Registers a member in a branch through party.member and waits for the roster to have them. */
    protected String registeredMember(String branch) {
        String memberId = UUID.randomUUID().toString();
        publish("party.member", "party.member.registered.v1", memberId, Map.of("memberId", memberId, "orgId", branch,
                "status", "FULL", "registeredAt", "2024-03-18T02:15:30.123Z", "version", 0));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> mongo.findById(memberId, RosterMember.class) != null);
        return memberId;
    }

    /** Publishes an event as its producer does (CloudEvents headers), after checking the body against its contract. */
    protected String publish(String topic, String type, String key, Object body) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        assertThat(TestContracts.violations(type, json)).as(type + " contract").isEmpty();
        return publishRaw(topic, type, key, json);
    }

    protected String publishRaw(String topic, String type, String key, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        String eventId = UUID.randomUUID().toString();
        header(record, CloudEvents.SPEC_VERSION, "1.0");
        header(record, CloudEvents.ID, eventId);
        header(record, CloudEvents.TYPE, type);
        header(record, CloudEvents.SOURCE, "/test");
        header(record, CloudEvents.SUBJECT, key);
        header(record, CloudEvents.TIME, java.time.Instant.now().toString());
        header(record, CloudEvents.CONTENT_TYPE, "application/json");
        header(record, TraceContext.HEADER, TraceContext.generate());
        try {
            producer().send(record).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + type, e);
        }
        return eventId;
    }

    private synchronized KafkaTemplate<String, String> producer() {
        if (producer == null) {
            producer = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(EventsConfiguration.producerConfig(List.of(brokers))));
        }
        return producer;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    // ---------------------------------------------------------------- published events

    protected ConsumerRecord<String, String> awaitPublished(Predicate<ConsumerRecord<String, String>> match) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> TrainingEvents.published(brokers).stream().filter(match).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** The first event of a type about an aggregate, validated against its schema. */
    protected JsonNode awaitEvent(String type, String key) {
        ConsumerRecord<String, String> record = awaitPublished(r -> key.equals(r.key()) && type.equals(header(r, CloudEvents.TYPE)));
        assertThat(TestContracts.violations(type, record.value())).as(type + " against its schema").isEmpty();
        assertThat(header(record, CloudEvents.SOURCE)).isEqualTo("/training-service");
        return JSON.readTree(record.value());
    }

    /** Published events of a type whose data field equals a value (read so far). */
    protected List<JsonNode> published(String type, String field, String value) {
        List<JsonNode> found = new ArrayList<>();
        for (ConsumerRecord<String, String> r : TrainingEvents.published(brokers)) {
            if (type.equals(header(r, CloudEvents.TYPE))) {
                JsonNode data = JSON.readTree(r.value());
                if (value.equals(data.path(field).asString())) {
                    found.add(data);
                }
            }
        }
        return found;
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
            assertThat(header("Content-Type")).startsWith("application/problem+json");
            String type = json().path("type").asString();
            assertThat(type).startsWith(PROBLEM);
            return type.substring(PROBLEM.length());
        }
    }

    protected Response post(String path, String token, Object body, String... headers) {
        return send("POST", path, token, body, headers);
    }

    protected Response put(String path, String token, Object body, String... headers) {
        return send("PUT", path, token, body, headers);
    }

    protected Response get(String path, String token, String... headers) {
        return send("GET", path, token, null, headers);
    }

    protected Response send(String method, String path, String token, Object body, String... headers) {
        TestApi.Answer answer = TestApi.send(port, method, path, token, body, headers);
        return new Response(answer.status(), answer.headers(), answer.bytes());
    }

    protected long count(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }

    protected static Collection<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.path(field).asString()));
        return ids;
    }
}
