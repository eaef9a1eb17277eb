package party.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import party.platform.events.CloudEvents;
import party.platform.test.TestContracts;
import party.platform.test.TestEvents;
import party.platform.test.TestHttp;
import party.platform.test.TestJwt;
import party.platform.test.TestMongo;
import tools.jackson.databind.JsonNode;

/**
 * Base of organization-service integration tests: one Spring context (shared by every subclass,
 * since they all have the same configuration) against a real Kafka broker and MongoDB, called over
 * real HTTP with signed tokens. Tests build their own small trees with unique codes, so they need
 * no cleaning between them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=organization-service",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka(partitions = 1)
public abstract class IntegrationTest {

    protected static final String REGISTERED = "party.member.registered.v1";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("organization-it"));
        TestJwt.get().register(registry);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected EmbeddedKafkaBroker kafka;
    @Autowired
    protected MongoTemplate mongo;

    protected TestHttp http() {
        return TestHttp.at("http://localhost:" + port);
    }

    protected static String admin(String... scopes) {
        return TestJwt.get().token("admin", List.of("ADMIN", "ORG_STAFF"), List.of(scopes), List.of());
    }

    protected static String secretary(String branchId) {
        return TestJwt.get().token("secretary-" + branchId, List.of("SECRETARY"), List.of(branchId), List.of());
    }

    protected static String inspector(String... scopes) {
        return TestJwt.get().token("inspector", List.of("INSPECTOR"), List.of(scopes), List.of());
    }

    protected TestEvents events() {
        return new TestEvents(kafka.getBrokersAsString());
    }

    /** A committee with a general branch holding branch 1, and branch 2 directly under the committee. */
    protected record Tree(String committee, String general, String branch1, String branch2) {
    }

    protected Tree tree() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String committee = create(admin(), "COMMITTEE", "党委" + suffix, "C-" + suffix, null);
        String token = admin(committee);
        String general = create(token, "GENERAL_BRANCH", "机关党总支", "G-" + suffix, committee);
        String branch1 = create(token, "BRANCH", "综采一队党支部", "B1-" + suffix, general);
        String branch2 = create(token, "BRANCH", "掘进二队党支部", "B2-" + suffix, committee);
        return new Tree(committee, general, branch1, branch2);
    }

    protected String create(String token, String type, String name, String code, String parentId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("type", type, "name", name, "code", code));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        TestHttp.Response response = http().as(token).post("/api/v1/organizations", body);
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    protected String registered(String memberId, String orgId, String status, long version) {
        return "{\"memberId\":\"" + memberId + "\",\"orgId\":\"" + orgId + "\",\"status\":\"" + status
                + "\",\"registeredAt\":\"2026-01-05T08:00:00Z\",\"version\":" + version + "}";
    }

    protected JsonNode counts(String token, String orgId) {
        TestHttp.Response response = http().as(token).get("/api/v1/organizations/" + orgId);
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("memberCounts");
    }

}
