package party.member.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import party.member.member.Member;
import tools.jackson.databind.JsonNode;

/** Bad input through HTTP: the right Problem Details, and nothing stored or published. */
class DevelopmentRulesIT extends DevelopmentTestSupport {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void aBadApplicationRegistersNobody() {
        Tree tree = tree();
        String token = staff(tree);
        LocalDate applied = LocalDate.of(2024, 3, 1);

        Reply under18 = apply(token, application(tree.branchA(), applied.minusYears(18).plusDays(1), applied));
        assertThat(under18.problem()).isEqualTo("422 development-applicant-under-age");
        Reply exactly18 = apply(token, application(tree.branchA(), applied.minusYears(18), applied));
        assertThat(exactly18.status()).as(exactly18.body()).isEqualTo(201);

        Map<String, Object> noLetter = application(tree.branchA(), LocalDate.of(1990, 1, 1), applied);
        noLetter.put("materials", List.of());
        Reply missing = apply(token, noLetter);
        assertThat(missing.problem()).isEqualTo("422 development-materials-missing");
        assertThat(missing.json().path("missing").get(0).asString()).isEqualTo("APPLICATION_LETTER");

        Map<String, Object> future = application(tree.branchA(), LocalDate.of(1990, 1, 1), TODAY.plusDays(1));
        assertThat(apply(token, future).problem()).isEqualTo("422 development-date-in-future");

        Map<String, Object> mismatch = application(tree.branchA(), LocalDate.of(1990, 1, 1), applied);
        mismatch.put("birthDate", "1990-01-02");
        assertThat(apply(token, mismatch).problem()).isEqualTo("400 development-birth-date-mismatch");

        Map<String, Object> badId = application(tree.branchA(), LocalDate.of(1990, 1, 1), applied);
        badId.put("nationalId", "110105199001010000");
        assertThat(apply(token, badId).problem()).isEqualTo("400 invalid-request");

        Map<String, Object> general = application(tree.general(), LocalDate.of(1990, 1, 1), applied);
        assertThat(apply(token, general).problem()).isEqualTo("422 not-a-branch");

        assertThat(count(Member.COLLECTION, "orgId", tree.branchA())).isEqualTo(1);
        assertThat(count(Member.COLLECTION, "orgId", tree.general())).isZero();
        assertThat(count(DevelopmentRecord.COLLECTION, "orgId", tree.branchA())).isEqualTo(1);
    }

    @Test
    void aRefusedStepChangesNothing() {
        Tree tree = tree();
        String token = staff(tree);
        LocalDate applied = LocalDate.of(2024, 3, 1);
        Reply created = apply(token, application(tree.branchA(), LocalDate.of(1990, 1, 1), applied));
        String id = created.json().path("id").asString();
        String etag = created.header("ETag");

        assertThat(step(token, id, 3, stepBody(3, applied.plusDays(5)), etag).problem())
                .isEqualTo("422 development-step-out-of-order");
        Reply english = send("POST", "/api/v1/development/" + id + "/steps/3", token, stepBody(3, applied.plusDays(5)),
                "If-Match", etag, "Accept-Language", "en");
        assertThat(english.json().path("detail").asString()).isEqualTo("Step 3 cannot be recorded now; the next step is 2.");
        Reply chinese = send("POST", "/api/v1/development/" + id + "/steps/3", token, stepBody(3, applied.plusDays(5)),
                "If-Match", etag, "Accept-Language", "zh-CN");
        assertThat(chinese.json().path("detail").asString()).isEqualTo("现在不能记录第 3 步；下一步是第 2 步。");
        assertThat(chinese.json().path("title").asString()).isEqualTo("发展步骤顺序错误");
        Reply apostrophe = send("POST", "/api/v1/development/" + id + "/steps/2", token,
                stepBody(2, applied.minusDays(1), "talkers", List.of("王书记")), "If-Match", etag, "Accept-Language", "en");
        assertThat(apostrophe.json().path("detail").asString())
                .isEqualTo("The date " + applied.minusDays(1) + " is before the previous step's date " + applied + ".");
        assertThat(step(token, id, 26, stepBody(2, applied.plusDays(5)), etag).problem())
                .isEqualTo("400 development-step-unknown");
        assertThat(step(token, id, 2, stepBody(2, applied.plusDays(5), "talkers", List.of("王书记")), null).problem())
                .isEqualTo("428 if-match-required");
        assertThat(step(token, id, 2, stepBody(2, applied.plusDays(5), "talkers", List.of("王书记")), "\"7\"").problem())
                .isEqualTo("412 stale-version");
        Reply noTalkRecord = step(token, id, 2, Map.of("date", applied.plusDays(5).toString(), "talkers", List.of("王书记")),
                etag);
        assertThat(noTalkRecord.problem()).isEqualTo("422 development-materials-missing");
        assertThat(noTalkRecord.json().path("missing").get(0).asString()).isEqualTo("TALK_RECORD");
        assertThat(step(token, id, 2, stepBody(2, TODAY.plusDays(1), "talkers", List.of("王书记")), etag).problem())
                .isEqualTo("422 development-date-in-future");
        assertThat(step(token, id, 2, Map.of("talkers", List.of("王书记")), etag).problem()).isEqualTo("400 invalid-request");

        JsonNode unchanged = read("/api/v1/development/" + id, token).json();
        assertThat(unchanged.path("currentStep").asInt()).isEqualTo(1);
        assertThat(unchanged.path("version").asLong()).isZero();
        awaitEvents(DevelopmentPipelineIT.STEP_RECORDED, id, 1);
        assertThat(events(DevelopmentPipelineIT.STEP_RECORDED, id)).hasSize(1);

        // A talk two months after the application is recorded with a warning.
        Reply late = step(token, id, 2, stepBody(2, applied.plusMonths(2), "talkers", List.of("王书记")), etag);
        assertThat(late.status()).as(late.body()).isEqualTo(200);
        assertThat(late.json().path("warnings").get(0).path("code").asString()).isEqualTo("talk-late");
        assertThat(late.json().path("warnings").get(0).path("dueDate").asString())
                .isEqualTo(applied.plusMonths(1).toString());
    }

    @Test
    void contactsMustBeFullMembersOfTheBranchAndSponsorsFullMembers() {
        Tree tree = tree();
        String token = staff(tree);
        String fullOfA = member(tree, tree.branchA(), "FULL");
        String fullOfB = member(tree, tree.branchB(), "FULL");
        String probationaryOfA = member(tree, tree.branchA(), "PROBATIONARY");
        LocalDate applied = LocalDate.of(2023, 3, 1);
        Reply created = apply(token, application(tree.branchA(), LocalDate.of(1990, 1, 1), applied));
        String id = created.json().path("id").asString();
        String etag = created.header("ETag");
        etag = ok(step(token, id, 2, stepBody(2, applied, "talkers", List.of("王书记")), etag));
        etag = ok(step(token, id, 3, stepBody(3, applied.plusMonths(1)), etag));
        etag = ok(step(token, id, 4, stepBody(4, applied.plusMonths(1)), etag));

        for (String contact : List.of(fullOfB, probationaryOfA, id, "no-such-member")) {
            assertThat(step(token, id, 5, stepBody(5, applied.plusMonths(1), "contacts", List.of(contact)), etag).problem())
                    .as(contact).isEqualTo("422 development-contact-not-full-member");
        }
        assertThat(step(token, id, 5, stepBody(5, applied.plusMonths(1), "contacts", List.of()), etag).problem())
                .isEqualTo("422 development-contacts-count");
        etag = ok(step(token, id, 5, stepBody(5, applied.plusMonths(1), "contacts", List.of(fullOfA)), etag));
        etag = ok(step(token, id, 6, stepBody(6, applied.plusMonths(6)), etag));

        // Candidate one day short of a year as activist is refused; on the anniversary it passes.
        LocalDate activist = applied.plusMonths(1);
        assertThat(step(token, id, 7, stepBody(7, activist.plusYears(1).minusDays(1)), etag).problem())
                .isEqualTo("422 development-activist-interval");
        etag = ok(step(token, id, 7, stepBody(7, activist.plusYears(1)), etag));
        etag = ok(step(token, id, 8, stepBody(8, activist.plusYears(1)), etag));

        assertThat(step(token, id, 9, stepBody(9, activist.plusYears(1), "sponsors", List.of(fullOfA, probationaryOfA)),
                etag).problem()).isEqualTo("422 development-sponsor-not-full-member");
        assertThat(step(token, id, 9, stepBody(9, activist.plusYears(1), "sponsors", List.of(fullOfA)), etag).problem())
                .isEqualTo("422 development-sponsors-count");
        etag = ok(step(token, id, 9, stepBody(9, activist.plusYears(1), "sponsors", List.of(fullOfA, fullOfB)), etag));
        etag = ok(step(token, id, 10, stepBody(10, activist.plusYears(1)), etag));
        etag = ok(step(token, id, 11, stepBody(11, activist.plusYears(1), "trainingDays", 3), etag));
        for (int s = 12; s <= 14; s++) {
            etag = ok(step(token, id, s, stepBody(s, activist.plusYears(1)), etag));
        }
        LocalDate meeting = activist.plusYears(1).plusDays(10);
        assertThat(step(token, id, 15, stepBody(15, meeting, "vote",
                Map.of("expected", 10, "present", 11, "inFavour", 6, "against", 0)), etag).problem())
                .isEqualTo("400 development-vote-inconsistent");
        assertThat(step(token, id, 15, stepBody(15, meeting, "vote",
                Map.of("expected", 10, "present", 8, "inFavour", 5, "against", 3)), etag).problem())
                .isEqualTo("422 development-vote-not-passed");
        Reply passed = step(token, id, 15, stepBody(15, meeting, "vote",
                Map.of("expected", 10, "present", 6, "inFavour", 6, "against", 0)), etag);
        assertThat(passed.status()).as(passed.body()).isEqualTo(200);
        assertThat(passed.json().path("probationEnd").asString()).isEqualTo(meeting.plusYears(1).toString());
        // Branch A has one full member in the registry, not the 10 the meeting expected: a warning only.
        assertThat(passed.json().path("warnings").get(0).path("code").asString())
                .isEqualTo("expected-voters-differ-from-registry");
        etag = ok(step(token, id, 16, stepBody(16, meeting, "talkers", List.of("组织部")), etag = passed.header("ETag")));
        assertThat(step(token, id, 17, stepBody(17, meeting.plusMonths(6).plusDays(1)), etag).problem())
                .isEqualTo("422 development-approval-too-late");
        assertThat(db.findById(id, Member.class).getStatus().name()).isEqualTo("CANDIDATE");
        Reply late = step(token, id, 17, stepBody(17, meeting.plusMonths(4)), etag);
        assertThat(late.status()).as(late.body()).isEqualTo(200);
        assertThat(late.json().path("warnings").get(1).path("code").asString()).isEqualTo("approval-late");
        assertThat(db.findById(id, Member.class).getStatus().name()).isEqualTo("PROBATIONARY");
    }

    String ok(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.header("ETag");
    }
}
