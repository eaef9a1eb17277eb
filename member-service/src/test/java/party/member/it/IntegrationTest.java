package party.member.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
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
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import party.member.MemberServiceApplication;
import party.member.contracts.ContractFiles;
import party.member.member.Member;
import party.member.member.TestIds;
import party.platform.events.CloudEvents;
import party.platform.events.EventsConfiguration;
import party.platform.events.TraceContext;
import party.platform.orgtree.OrgNode;
import party.platform.orgtree.OrgTree;
import party.platform.security.Roles;
import party.platform.test.TestApi;
import party.platform.test.TestJwt;
import party.platform.test.TestMongo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of every integration test: ONE application context for all of them (same annotations and
 * properties, so Spring's test context cache reuses it), a real KRaft broker, the test MongoDB,
 * real tokens from {@link TestJwt}, and real HTTP. Tests isolate themselves by unique ids (each
 * builds its own org tree), never by restarting anything.
 */
@SpringBootTest(classes = MemberServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=member-service", "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka
public abstract class IntegrationTest {

    static final String MEMBER_TOPIC = "party.member";
    static final String ORG_TOPIC = "party.organization";
    static final String PROBLEM = "urn:party-building:problem:";

    private static final String DATABASE = "member-" + UUID.randomUUID();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static KafkaTemplate<String, String> orgProducer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri(DATABASE));
        TestJwt.get().register(registry);
    }

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OrgTree orgTree;

    // ---------------------------------------------------------------- tokens

    static String token(String subject, Collection<String> roles, Collection<String> orgScopes, Collection<String> permissions) {
        return TestJwt.get().token(subject, roles, orgScopes, permissions);
    }

    /** Organization-department staff managing the fixture's whole tree. */
    static String staff(Orgs orgs, String... permissions) {
        return token("staff-" + orgs.committee(), List.of(Roles.ORG_STAFF), List.of(orgs.committee()), List.of(permissions));
    }

    static String secretary(String branch, String... permissions) {
        return token("secretary-" + branch, List.of(Roles.SECRETARY), List.of(branch), List.of(permissions));
    }

    // ---------------------------------------------------------------- org tree

    /**
     * A fresh org tree of unique ids: committee → general branch → branches A and B (and a group
     * under A); committee → a dissolved branch. Fed to the projection through party.organization.
     */
    record Orgs(String committee, String general, String branchA, String branchB, String groupA, String dissolved) {
        Set<String> all() {
            return Set.of(committee, general, branchA, branchB, groupA, dissolved);
        }
    }

    Orgs orgs() {
        String p = UUID.randomUUID().toString().substring(0, 8);
        Orgs orgs = new Orgs("c-" + p, "g-" + p, "a-" + p, "b-" + p, "ga-" + p, "d-" + p);
        publishOrg("created", orgs.committee(), null, List.of(), "COMMITTEE", "ACTIVE", 0);
        publishOrg("created", orgs.general(), orgs.committee(), List.of(orgs.committee()), "GENERAL_BRANCH", "ACTIVE", 0);
        publishOrg("created", orgs.branchA(), orgs.general(), List.of(orgs.committee(), orgs.general()), "BRANCH", "ACTIVE", 0);
        publishOrg("created", orgs.branchB(), orgs.general(), List.of(orgs.committee(), orgs.general()), "BRANCH", "ACTIVE", 0);
        publishOrg("created", orgs.groupA(), orgs.branchA(), List.of(orgs.committee(), orgs.general(), orgs.branchA()), "GROUP",
                "ACTIVE", 0);
        publishOrg("created", orgs.dissolved(), orgs.committee(), List.of(orgs.committee()), "BRANCH", "ACTIVE", 0);
        publishOrg("dissolved", orgs.dissolved(), orgs.committee(), List.of(orgs.committee()), "BRANCH", "DISSOLVED", 1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                orgs.all().stream().allMatch(id -> orgTree.find(id).isPresent())
                        && orgTree.find(orgs.dissolved()).map(node -> !node.active()).orElse(false));
        return orgs;
    }

    /** A real {@code party.organization.<change>.v1} record as organization-service publishes it. */
    void publishOrg(String change, String id, String parentId, List<String> ancestors, String type, String status, long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("parentId", parentId);
        body.put("ancestors", ancestors);
        body.put("type", type);
        body.put("name", type + " " + id);
        body.put("code", id.toUpperCase());
        body.put("status", status);
        body.put("version", version);
        String eventType = "party.organization." + change + ".v1";
        String json = JSON.writeValueAsString(body);
        // The fixture must stay what organization-service really publishes.
        assertThat(ContractFiles.validate(eventType, JSON.readTree(json))).as(eventType + " contract").isEmpty();
        publishOrgEvent(eventType, id, json);
    }

    /** Publishes an organization event with CloudEvents headers, as organization-service's relay does. */
    void publishOrgEvent(String type, String id, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(ORG_TOPIC, id, json);
        header(record, CloudEvents.SPEC_VERSION, "1.0");
        header(record, CloudEvents.ID, UUID.randomUUID().toString());
        header(record, CloudEvents.TYPE, type);
        header(record, CloudEvents.SOURCE, "/organization-service");
        header(record, CloudEvents.SUBJECT, id);
        header(record, CloudEvents.TIME, java.time.Instant.now().toString());
        header(record, CloudEvents.CONTENT_TYPE, "application/json");
        header(record, TraceContext.HEADER, TraceContext.generate());
        try {
            orgProducer().send(record).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish organization event", e);
        }
    }

    private synchronized KafkaTemplate<String, String> orgProducer() {
        if (orgProducer == null) {
            orgProducer = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                    EventsConfiguration.producerConfig(List.of(brokers))));
        }
        return orgProducer;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    // ---------------------------------------------------------------- published events

    /** Waits until a record on party.member matches; every record read so far stays available. */
    ConsumerRecord<String, String> awaitPublished(Predicate<ConsumerRecord<String, String>> match) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> MemberEvents.published(brokers).stream().filter(match).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    ConsumerRecord<String, String> awaitRegisteredEvent(String memberId) {
        return awaitPublished(record -> memberId.equals(record.key())
                && "party.member.registered.v1".equals(header(record, CloudEvents.TYPE)));
    }

    /** Records read so far whose data names one of the organizations. */
    List<ConsumerRecord<String, String>> publishedFor(Collection<String> orgIds) {
        return MemberEvents.published(brokers).stream().filter(r -> orgIds.contains(JSON.readTree(r.value()).path("orgId").asString())).toList();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- storage

    long membersIn(Collection<String> orgIds) {
        return mongo.count(Query.query(Criteria.where("orgId").in(orgIds)), Member.COLLECTION);
    }

    Document storedMember(String id) {
        return mongo.findById(id, Document.class, Member.COLLECTION);
    }

    // ---------------------------------------------------------------- HTTP

    /** A valid registration body for a branch, with a fresh national ID number; tests alter it. */
    static Map<String, Object> registration(String orgId) {
        LocalDate birthDate = TestIds.birthDate();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "张三" + UUID.randomUUID().toString().substring(0, 4));
        body.put("gender", "MALE");
        body.put("birthDate", birthDate.toString());
        body.put("nationalId", TestIds.nationalId(birthDate));
        body.put("phone", "13812345678");
        body.put("orgId", orgId);
        body.put("status", "PROBATIONARY");
        body.put("joinedAt", "2023-07-01");
        return body;
    }

    record Response(int status, java.net.http.HttpHeaders headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The problem type's slug, asserting the response is Problem Details. */
        String problem() {
            assertThat(header("Content-Type")).startsWith("application/problem+json");
            String type = json().path("type").asString();
            assertThat(type).startsWith(PROBLEM);
            return type.substring(PROBLEM.length());
        }

        List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
            return fields;
        }
    }

    Response post(String path, String token, Object body, String... headers) {
        return send("POST", path, token, body, headers);
    }

    Response get(String path, String token, String... headers) {
        return send("GET", path, token, null, headers);
    }

    Response register(String token, Map<String, Object> body, String... headers) {
        return post("/api/v1/members", token, body, headers);
    }

    private Response send(String method, String path, String token, Object body, String... headers) {
        TestApi.Answer answer = TestApi.send(port, method, path, token, body, headers);
        return new Response(answer.status(), answer.headers(), answer.body());
    }

    /** Projection lookup, for tests that check what the service knows. */
    OrgNode org(String id) {
        return orgTree.find(id).orElseThrow();
    }
}
