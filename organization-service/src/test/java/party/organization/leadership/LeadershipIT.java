package party.organization.leadership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import party.organization.IntegrationTest;
import party.platform.events.CloudEvents;
import party.platform.test.TestContracts;
import party.platform.test.TestEvents;
import party.platform.test.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Terms and role holders over HTTP: first term, renewal, changes, lists over a subtree, and the queries API. */
class LeadershipIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    private LeadershipQueries queries;

    @Test
    void aFirstTermAndARenewalMakeTheHistoryAndAreAnnounced() {
        Tree tree = tree();
        String token = admin(tree.committee());
        LocalDate start = TODAY.minusYears(2);

        TestHttp.Response first = http().as(token).post(terms(tree.branch1()),
                Map.of("startDate", start.toString(), "holders", List.of(secretary("张书记", false))));
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.header("ETag")).isEqualTo("\"0\"");
        assertThat(first.header("Location")).isEqualTo("/api/v1/organizations/" + tree.branch1() + "/leadership");
        JsonNode term = first.json().get("term");
        assertThat(term.get("number").asInt()).isEqualTo(1);
        assertThat(term.get("endDate").asString()).isEqualTo(start.plusYears(3).toString());
        assertThat(term.get("unitKind").asString()).isEqualTo("ENTERPRISE");
        assertThat(term.get("committee").asBoolean()).isFalse();
        assertThat(term.get("holders").get(0).get("fullTime").asBoolean()).isFalse();
        String firstTermId = term.get("id").asString();

        ConsumerRecord<String, String> started = event(tree.branch1(), Leadership.TERM_STARTED, "\"FIRST\"");
        assertThat(TestContracts.violations(Leadership.TERM_STARTED, started.value())).isEmpty();
        assertThat(started.value()).doesNotContain("张书记").contains(firstTermId);

        LocalDate election = TODAY.minusDays(3);
        TestHttp.Response renewal = http().as(token).header("If-Match", "\"0\"").post(terms(tree.branch1()) + "/renewal",
                Map.of("electionDate", election.toString(), "holders", List.of(secretary("李书记", true),
                        holder("DEPUTY_SECRETARY", "王副书记"))));
        assertThat(renewal.status()).as(renewal.raw()).isEqualTo(201);
        assertThat(renewal.header("ETag")).isEqualTo("\"1\"");
        assertThat(renewal.json().get("term").get("number").asInt()).isEqualTo(2);
        assertThat(renewal.json().get("term").get("startDate").asString()).isEqualTo(election.toString());

        JsonNode history = http().as(token).get(terms(tree.branch1())).json();
        assertThat(history.get("total").asLong()).isEqualTo(2);
        JsonNode newest = history.get("items").get(0);
        JsonNode oldest = history.get("items").get(1);
        assertThat(newest.get("status").asString()).isEqualTo("CURRENT");
        assertThat(oldest.get("id").asString()).isEqualTo(firstTermId);
        assertThat(oldest.get("status").asString()).isEqualTo("ENDED");
        assertThat(oldest.get("endedOn").asString()).isEqualTo(election.toString());

        ConsumerRecord<String, String> renewed = event(tree.branch1(), Leadership.TERM_STARTED, "\"RENEWAL\"");
        assertThat(TestContracts.violations(Leadership.TERM_STARTED, renewed.value())).isEmpty();
        JsonNode payload = JSON.readTree(renewed.value());
        assertThat(payload.get("previousTermId").asString()).isEqualTo(firstTermId);
        assertThat(payload.get("version").asLong()).isEqualTo(1);
        assertThat(renewed.value()).doesNotContain("李书记").doesNotContain("王副书记");

        JsonNode current = http().as(token).get(leadership(tree.branch1())).json();
        assertThat(current.get("term").get("holders").valueStream().map(h -> h.get("role").asString()))
                .containsExactly("SECRETARY", "DEPUTY_SECRETARY");
        assertThat(queries.hasSecretary(tree.branch1())).isTrue();
        assertThat(queries.hasCommittee(tree.branch1())).isFalse();
    }

    @Test
    void aVillageUnitTermLastsFiveYearsUnlessAnEndIsGiven() {
        Tree tree = tree();
        String token = admin(tree.committee());
        LocalDate start = TODAY.minusMonths(1);
        TestHttp.Response village = http().as(token).post(terms(tree.branch1()), Map.of("startDate", start.toString(),
                "unitKind", "VILLAGE", "holders", List.of(secretary("村支书", false))));
        assertThat(village.json().get("term").get("endDate").asString()).isEqualTo(start.plusYears(5).toString());

        LocalDate end = start.plusYears(2);
        TestHttp.Response explicit = http().as(token).post(terms(tree.branch2()), Map.of("startDate", start.toString(),
                "endDate", end.toString(), "holders", List.of(secretary("书记", true))));
        assertThat(explicit.json().get("term").get("endDate").asString()).isEqualTo(end.toString());

        // A renewal keeps the unit kind of the term it replaces.
        TestHttp.Response renewed = http().as(token).post(terms(tree.branch1()) + "/renewal",
                Map.of("electionDate", TODAY.toString(), "holders", List.of(secretary("新村支书", true))));
        assertThat(renewed.json().get("term").get("unitKind").asString()).isEqualTo("VILLAGE");
        assertThat(renewed.json().get("term").get("endDate").asString()).isEqualTo(TODAY.plusYears(5).toString());
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndStoresNothing() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String group = create(token, "GROUP", "第一党小组", "GR-" + UUID.randomUUID().toString().substring(0, 8), tree.branch1());
        long documents = mongo.getCollection("leadership").countDocuments();

        assertProblem(http().as(token).post(terms(tree.branch1()), Map.of("startDate", TODAY.plusDays(1).toString(),
                "holders", List.of(secretary("书记", true)))), 422, "leadership-start-in-future");
        assertProblem(http().as(token).post(terms(tree.branch1()), Map.of("startDate", TODAY.toString(),
                "holders", List.of(secretary("书记", true), secretary("另一书记", false)))), 422, "leadership-role-taken");
        assertProblem(http().as(token).post(terms(tree.branch1()), Map.of("startDate", TODAY.toString(),
                "holders", List.of(holder("SECRETARY", "书记")))), 422, "leadership-full-time-flag");
        assertProblem(http().as(token).post(terms(tree.branch1()), Map.of("startDate", TODAY.toString(),
                "holders", List.of(secretary("书记", true), holder("ORGANIZATION_COMMISSIONER", "组织委员")))),
                422, "leadership-committee-size");
        assertProblem(http().as(token).post(terms(group), Map.of("startDate", TODAY.toString(),
                "holders", List.of(secretary("组长", true)))), 422, "leadership-not-for-type");
        assertProblem(http().as(token).post(terms(tree.branch1()) + "/renewal", Map.of("electionDate", TODAY.toString(),
                "holders", List.of(secretary("书记", true)))), 409, "leadership-no-current-term");
        TestHttp.Response missing = http().as(token).header("Accept-Language", "en").post(terms(tree.branch1()),
                Map.of("holders", List.of(Map.of("role", "SECRETARY"))));
        assertProblem(missing, 400, "invalid-request");
        assertThat(missing.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("startDate", "holders[0].name");
        assertProblem(http().as(token).post(terms(tree.branch1()), Map.of("startDate", TODAY.toString(),
                "holders", List.of(Map.of("role", "CHAIRMAN", "name", "某人")))), 400, "malformed-request");
        assertThat(mongo.getCollection("leadership").countDocuments()).isEqualTo(documents);

        LocalDate start = TODAY.minusYears(1);
        assertThat(http().as(token).post(terms(tree.branch1()), Map.of("startDate", start.toString(),
                "holders", List.of(secretary("书记", true)))).status()).isEqualTo(201);
        TestHttp.Response twice = http().as(token).header("Accept-Language", "zh-CN").post(terms(tree.branch1()),
                Map.of("startDate", start.toString(), "holders", List.of(secretary("书记", true))));
        assertProblem(twice, 409, "leadership-term-exists");
        assertThat(twice.json().get("title").asString()).isEqualTo("该党组织已有任期记录");
        assertProblem(http().as(token).post(terms(tree.branch1()) + "/renewal", Map.of("electionDate",
                start.minusDays(1).toString(), "holders", List.of(secretary("书记", true)))), 422,
                "leadership-renewal-before-previous-start");
        assertProblem(http().as(token).header("If-Match", "\"5\"").post(terms(tree.branch1()) + "/renewal",
                Map.of("electionDate", TODAY.toString(), "holders", List.of(secretary("书记", true)))), 412, "stale-version");
        assertProblem(http().as(token).get(terms(tree.branch1()) + "/expiring?withinDays=-1"), 400,
                "leadership-invalid-within-days");

        JsonNode history = http().as(token).get(terms(tree.branch1())).json();
        assertThat(history.get("total").asLong()).isEqualTo(1);
        assertThat(http().as(token).get(leadership(tree.branch1())).header("ETag")).isEqualTo("\"0\"");
    }

    @Test
    void changingHoldersNeedsTheCurrentVersionAndIsAnnounced() {
        Tree tree = tree();
        String token = admin(tree.committee());
        http().as(token).post(terms(tree.branch2()), Map.of("startDate", TODAY.minusYears(1).toString(),
                "holders", List.of(secretary("张书记", false))));
        Map<String, Object> change = Map.of("holders", List.of(secretary("张书记", true), holder("DEPUTY_SECRETARY", "赵副书记")));

        assertProblem(put(token, leadership(tree.branch2()), null, change), 428, "if-match-required");
        assertProblem(put(token, leadership(tree.branch2()), "\"3\"", change), 412, "stale-version");
        assertProblem(put(token, leadership(tree.branch2()), "\"0\"", Map.of("holders", List.of(
                secretary("甲", true), secretary("乙", true)))), 422, "leadership-role-taken");
        assertThat(http().as(token).get(leadership(tree.branch2())).json().get("term").get("holders").size()).isEqualTo(1);

        TestHttp.Response changed = put(token, leadership(tree.branch2()), "\"0\"", change);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");
        assertThat(changed.json().get("term").get("holders").get(0).get("fullTime").asBoolean()).isTrue();

        ConsumerRecord<String, String> record = event(tree.branch2(), Leadership.LEADERSHIP_CHANGED, "");
        assertThat(TestContracts.violations(Leadership.LEADERSHIP_CHANGED, record.value())).isEmpty();
        assertThat(record.value()).doesNotContain("赵副书记").contains("DEPUTY_SECRETARY");
        assertThat(JSON.readTree(record.value()).get("version").asLong()).isEqualTo(1);
        assertThat(TestContracts.violations(Leadership.LEADERSHIP_CHANGED,
                TestContracts.example(Leadership.LEADERSHIP_CHANGED))).isEmpty();
        assertThat(TestContracts.violations(Leadership.TERM_STARTED, TestContracts.example(Leadership.TERM_STARTED))).isEmpty();
    }

    @Test
    void onlyTheDepartmentChangesLeadershipAndOnlyInItsSubtree() {
        Tree tree = tree();
        String token = admin(tree.committee());
        http().as(token).post(terms(tree.branch1()), Map.of("startDate", TODAY.toString(), "holders", List.of(secretary("书记", true))));
        long documents = mongo.getCollection("leadership").countDocuments();

        String own = secretary(tree.branch1());
        assertThat(http().as(own).get(leadership(tree.branch1())).status()).isEqualTo(200);
        assertThat(http().as(own).get(terms(tree.branch1())).status()).isEqualTo(200);
        assertProblem(http().as(own).post(terms(tree.branch1()) + "/renewal", Map.of("electionDate", TODAY.toString(),
                "holders", List.of(secretary("自封书记", true)))), 403, "forbidden");

        String other = secretary(tree.branch2());
        TestHttp.Response hidden = http().as(other).get(leadership(tree.branch1()));
        assertProblem(hidden, 404, "not-found");
        assertThat(hidden.raw()).doesNotContain("书记");
        assertProblem(http().as(other).get(terms(tree.branch1())), 404, "not-found");
        assertProblem(http().as(other).get(terms(tree.committee()) + "/expired"), 404, "not-found");
        assertProblem(http().as(other).get("/api/v1/organizations/" + tree.committee() + "/secretaries/summary"), 404, "not-found");

        String staffOfBranch2 = admin(tree.branch2());
        assertProblem(http().as(staffOfBranch2).post(terms(tree.branch1()) + "/renewal", Map.of("electionDate",
                TODAY.toString(), "holders", List.of(secretary("书记", true)))), 404, "not-found");
        assertProblem(put(staffOfBranch2, leadership(tree.branch1()), "\"0\"",
                Map.of("holders", List.of(secretary("书记", false)))), 404, "not-found");
        assertThat(mongo.getCollection("leadership").countDocuments()).isEqualTo(documents);
        assertThat(http().as(token).get(leadership(tree.branch1())).header("ETag")).isEqualTo("\"0\"");
    }

    @Test
    void termListsAndSecretaryFiguresCoverTheSubtreeAndAnswerInBulk() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String branch3 = create(token, "BRANCH", "机电三队党支部", "B3-" + UUID.randomUUID().toString().substring(0, 8),
                tree.general());
        // branch1 ends in 20 days, branch2 ended 5 days ago, the general branch ends in 3 years, branch3 has no term.
        LocalDate lastYear = TODAY.minusYears(1);
        start(token, tree.branch1(), lastYear, TODAY.plusDays(20), secretary("一队书记", true));
        start(token, tree.branch2(), lastYear, TODAY.minusDays(5), secretary("二队书记", false));
        start(token, tree.general(), TODAY, TODAY.plusYears(3), secretary("总支书记", true));
        String committeeBranch = create(token, "BRANCH", "综合党支部", "B4-" + UUID.randomUUID().toString().substring(0, 8),
                tree.committee());
        start(token, committeeBranch, lastYear, TODAY.plusDays(60), secretary("综合书记", true),
                holder("ORGANIZATION_COMMISSIONER", "组织委员"), holder("PUBLICITY_COMMISSIONER", "宣传委员"));

        assertThat(orgIds(http().as(token).get(terms(tree.committee()) + "/expiring?withinDays=30").json()))
                .containsExactly(tree.branch1());
        JsonNode in90 = http().as(token).get(terms(tree.committee()) + "/expiring").json();
        assertThat(orgIds(in90)).containsExactly(tree.branch1(), committeeBranch);
        assertThat(in90.get("items").get(0).get("daysLeft").asLong()).isEqualTo(20);
        JsonNode expired = http().as(token).get(terms(tree.committee()) + "/expired").json();
        assertThat(orgIds(expired)).containsExactly(tree.branch2());
        assertThat(expired.get("items").get(0).get("daysLeft").asLong()).isEqualTo(-5);
        assertThat(expired.get("items").get(0).get("orgName").asString()).isEqualTo("掘进二队党支部");
        // Under the general branch only its own subtree counts.
        assertThat(orgIds(http().as(token).get(terms(tree.general()) + "/expired").json())).isEmpty();
        JsonNode paged = http().as(token).get(terms(tree.committee()) + "/expiring?withinDays=90&size=1&page=1").json();
        assertThat(orgIds(paged)).containsExactly(committeeBranch);
        assertThat(paged.get("total").asLong()).isEqualTo(2);

        JsonNode summary = http().as(token).get("/api/v1/organizations/" + tree.committee() + "/secretaries/summary").json();
        assertThat(summary.get("branches").asLong()).isEqualTo(4);
        assertThat(summary.get("fullTimeSecretaries").asLong()).isEqualTo(2);
        assertThat(summary.get("partTimeSecretaries").asLong()).isEqualTo(1);
        assertThat(summary.get("branchesWithoutSecretary").asLong()).isEqualTo(1);
        assertThat(summary.get("withoutSecretary").get(0).get("id").asString()).isEqualTo(branch3);

        List<String> all = List.of(tree.general(), tree.branch1(), tree.branch2(), branch3, committeeBranch);
        assertThat(queries.withSecretary(all)).containsExactlyInAnyOrder(tree.general(), tree.branch1(), tree.branch2(),
                committeeBranch);
        assertThat(queries.withCommittee(all)).containsExactly(committeeBranch);
        assertThat(queries.withExpiredTerm(all, TODAY)).containsExactly(tree.branch2());
        assertThat(queries.withExpiredTerm(all, TODAY.plusDays(21))).containsExactlyInAnyOrder(tree.branch1(), tree.branch2());
        Map<String, LeadershipStatus> statuses = queries.statuses(all, TODAY);
        assertThat(statuses).containsOnlyKeys(all);
        assertThat(statuses.get(branch3).hasTerm()).isFalse();
        assertThat(statuses.get(tree.branch2()).termExpired()).isTrue();
        assertThat(statuses.get(tree.branch2()).secretaryFullTime()).isFalse();
        assertThat(queries.termExpired(tree.branch2(), TODAY)).isTrue();
        assertThat(queries.termExpired(branch3, TODAY)).isFalse();
        assertThat(queries.hasCommittee(committeeBranch)).isTrue();

        // A renewal takes the branch off the expired list.
        assertThat(http().as(token).post(terms(tree.branch2()) + "/renewal", Map.of("electionDate", TODAY.toString(),
                "holders", List.of(secretary("新书记", true)))).status()).isEqualTo(201);
        assertThat(orgIds(http().as(token).get(terms(tree.committee()) + "/expired").json())).isEmpty();
    }

    @Test
    void aBranchCommitteeNeedsSevenFullMembersOnItsRoster() {
        Tree tree = tree();
        String token = admin(tree.committee());
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String member = UUID.randomUUID().toString();
            members.add(member);
            events().send("party.member", REGISTERED, member, registered(member, tree.branch1(), "FULL", 0));
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(counts(token, tree.branch1()).get("direct").get("full").asLong()).isEqualTo(6));
        Map<String, Object> committee = Map.of("startDate", TODAY.toString(), "holders", List.of(
                withMember(secretary("书记", true), members.get(0)),
                withMember(holder("ORGANIZATION_COMMISSIONER", "组织委员"), members.get(1)),
                withMember(holder("DISCIPLINE_COMMISSIONER", "纪检委员"), members.get(2))));
        assertProblem(http().as(token).post(terms(tree.branch1()), committee), 422, "leadership-committee-too-few-members");

        String seventh = UUID.randomUUID().toString();
        events().send("party.member", REGISTERED, seventh, registered(seventh, tree.branch1(), "FULL", 0));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(counts(token, tree.branch1()).get("direct").get("full").asLong()).isEqualTo(7));
        assertProblem(http().as(token).post(terms(tree.branch1()), Map.of("startDate", TODAY.toString(), "holders",
                List.of(withMember(secretary("书记", true), UUID.randomUUID().toString())))), 422,
                "leadership-holder-not-on-roster");

        TestHttp.Response created = http().as(token).post(terms(tree.branch1()), committee);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.json().get("term").get("committee").asBoolean()).isTrue();
        assertThat(queries.hasCommittee(tree.branch1())).isTrue();
    }

    @Test
    void aRepeatedFirstTermWithTheSameIdempotencyKeyStartsOneTerm() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("startDate", TODAY.toString(), "holders", List.of(secretary("书记", true)));
        TestHttp.Response first = http().as(token).header("Idempotency-Key", key).post(terms(tree.branch2()), body);
        TestHttp.Response again = http().as(token).header("Idempotency-Key", key).post(terms(tree.branch2()), body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("term").get("id").asString()).isEqualTo(first.json().get("term").get("id").asString());
        assertProblem(http().as(token).header("Idempotency-Key", key).post(terms(tree.branch2()),
                Map.of("startDate", TODAY.minusDays(1).toString(), "holders", List.of(secretary("书记", true)))),
                422, "idempotency-key-reused");
        assertThat(http().as(token).get(terms(tree.branch2())).json().get("total").asLong()).isEqualTo(1);
    }

    @SafeVarargs
    private void start(String token, String orgId, LocalDate start, LocalDate end, Map<String, Object>... holders) {
        Map<String, Object> body = new HashMap<>();
        body.put("startDate", start.toString());
        body.put("endDate", end.toString());
        body.put("holders", List.of(holders));
        TestHttp.Response response = http().as(token).post(terms(orgId), body);
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
    }

    private static List<String> orgIds(JsonNode page) {
        return page.get("items").valueStream().map(i -> i.get("orgId").asString()).toList();
    }

    private static String terms(String orgId) {
        return "/api/v1/organizations/" + orgId + "/terms";
    }

    private static String leadership(String orgId) {
        return "/api/v1/organizations/" + orgId + "/leadership";
    }

    static Map<String, Object> secretary(String name, boolean fullTime) {
        return Map.of("role", "SECRETARY", "name", name, "fullTime", fullTime);
    }

    static Map<String, Object> holder(String role, String name) {
        return Map.of("role", role, "name", name);
    }

    private static Map<String, Object> withMember(Map<String, Object> holder, String memberId) {
        Map<String, Object> copy = new HashMap<>(holder);
        copy.put("memberId", memberId);
        return copy;
    }

    private ConsumerRecord<String, String> event(String orgId, String type, String contains) {
        return events().await("party.organization", r -> orgId.equals(r.key())
                && type.equals(TestEvents.header(r, CloudEvents.TYPE)) && r.value().contains(contains), Duration.ofSeconds(15));
    }

    static void assertProblem(TestHttp.Response response, int status, String slug) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:party-building:problem:" + slug);
    }

    /** TestHttp has no PUT; the same request over the JDK client. */
    private TestHttp.Response put(String token, String path, String ifMatch, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new TestHttp.Response(response.statusCode(), response.headers(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
