package party.organization.liaison;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import party.organization.IntegrationTest;
import party.platform.events.CloudEvents;
import party.platform.test.TestContracts;
import party.platform.test.TestEvents;
import party.platform.test.TestHttp;
import tools.jackson.databind.JsonNode;

/** Research trips over real HTTP, MongoDB and Kafka: problems published one by one, yearly figures, scope. */
class ResearchTripIT extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static Map<String, Object> trip(String leaderId, String leaderName, String orgId, LocalDate date,
                                            List<Map<String, Object>> problems) {
        Map<String, Object> body = new HashMap<>(Map.of("topic", "影响掘进单进效率的重要因素", "date", date.toString(),
                "leaderId", leaderId, "leaderName", leaderName, "orgId", orgId, "summary", "深入井下一线，个别谈话与实地走访相结合"));
        body.put("problems", problems);
        return body;
    }

    private static Map<String, Object> problem(String category) {
        return Map.of("description", "支护材料运输环节多，影响单进", "category", category);
    }

    private String record(String token, Map<String, Object> body) {
        TestHttp.Response response = http().as(token).post("/api/v1/research-trips", body);
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private ConsumerRecord<String, String> event(String type, String key, String contains) {
        return events().await("party.organization", r -> key.equals(r.key())
                && type.equals(TestEvents.header(r, CloudEvents.TYPE)) && r.value().contains(contains), Duration.ofSeconds(15));
    }

    private long stored(Tree tree) {
        return mongo.getCollection("research_trips").countDocuments(new Document("orgId",
                new Document("$in", List.of(tree.committee(), tree.general(), tree.branch1(), tree.branch2()))));
    }

    @Test
    void aTripIsRecordedAndEachProblemFoundIsPublishedForRectification() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String leader = "leader-" + UUID.randomUUID();
        Map<String, Object> withMeasure = Map.of("description", "职工食堂管理不到位", "category", "LIVELIHOOD",
                "measure", "加强食堂浴池管理", "deadline", "2023-09-30");
        TestHttp.Response created = http().as(token).post("/api/v1/research-trips",
                trip(leader, "李矿长", tree.branch1(), LocalDate.of(2023, 6, 15), List.of(problem("SAFETY_PRODUCTION"), withMeasure)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode trip = created.json();
        String id = trip.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/research-trips/" + id);
        assertThat(trip.get("problemCount").asInt()).isEqualTo(2);
        assertThat(trip.get("orgName").asString()).isEqualTo("综采一队党支部");
        String first = trip.get("problems").get(0).get("problemId").asString();
        String second = trip.get("problems").get(1).get("problemId").asString();
        assertThat(trip.get("problems").get(1).get("deadline").asString()).isEqualTo("2023-09-30");

        ConsumerRecord<String, String> recorded = event(ResearchTrip.RECORDED, id, id);
        assertThat(TestContracts.violations(ResearchTrip.RECORDED, recorded.value())).isEmpty();
        assertThat(recorded.value()).contains(first, second).doesNotContain("李矿长");
        ConsumerRecord<String, String> found = event(ResearchTrip.PROBLEM_FOUND, id, second);
        assertThat(TestContracts.violations(ResearchTrip.PROBLEM_FOUND, found.value())).isEmpty();
        JsonNode payload = tools.jackson.databind.json.JsonMapper.builder().build().readTree(found.value());
        assertThat(payload.get("orgId").asString()).isEqualTo(tree.branch1());
        assertThat(payload.get("category").asString()).isEqualTo("LIVELIHOOD");
        assertThat(payload.get("deadline").asString()).isEqualTo("2023-09-30");
        assertThat(payload.get("measure").asString()).isEqualTo("加强食堂浴池管理");
        assertThat(TestContracts.violations(ResearchTrip.PROBLEM_FOUND, event(ResearchTrip.PROBLEM_FOUND, id, first).value()))
                .isEmpty();

        assertThat(http().as(secretary(tree.branch1())).get("/api/v1/research-trips/" + id).status()).isEqualTo(200);
        TestHttp.Response hidden = http().as(secretary(tree.branch2())).get("/api/v1/research-trips/" + id);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.raw()).doesNotContain("掘进").doesNotContain(tree.branch1());
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndStoresNothing() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String leader = "leader-" + UUID.randomUUID();

        TestHttp.Response future = http().as(token).post("/api/v1/research-trips",
                trip(leader, "李矿长", tree.branch1(), TODAY.plusDays(1), List.of()));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().get("type").asString()).isEqualTo("urn:party-building:problem:research-date-in-future");

        TestHttp.Response category = http().as(token).header("Accept-Language", "en").post("/api/v1/research-trips",
                trip(leader, "李矿长", tree.branch1(), TODAY, List.of(problem("SAFETY_PRODUCTION"), problem("WEATHER"))));
        assertThat(category.status()).isEqualTo(422);
        assertThat(category.json().get("detail").asString()).contains("WEATHER").contains("PARTY_BUILDING");

        TestHttp.Response deadline = http().as(token).post("/api/v1/research-trips", trip(leader, "李矿长", tree.branch1(),
                TODAY, List.of(Map.of("description", "x", "category", "OTHER", "deadline", TODAY.minusDays(1).toString()))));
        assertThat(deadline.json().get("type").asString())
                .isEqualTo("urn:party-building:problem:research-deadline-before-trip");

        TestHttp.Response fields = http().as(token).post("/api/v1/research-trips",
                trip(leader, "", tree.branch1(), TODAY, List.of(Map.of("category", "OTHER"))));
        assertThat(fields.status()).isEqualTo(400);
        assertThat(fields.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("leaderName", "problems[0].description");

        TestHttp.Response general = http().as(token).post("/api/v1/research-trips",
                trip(leader, "李矿长", tree.general(), TODAY, List.of()));
        assertThat(general.json().get("type").asString()).isEqualTo("urn:party-building:problem:liaison-branch-required");

        assertThat(http().as(secretary(tree.branch1())).post("/api/v1/research-trips",
                trip(leader, "李矿长", tree.branch1(), TODAY, List.of())).status()).isEqualTo(403);
        assertThat(http().as(admin(tree().committee())).post("/api/v1/research-trips",
                trip(leader, "李矿长", tree.branch1(), TODAY, List.of())).status()).isEqualTo(403);

        assertThat(stored(tree)).isZero();
    }

    @Test
    void theYearlyFiguresCountTripsAndProblemsPerLeaderByTheTripsYear() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String wang = "leader-" + UUID.randomUUID();
        String li = "leader-" + UUID.randomUUID();
        String zhao = "leader-" + UUID.randomUUID();
        // The seed's year: 28 trips, 42 problems.
        List<Map<String, Object>> two = List.of(problem("PARTY_BUILDING"), problem("MANAGEMENT"));
        List<Map<String, Object>> one = List.of(problem("RISK_PREVENTION"));
        List<String> recorded = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            recorded.add(record(token, trip(wang, "王书记", tree.branch1(), LocalDate.of(2023, 1 + i, 10), two)));
        }
        for (int i = 0; i < 10; i++) {
            recorded.add(record(token, trip(li, "李矿长", tree.branch2(), LocalDate.of(2023, 1 + i, 20), one)));
        }
        for (int i = 0; i < 6; i++) {
            recorded.add(record(token, trip(zhao, "赵副书记", tree.branch2(), LocalDate.of(2023, 1 + i, 5),
                    i < 4 ? two : List.of())));
        }
        // The edges of the year belong to the neighbouring years.
        record(token, trip(wang, "王书记", tree.branch1(), LocalDate.of(2022, 12, 31), two));
        record(token, trip(wang, "王书记", tree.branch1(), LocalDate.of(2024, 1, 1), one));

        JsonNode year = summary(token, tree.committee(), "?year=2023");
        assertThat(year.get("totals").get("trips").asLong()).isEqualTo(28);
        assertThat(year.get("totals").get("problems").asLong()).isEqualTo(42);
        assertThat(year.get("totals").get("leaders").asLong()).isEqualTo(3);
        assertThat(year.get("leaders").valueStream().map(l -> l.get("leaderId").asString())).containsExactly(wang, li, zhao);
        JsonNode first = year.get("leaders").get(0);
        assertThat(first.get("leaderName").asString()).isEqualTo("王书记");
        assertThat(first.get("trips").asLong()).isEqualTo(12);
        assertThat(first.get("problems").asLong()).isEqualTo(24);

        JsonNode general = summary(token, tree.general(), "?year=2023");
        assertThat(general.get("totals").get("trips").asLong()).isEqualTo(12);
        assertThat(general.get("leaders").size()).isEqualTo(1);
        assertThat(summary(token, tree.committee(), "?year=2024").get("totals").get("problems").asLong()).isEqualTo(1);
        assertThat(summary(token, tree.committee(), "?year=2022").get("totals").get("trips").asLong()).isEqualTo(1);

        JsonNode trips = http().as(token).get("/api/v1/organizations/" + tree.committee()
                + "/research-trips?year=2023&leaderId=" + li + "&size=4").json();
        assertThat(trips.get("total").asLong()).isEqualTo(10);
        assertThat(trips.get("items").size()).isEqualTo(4);
        assertThat(trips.get("items").get(0).get("date").asString()).isEqualTo("2023-10-20");

        TestHttp.Response badYear = http().as(token).get("/api/v1/organizations/" + tree.committee()
                + "/research/summary?year=1900");
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.json().get("type").asString()).isEqualTo("urn:party-building:problem:research-invalid-year");
        assertThat(http().as(token).get("/api/v1/organizations/" + tree.committee() + "/research/summary?year=abc")
                .status()).isEqualTo(400);
        assertThat(http().as(secretary(tree.branch2())).get("/api/v1/organizations/" + tree.committee()
                + "/research/summary?year=2023").status()).isEqualTo(404);
        JsonNode own = summary(secretary(tree.branch2()), tree.branch2(), "?year=2023");
        assertThat(own.get("totals").get("trips").asLong()).isEqualTo(16);
        assertThat(own.get("totals").get("problems").asLong()).isEqualTo(18);
    }

    @Test
    void theResearchAreasAreListedInTheCallersLanguage() {
        Tree tree = tree();
        JsonNode zh = http().as(secretary(tree.branch1())).get("/api/v1/research-trips/problem-categories").json();
        assertThat(zh.valueStream().map(c -> c.get("code").asString())).containsExactly("PARTY_BUILDING",
                "SAFETY_PRODUCTION", "MANAGEMENT", "REFORM_INNOVATION", "RISK_PREVENTION", "LIVELIHOOD", "OTHER");
        assertThat(zh.get(1).get("name").asString()).isEqualTo("安全生产");
        JsonNode en = http().as(secretary(tree.branch1())).header("Accept-Language", "en")
                .get("/api/v1/research-trips/problem-categories").json();
        assertThat(en.get(1).get("name").asString()).isEqualTo("Production safety");
    }

    private JsonNode summary(String token, String orgId, String query) {
        TestHttp.Response response = http().as(token).get("/api/v1/organizations/" + orgId + "/research/summary" + query);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }
}
