package party.assessment.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import party.assessment.it.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.ArrayNode;

/** The default template is there at start; admins copy, change, version and publish; a published template never changes. */
class TemplateIT extends IntegrationTest {

    static final String PATH = "/api/v1/assessments/templates";

    @Test
    void theDefaultTemplateIsLoadedPublishedAndAnnounced() {
        Response response = get(PATH + "/" + TemplateService.DEFAULT_ID, admin());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode t = response.json();
        assertThat(t.path("code").asString()).isEqualTo("DEFAULT");
        assertThat(t.path("aspects")).hasSize(6);
        assertThat(t.path("indicatorCount").asInt()).isEqualTo(34);
        assertThat(t.path("totalMaxScore").asString()).isEqualTo("100");
        assertThat(t.path("vetoItems").size()).isPositive();
        JsonNode event = awaitValid("party.assessment.template-published.v1", e -> e.path("templateId").asString().equals("default-v1"));
        assertThat(event.path("indicatorCount").asInt()).isEqualTo(34);
        assertThat(event.path("automaticIndicatorCount").asInt()).isEqualTo(5);
    }

    @Test
    void aCopyIsChangedAsADraftPublishedAndThenOnlyVersioned() {
        String admin = admin();
        String code = "T" + UUID.randomUUID().toString().substring(0, 8);
        Response copy = post(PATH + "/" + TemplateService.DEFAULT_ID + "/copies", admin, Map.of("code", code, "name", "2026年考核办法"));
        assertThat(copy.status()).as(copy.body()).isEqualTo(201);
        String id = copy.json().path("id").asString();
        assertThat(copy.json().path("status").asString()).isEqualTo("DRAFT");

        // Change a scoring standard of the draft (same indicators, so other tests' codes stay valid).
        ObjectNode content = content(copy.json());
        ((ObjectNode) content.path("aspects").get(0).path("indicators").get(0)).put("standard", "缺一次扣1分（修订）");
        Response changed = put(PATH + "/" + id, admin, content, "If-Match", copy.header("ETag"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("aspects").get(0).path("indicators").get(0).path("standard").asString()).endsWith("（修订）");
        // A stale ETag is refused.
        assertThat(put(PATH + "/" + id, admin, content, "If-Match", copy.header("ETag")).status()).isEqualTo(412);

        Response published = post(PATH + "/" + id + "/publish", admin, null, "If-Match", changed.header("ETag"));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(get(PATH + "/active", admin).json().path("id").asString()).isEqualTo(id);
        JsonNode event = awaitValid("party.assessment.template-published.v1", e -> e.path("templateId").asString().equals(id));
        assertThat(event.path("code").asString()).isEqualTo(code);

        // In use: never edited in place.
        Response refused = put(PATH + "/" + id, admin, content, "If-Match", published.header("ETag"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problem()).isEqualTo("template-not-draft");
        assertThat(get(PATH + "/" + id, admin).json().path("aspects").get(0).path("indicators").get(0).path("standard").asString())
                .endsWith("（修订）");

        Response next = post(PATH + "/" + id + "/versions", admin, null);
        assertThat(next.status()).as(next.body()).isEqualTo(201);
        assertThat(next.json().path("templateVersion").asInt()).isEqualTo(2);
        assertThat(next.json().path("code").asString()).isEqualTo(code);
        assertThat(next.json().path("basedOn").asString()).isEqualTo(id);
        assertThat(post(PATH + "/" + id + "/versions", admin, null).problem()).isEqualTo("template-draft-exists");
    }

    @Test
    void invalidTemplatesAreRefusedAndStoreNothing() {
        String admin = admin();
        ObjectNode content = content(get(PATH + "/" + TemplateService.DEFAULT_ID, admin).json());
        long before = count(IndicatorTemplate.COLLECTION);

        ObjectNode noMetric = content.deepCopy();
        ((ObjectNode) noMetric.path("aspects").get(2).path("indicators").get(0)).remove("metric");
        Response r1 = post(PATH, admin, Map.of("code", "X" + UUID.randomUUID().toString().substring(0, 6), "content", noMetric));
        assertThat(r1.status()).isEqualTo(422);
        assertThat(r1.problem()).isEqualTo("template-metric-required");

        ObjectNode duplicate = content.deepCopy();
        ((ObjectNode) duplicate.path("aspects").get(1).path("indicators").get(0)).put("code", "P1");
        assertThat(post(PATH, admin, Map.of("code", "Y" + UUID.randomUUID().toString().substring(0, 6), "content", duplicate))
                .problem()).isEqualTo("template-duplicate-code");

        ObjectNode negative = content.deepCopy();
        ((ObjectNode) negative.path("aspects").get(0).path("indicators").get(0)).put("maxScore", -1);
        Response r3 = post(PATH, admin, Map.of("code", "Z" + UUID.randomUUID().toString().substring(0, 6), "content", negative));
        assertThat(r3.status()).isEqualTo(400);
        assertThat(r3.problem()).isEqualTo("invalid-request");

        // Only the department drafts templates.
        String secretary = token("s", List.of("SECRETARY"), List.of("any"));
        assertThat(post(PATH, secretary, Map.of("code", "W1", "content", content)).status()).isEqualTo(403);
        assertThat(count(IndicatorTemplate.COLLECTION)).isEqualTo(before);

        // A draft whose total is not 100 cannot be published.
        ObjectNode short1 = content.deepCopy();
        ((ArrayNode) short1.path("aspects").get(5).path("indicators")).remove(4);
        Response draft = post(PATH, admin, Map.of("code", "S" + UUID.randomUUID().toString().substring(0, 6), "content", short1));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        Response publish = post(PATH + "/" + draft.json().path("id").asString() + "/publish", admin, null, "If-Match", draft.header("ETag"));
        assertThat(publish.status()).isEqualTo(422);
        assertThat(publish.problem()).isEqualTo("template-total");
        assertThat(get(PATH + "/" + draft.json().path("id").asString(), admin).json().path("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        Response docs = get("/v3/api-docs", null);
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        JsonNode paths = docs.json().path("paths");
        assertThat(paths.has("/api/v1/assessments/branches/{orgId}/periods/{period}/scores")).isTrue();
        assertThat(paths.has("/api/v1/assessments/branches/{orgId}/evaluations/{year}/survey")).isTrue();
        assertThat(paths.has("/api/v1/assessments/organizations/{orgId}/reports/{year}/export")).isTrue();
    }

    private static ObjectNode content(JsonNode template) {
        ObjectNode content = JSON.createObjectNode();
        content.put("name", template.path("name").asString());
        content.set("aspects", template.path("aspects").deepCopy());
        content.set("bonusItems", template.path("bonusItems").deepCopy());
        content.set("penaltyItems", template.path("penaltyItems").deepCopy());
        content.set("vetoItems", template.path("vetoItems").deepCopy());
        return content;
    }
}
