package party.member.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import party.member.member.Member;
import party.platform.test.TestContracts;
import tools.jackson.databind.JsonNode;

/** The whole pipeline through HTTP: application → activist → candidate → probationary → full member. */
class DevelopmentPipelineIT extends DevelopmentTestSupport {

    static final String STEP_RECORDED = "party.member.development-step-recorded.v1";
    static final String STATUS_CHANGED = "party.member.status-changed.v1";

    static final LocalDate APPLIED = LocalDate.of(2023, 3, 1);
    static final LocalDate ACTIVIST = LocalDate.of(2023, 4, 1);
    static final LocalDate CANDIDATE = LocalDate.of(2024, 4, 1);
    static final LocalDate MEETING = LocalDate.of(2024, 6, 28);
    static final LocalDate APPROVED = LocalDate.of(2024, 8, 5);
    static final LocalDate PROBATION_END = MEETING.plusYears(1);

    @Test
    void anApplicantBecomesAFullMemberAndEveryChangeIsPublishedToContract() {
        Tree tree = tree();
        String token = secretaryOf(tree.branchA());
        String contact = member(tree, tree.branchA(), "FULL");
        String sponsor1 = member(tree, tree.branchA(), "FULL");
        String sponsor2 = member(tree, tree.branchB(), "FULL");

        Reply applied = apply(token, application(tree.branchA(), LocalDate.of(1995, 5, 17), APPLIED));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String id = applied.json().path("id").asString();
        assertThat(applied.header("Location")).isEqualTo("/api/v1/development/" + id);
        assertThat(applied.json().path("memberId").asString()).isEqualTo(id);
        assertThat(applied.json().path("currentStep").asInt()).isEqualTo(1);
        assertThat(applied.json().path("nextStep").asInt()).isEqualTo(2);
        assertThat(applied.json().path("nextStepMaterials").get(0).asString()).isEqualTo("TALK_RECORD");
        assertThat(memberStatus(token, id)).isEqualTo("APPLICANT");
        String etag = applied.header("ETag");

        etag = record(token, id, 2, stepBody(2, APPLIED.plusDays(10), "talkers", List.of("王书记")), etag);
        etag = record(token, id, 3, stepBody(3, ACTIVIST), etag);
        assertThat(memberStatus(token, id)).isEqualTo("ACTIVIST");
        etag = record(token, id, 4, stepBody(4, ACTIVIST), etag);
        etag = record(token, id, 5, stepBody(5, ACTIVIST, "contacts", List.of(contact)), etag);
        etag = record(token, id, 6, stepBody(6, ACTIVIST.plusMonths(6)), etag);
        etag = record(token, id, 7, stepBody(7, CANDIDATE), etag);
        assertThat(memberStatus(token, id)).isEqualTo("CANDIDATE");
        etag = record(token, id, 8, stepBody(8, CANDIDATE), etag);
        etag = record(token, id, 9, stepBody(9, CANDIDATE, "sponsors", List.of(sponsor1, sponsor2)), etag);
        etag = record(token, id, 10, stepBody(10, CANDIDATE.plusMonths(1)), etag);
        etag = record(token, id, 11, stepBody(11, CANDIDATE.plusMonths(1), "trainingDays", 3), etag);
        for (int step = 12; step <= 14; step++) {
            etag = record(token, id, step, stepBody(step, MEETING.minusDays(10)), etag);
        }
        etag = record(token, id, 15, stepBody(15, MEETING, "vote",
                Map.of("expected", 2, "present", 2, "inFavour", 2, "against", 0, "abstain", 0)), etag);
        etag = record(token, id, 16, stepBody(16, MEETING.plusDays(20), "talkers", List.of("组织部李部长")), etag);
        etag = record(token, id, 17, stepBody(17, APPROVED), etag);
        assertThat(memberStatus(token, id)).isEqualTo("PROBATIONARY");
        for (int step = 18; step <= 21; step++) {
            etag = record(token, id, step, stepBody(step, APPROVED.plusDays(10)), etag);
        }
        etag = record(token, id, 22, stepBody(22, PROBATION_END), etag);
        etag = record(token, id, 23, stepBody(23, PROBATION_END.plusDays(5), "outcome", "CONFIRM"), etag);
        etag = record(token, id, 24, stepBody(24, PROBATION_END.plusDays(20)), etag);
        assertThat(memberStatus(token, id)).isEqualTo("FULL");
        record(token, id, 25, stepBody(25, PROBATION_END.plusDays(30)), etag);

        JsonNode done = read("/api/v1/development/" + id, token).json();
        assertThat(done.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("steps").size()).isEqualTo(25);
        assertThat(done.path("warnings").size()).isZero();
        assertThat(done.path("probationEnd").asString()).isEqualTo(PROBATION_END.toString());
        assertThat(done.path("version").asLong()).isEqualTo(24);

        JsonNode shown = read("/api/v1/members/" + id, token).json();
        assertThat(shown.path("applicationDate").asString()).isEqualTo(APPLIED.toString());
        assertThat(shown.path("fullMembershipDate").asString()).isEqualTo(PROBATION_END.toString());
        Member member = db.findById(id, Member.class);
        assertThat(member.getApplicationDate()).isEqualTo(APPLIED);
        assertThat(member.getActivistDate()).isEqualTo(ACTIVIST);
        assertThat(member.getCandidateDate()).isEqualTo(CANDIDATE);
        assertThat(member.getAdmissionDate()).isEqualTo(MEETING);
        assertThat(member.getJoinedAt()).isEqualTo(MEETING);
        assertThat(member.getFullMembershipDate()).isEqualTo(PROBATION_END);

        List<ConsumerRecord<String, String>> steps = awaitEvents(STEP_RECORDED, id, 25);
        assertThat(steps).hasSize(25);
        for (ConsumerRecord<String, String> record : steps) {
            assertThat(TestContracts.violations(STEP_RECORDED, record.value())).as(record.value()).isEmpty();
            assertThat(record.value()).doesNotContain("王五").doesNotContain("13912345678");
        }
        assertThat(steps.stream().map(r -> JSON.readTree(r.value()).path("step").asInt()).toList())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList());
        assertThat(JSON.readTree(steps.get(14).value()).path("date").asString()).isEqualTo(MEETING.toString());

        List<ConsumerRecord<String, String>> changes = awaitEvents(STATUS_CHANGED, id, 5);
        assertThat(changes).hasSize(5);
        for (ConsumerRecord<String, String> record : changes) {
            assertThat(TestContracts.violations(STATUS_CHANGED, record.value())).as(record.value()).isEmpty();
            assertThat(record.value()).doesNotContain("王五");
        }
        assertThat(changes.stream().map(r -> {
            JsonNode data = JSON.readTree(r.value());
            return data.path("from").asString(null) + ">" + data.path("to").asString() + "@"
                    + data.path("effectiveDate").asString() + "#" + data.path("version").asLong();
        }).toList()).containsExactly(
                "null>APPLICANT@" + APPLIED + "#0",
                "APPLICANT>ACTIVIST@" + ACTIVIST + "#1",
                "ACTIVIST>CANDIDATE@" + CANDIDATE + "#2",
                "CANDIDATE>PROBATIONARY@" + MEETING + "#3",
                "PROBATIONARY>FULL@" + PROBATION_END + "#4");
        assertThat(JSON.readTree(changes.getFirst().value()).path("orgId").asString()).isEqualTo(tree.branchA());
    }

    @Test
    void anExtendedProbationMovesTheFullMembershipDateAndACancelledOneEndsTheRecord() {
        Tree tree = tree();
        String token = staff(tree);
        String extended = throughStep22(tree, token);
        String etag = read("/api/v1/development/" + extended, token).header("ETag");
        etag = record(token, extended, 23, stepBody(23, PROBATION_END, "outcome", "EXTEND", "extensionMonths", 6), etag);
        LocalDate newEnd = PROBATION_END.plusMonths(6);
        Reply again = step(token, extended, 23, stepBody(23, newEnd, "outcome", "EXTEND", "extensionMonths", 6), etag);
        assertThat(again.problem()).isEqualTo("422 development-extension-used");
        etag = record(token, extended, 23, stepBody(23, newEnd, "outcome", "CONFIRM"), etag);
        record(token, extended, 24, stepBody(24, newEnd.plusDays(3)), etag);
        assertThat(db.findById(extended, Member.class).getFullMembershipDate()).isEqualTo(newEnd);
        assertThat(read("/api/v1/development/" + extended, token).json().path("extended").asBoolean()).isTrue();

        String cancelled = throughStep22(tree, token);
        String tag = read("/api/v1/development/" + cancelled, token).header("ETag");
        tag = record(token, cancelled, 23, stepBody(23, PROBATION_END, "outcome", "CANCEL"), tag);
        assertThat(memberStatus(token, cancelled)).isEqualTo("PROBATION_CANCELLED");
        assertThat(read("/api/v1/development/" + cancelled, token).json().path("state").asString()).isEqualTo("CANCELLED");
        assertThat(step(token, cancelled, 24, stepBody(24, PROBATION_END), tag).problem())
                .isEqualTo("422 development-record-closed");
        ConsumerRecord<String, String> last = awaitEvents(STATUS_CHANGED, cancelled, 5).getLast();
        assertThat(TestContracts.violations(STATUS_CHANGED, last.value())).isEmpty();
        assertThat(JSON.readTree(last.value()).path("to").asString()).isEqualTo("PROBATION_CANCELLED");
    }

    @Test
    void aYearlyQuotaCountsTheAdmissionsOfItsSubtree() {
        Tree tree = tree();
        String staff = staff(tree);
        throughStep22(tree, staff);
        String path = "/api/v1/development/quotas/" + tree.committee() + "/2024";

        assertThat(send("PUT", path, secretaryOf(tree.branchA()), Map.of("quota", 5)).status()).isEqualTo(403);
        assertThat(send("PUT", path, staff, Map.of("quota", -1)).problem()).isEqualTo("400 invalid-request");
        assertThat(send("PUT", "/api/v1/development/quotas/" + tree.committee() + "/1999", staff, Map.of("quota", 5))
                .problem()).isEqualTo("400 development-quota-year");
        Tree other = tree();
        assertThat(send("PUT", path, staff(other), Map.of("quota", 5)).problem()).isEqualTo("403 out-of-scope");
        assertThat(read(path, staff).json().path("quota").isNull()).isTrue();

        Reply set = send("PUT", path, staff, Map.of("quota", 5));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.header("ETag")).isEqualTo("\"0\"");
        assertThat(send("PUT", path, staff, Map.of("quota", 6)).problem()).isEqualTo("428 if-match-required");
        Reply replaced = send("PUT", path, staff, Map.of("quota", 6), "If-Match", set.header("ETag"));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);

        assertThat(read(path, secretaryOf(tree.branchA())).problem()).isEqualTo("404 not-found");
        assertThat(read("/api/v1/development/quotas/" + tree.branchA() + "/2024", secretaryOf(tree.branchA())).json()
                .path("used").asLong()).isEqualTo(1);
        JsonNode usage = read(path, staff).json();
        assertThat(usage.path("quota").asInt()).isEqualTo(6);
        assertThat(usage.path("used").asLong()).isEqualTo(1);
        assertThat(usage.path("remaining").asLong()).isEqualTo(5);
        assertThat(read("/api/v1/development/quotas/" + tree.committee() + "/2025", staff).json().path("used").asLong())
                .isZero();
        assertThat(read("/api/v1/development/quotas/" + tree.branchB() + "/2024", staff).json().path("used").asLong())
                .isZero();

        String key = tree.committee() + ":2024";
        List<ConsumerRecord<String, String>> events = awaitEvents("party.member.development-quota-set.v1", key, 2);
        for (ConsumerRecord<String, String> record : events) {
            assertThat(TestContracts.violations("party.member.development-quota-set.v1", record.value())).isEmpty();
        }
        assertThat(JSON.readTree(events.getLast().value()).path("quota").asInt()).isEqualTo(6);
    }

    /** An applicant of branch A taken through step 22 (probation ended on {@link #PROBATION_END}). */
    String throughStep22(Tree tree, String token) {
        String contact = member(tree, tree.branchA(), "FULL");
        String sponsor = member(tree, tree.branchA(), "FULL");
        Reply applied = apply(token, application(tree.branchA(), LocalDate.of(1990, 1, 2), APPLIED));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String id = applied.json().path("id").asString();
        String etag = applied.header("ETag");
        for (int step = 2; step <= 22; step++) {
            LocalDate date = step == 2 ? APPLIED.plusDays(5) : step <= 6 ? ACTIVIST : step <= 11 ? CANDIDATE
                    : step <= 15 ? MEETING : step <= 21 ? APPROVED : PROBATION_END;
            Map<String, Object> body = switch (step) {
                case 2, 16 -> stepBody(step, date, "talkers", List.of("谈话人"));
                case 5 -> stepBody(step, date, "contacts", List.of(contact));
                case 9 -> stepBody(step, date, "sponsors", List.of(contact, sponsor));
                case 11 -> stepBody(step, date, "trainingHours", 24);
                case 15 -> stepBody(step, date, "vote", Map.of("expected", 9, "present", 5, "inFavour", 5, "against", 0));
                default -> stepBody(step, date);
            };
            etag = record(token, id, step, body, etag);
        }
        return id;
    }

    String record(String token, String id, int step, Map<String, Object> body, String etag) {
        Reply reply = step(token, id, step, body, etag);
        assertThat(reply.status()).as("step " + step + ": " + reply.body()).isEqualTo(200);
        assertThat(reply.json().path("currentStep").asInt()).isEqualTo(step);
        return reply.header("ETag");
    }

    String memberStatus(String token, String id) {
        Reply member = read("/api/v1/members/" + id, token);
        assertThat(member.status()).as(member.body()).isEqualTo(200);
        return member.json().path("status").asString();
    }
}
