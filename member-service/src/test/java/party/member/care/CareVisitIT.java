package party.member.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import party.member.contracts.ContractFiles;
import party.platform.events.CloudEvents;
import party.platform.test.TestContracts;
import tools.jackson.databind.JsonNode;

/** Care visits: recording with its event, reads in scope, lists and yearly totals, and bad input storing nothing. */
class CareVisitIT extends CareTestSupport {

    private static final String PATH = "/api/v1/care-visits";
    private static final String TYPE = "party.member.care-visit-recorded.v1";

    @Test
    void aRecordedVisitIsReadableInScopeAndItsEventFitsTheContractWithoutNames() {
        Tree orgs = tree();
        String visited = member(orgs, orgs.branchA(), "王老党员", LocalDate.of(1940, 3, 1), "FULL", LocalDate.of(1965, 7, 1));
        String visitor = member(orgs, orgs.branchB(), "李书记", LocalDate.of(1975, 5, 5), "FULL", LocalDate.of(2000, 7, 1));
        Map<String, Object> body = visit(visited, "2026-01-20", "FESTIVAL", "500");
        body.put("visitors", List.of(Map.of("memberId", visitor), Map.of("name", "工会 赵主席")));
        body.put("note", "春节慰问");

        Res created = post(PATH, secretary(orgs.branchA()), body);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode json = created.json();
        String id = json.path("id").asString();
        assertThat(created.header("Location")).isEqualTo(PATH + "/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(json.path("orgId").asString()).isEqualTo(orgs.branchA());
        assertThat(json.path("amount").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(created.body()).contains("\"amount\":500.00");
        assertThat(json.path("visitors").get(0).path("name").asString()).isEqualTo("李书记");
        assertThat(json.path("visitors").get(1).path("memberId").isNull()).isTrue();
        assertThat(json.path("visitors").get(1).path("name").asString()).isEqualTo("工会 赵主席");

        assertThat(get(PATH + "/" + id, staff(orgs)).json().path("note").asString()).isEqualTo("春节慰问");
        Res outside = get(PATH + "/" + id, secretary(orgs.branchB()));
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.problem()).isEqualTo("not-found");

        ConsumerRecord<String, String> record = published(r -> id.equals(r.key()) && TYPE.equals(headerOf(r, CloudEvents.TYPE)));
        assertThat(ContractFiles.validate(TYPE, ContractFiles.parse(record.value()))).isEmpty();
        assertThat(TestContracts.violations(TYPE, record.value())).isEmpty();
        assertThat(headerOf(record, CloudEvents.SUBJECT)).isEqualTo(id);
        JsonNode data = ContractFiles.parse(record.value());
        assertThat(data.path("memberId").asString()).isEqualTo(visited);
        assertThat(data.path("orgId").asString()).isEqualTo(orgs.branchA());
        assertThat(data.path("date").asString()).isEqualTo("2026-01-20");
        assertThat(data.path("amount").asString()).isEqualTo("500.00");
        assertThat(record.value()).doesNotContain("王老党员", "李书记", "赵主席", "春节慰问");
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        Tree orgs = tree();
        String visited = member(orgs, orgs.branchA(), "困难党员", LocalDate.of(1960, 3, 1), "FULL", LocalDate.of(1990, 7, 1));
        String token = staff(orgs);
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();

        assertProblem(post(PATH, token, visit(visited, tomorrow, "DIFFICULTY", "100")), 422, "care-visit-date-in-future");
        assertField(post(PATH, token, visit(visited, "2026-01-20", "DIFFICULTY", "-0.01")), "amount");
        assertField(post(PATH, token, visit(visited, "2026-01-20", "DIFFICULTY", "1.234")), "amount");
        assertField(post(PATH, token, visit(visited, "2026-01-20", "BIRTHDAY", "1")), "reason");
        Map<String, Object> noVisitors = visit(visited, "2026-01-20", "ILLNESS", "1");
        noVisitors.put("visitors", List.of());
        assertField(post(PATH, token, noVisitors), "visitors");
        Map<String, Object> nameless = visit(visited, "2026-01-20", "ILLNESS", "1");
        nameless.put("visitors", List.of(Map.of("name", " ")));
        assertThat(post(PATH, token, nameless).status()).isEqualTo(400);
        assertProblem(post(PATH, token, visit("no-such-member", "2026-01-20", "ILLNESS", "1")), 422,
                "care-visit-unknown-member");
        Map<String, Object> unknownVisitor = visit(visited, "2026-01-20", "ILLNESS", "1");
        unknownVisitor.put("visitors", List.of(Map.of("memberId", "no-such-member")));
        assertProblem(post(PATH, token, unknownVisitor), 422, "care-visit-unknown-visitor");
        assertThat(post(PATH, token, "{\"memberId\": ").status()).isEqualTo(400);
        String applicant = member(orgs, orgs.branchA(), "申请人", LocalDate.of(1990, 3, 1), "FULL", null);
        setStored(applicant, "status", "APPLICANT");
        assertProblem(post(PATH, token, visit(applicant, "2026-01-20", "ILLNESS", "1")), 422, "care-visit-not-a-party-member");
        assertThat(db.count(Query.query(Criteria.where("memberId").is(applicant)), CareVisit.class)).isZero();
        // Another branch's secretary may not record a visit to this branch's member.
        assertProblem(post(PATH, secretary(orgs.branchB()), visit(visited, "2026-01-20", "ILLNESS", "1")), 403,
                "out-of-scope");

        assertThat(db.count(Query.query(Criteria.where("memberId").is(visited)), CareVisit.class)).isZero();
        assertThat(new party.platform.test.TestEvents(careBrokers).readAll("party.member"))
                .noneMatch(r -> TYPE.equals(headerOf(r, CloudEvents.TYPE)) && r.value().contains(visited));
    }

    @Test
    void aReplayWithTheSameIdempotencyKeyAnswersTheSameVisit() {
        Tree orgs = tree();
        String visited = member(orgs, orgs.branchA(), "老党员", LocalDate.of(1940, 3, 1), "FULL", LocalDate.of(1965, 7, 1));
        Map<String, Object> body = visit(visited, "2026-01-20", "OLD_MEMBER", "200.00");
        Res first = post(PATH, staff(orgs), body, "Idempotency-Key", "care-1");
        Res again = post(PATH, staff(orgs), body, "Idempotency-Key", "care-1");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(db.count(Query.query(Criteria.where("memberId").is(visited)), CareVisit.class)).isEqualTo(1);
    }

    @Test
    void listsAndYearlyTotalsCoverTheSubtreeTheCallerSees() {
        Tree orgs = tree();
        String m1 = member(orgs, orgs.branchA(), "甲", LocalDate.of(1940, 3, 1), "FULL", LocalDate.of(1965, 7, 1));
        String m2 = member(orgs, orgs.branchA(), "乙", LocalDate.of(1950, 3, 1), "FULL", LocalDate.of(1975, 7, 1));
        String m3 = member(orgs, orgs.branchB(), "丙", LocalDate.of(1945, 3, 1), "FULL", LocalDate.of(1970, 7, 1));
        String token = staff(orgs);
        for (Map<String, Object> body : List.of(visit(m1, "2025-01-20", "FESTIVAL", "500"),
                visit(m1, "2025-06-01", "ILLNESS", "300.50"), visit(m2, "2025-02-01", "FESTIVAL", "0"),
                visit(m3, "2025-03-01", "DIFFICULTY", "1000.00"), visit(m3, "2024-12-31", "FESTIVAL", "200"))) {
            assertThat(post(PATH, token, body).status()).isEqualTo(201);
        }

        JsonNode summary = get(PATH + "/summary?orgId=" + orgs.committee() + "&year=2025", token).json();
        assertThat(summary.path("visits").asLong()).isEqualTo(4);
        assertThat(summary.path("peopleVisited").asLong()).isEqualTo(3);
        assertThat(summary.path("amount").decimalValue()).isEqualByComparingTo("1800.50");
        assertThat(summary.path("amountTenThousandYuan").decimalValue()).isEqualByComparingTo("0.18005");
        Map<String, JsonNode> perOrg = new LinkedHashMap<>();
        summary.path("organizations").forEach(o -> perOrg.put(o.path("orgId").asString(), o));
        assertThat(perOrg.keySet()).containsExactlyInAnyOrder(orgs.branchA(), orgs.branchB(), orgs.dissolved());
        assertThat(perOrg.get(orgs.branchA()).path("visits").asLong()).isEqualTo(3);
        assertThat(perOrg.get(orgs.branchA()).path("peopleVisited").asLong()).isEqualTo(2);
        assertThat(perOrg.get(orgs.branchA()).path("amount").decimalValue()).isEqualByComparingTo("800.50");
        assertThat(perOrg.get(orgs.branchB()).path("amount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(perOrg.get(orgs.dissolved()).path("visits").asLong()).isZero();

        JsonNode ofA = get(PATH + "/summary?orgId=" + orgs.branchA() + "&year=2025", secretary(orgs.branchA())).json();
        assertThat(ofA.path("visits").asLong()).isEqualTo(3);
        assertThat(get(PATH + "/summary?orgId=" + orgs.committee() + "&year=2025", secretary(orgs.branchA())).status())
                .isEqualTo(404);
        assertProblem(get(PATH + "/summary?orgId=" + orgs.committee() + "&year=20250", token), 400, "care-visit-invalid-year");

        JsonNode all = get(PATH + "?orgId=" + orgs.general(), token).json();
        assertThat(all.path("total").asLong()).isEqualTo(5);
        assertThat(all.path("items").get(0).path("date").asString()).isEqualTo("2025-06-01");
        JsonNode festival2025 = get(PATH + "?orgId=" + orgs.general() + "&year=2025&reason=FESTIVAL", token).json();
        assertThat(festival2025.path("total").asLong()).isEqualTo(2);
        JsonNode ofB = get(PATH + "?orgId=" + orgs.branchB(), secretary(orgs.branchB())).json();
        assertThat(ofB.path("items")).allSatisfy(v -> assertThat(v.path("memberId").asString()).isEqualTo(m3));
        assertThat(get(PATH + "?orgId=" + orgs.branchA(), secretary(orgs.branchB())).status()).isEqualTo(404);
        assertProblem(get(PATH + "?orgId=" + orgs.general() + "&reason=BIRTHDAY", token), 400, "care-visit-invalid-reason");
    }

    @Test
    void problemsSpeakChineseAndEnglishAndOnlyManagersMayRecord() {
        Tree orgs = tree();
        String visited = member(orgs, orgs.branchA(), "党员", LocalDate.of(1960, 3, 1), "FULL", LocalDate.of(1990, 7, 1));
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        Map<String, Object> future = visit(visited, tomorrow, "ILLNESS", "1");
        Res english = post(PATH, staff(orgs), future, "Accept-Language", "en");
        Res chinese = post(PATH, staff(orgs), future, "Accept-Language", "zh-CN");
        assertThat(english.json().path("title").asString()).isEqualTo("Visit date in the future");
        assertThat(chinese.json().path("title").asString()).isEqualTo("走访日期晚于今天");
        assertThat(chinese.json().path("detail").asString()).contains(tomorrow);
        Map<String, Object> negative = visit(visited, "2026-01-20", "ILLNESS", "-1");
        assertThat(post(PATH, staff(orgs), negative, "Accept-Language", "en").json().path("errors").get(0).path("message")
                .asString()).isEqualTo("must be 0.00 or more");
        assertThat(post(PATH, staff(orgs), negative, "Accept-Language", "zh-CN").json().path("errors").get(0).path("message")
                .asString()).isEqualTo("不能小于 0.00");
        Map<String, Object> tooPrecise = visit(visited, "2026-01-20", "ILLNESS", "0.001");
        assertThat(post(PATH, staff(orgs), tooPrecise, "Accept-Language", "en").json().path("errors").get(0).path("message")
                .asString()).isEqualTo("must have at most 9 digits before and 2 after the decimal point");

        String member = party.platform.test.TestJwt.get().token("member-" + visited, List.of("MEMBER"),
                List.of(orgs.branchA()), List.of());
        Res refused = post(PATH, member, visit(visited, "2026-01-20", "ILLNESS", "1"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problem()).isEqualTo("forbidden");
        assertThat(get("/api/v1/members/political-birthdays?orgId=" + orgs.branchA() + "&month=2026-07", member).status())
                .isEqualTo(403);
        assertThat(db.count(Query.query(Criteria.where("memberId").is(visited)), CareVisit.class)).isZero();
    }

    @Test
    void theApiDescriptionListsTheCareAndBirthdayEndpointsWithoutValidationHelpersAsFields() {
        JsonNode docs = JSON.readTree(get("/v3/api-docs", staff(tree())).body());
        for (String path : List.of(PATH, PATH + "/{id}", PATH + "/summary", PATH + "/candidates",
                PATH + "/difficulty-flags/{memberId}", "/api/v1/members/political-birthdays")) {
            assertThat(docs.path("paths").has(path)).as(path).isTrue();
        }
        JsonNode visitor = docs.path("components").path("schemas").path("VisitorRequest").path("properties");
        assertThat(visitor.has("name")).as(docs.path("components").toString()).isTrue();
        assertThat(visitor.has("named")).isFalse();
    }

    static Map<String, Object> visit(String memberId, String date, String reason, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", memberId);
        body.put("visitors", List.of(Map.of("name", "党委 张书记")));
        body.put("date", date);
        body.put("reason", reason);
        body.put("amount", new java.math.BigDecimal(amount));
        return body;
    }

    private static void assertProblem(Res response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.problem()).isEqualTo(slug);
    }

    private static void assertField(Res response, String field) {
        assertProblem(response, 400, "invalid-request");
        assertThat(response.errorFields()).contains(field);
    }
}
