package party.training.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import party.training.it.IntegrationTest;
import party.training.plan.TrainingPlan;
import party.training.support.TrainingCalendar;
import tools.jackson.databind.JsonNode;

/** Check-in with the session's code inside its window, live joins, absentees, late arrivals, credits on holding. */
class AttendanceIT extends IntegrationTest {

    record Fixture(Orgs orgs, String sessionId, String code, Instant startsAt) {
    }

    Fixture session(String mode, Duration startsIn) {
        Orgs orgs = orgs();
        int year = TrainingCalendar.yearOf(CLOCK.instant());
        if (mongo.findById(TrainingPlan.idOf(orgs.committee(), year), TrainingPlan.class) == null) {
            assertThat(post("/api/v1/trainings/plans", staff(orgs), Map.of("orgId", orgs.committee(), "year", year,
                    "title", "plan")).status()).isEqualTo(201);
        }
        Instant start = CLOCK.instant().plus(startsIn);
        Response created = post("/api/v1/trainings/plans/" + TrainingPlan.idOf(orgs.committee(), year) + "/sessions", staff(orgs),
                Map.of("title", "集中培训", "mode", mode, "startsAt", start.toString(), "endsAt", start.plus(Duration.ofMinutes(150)).toString(),
                        "creditHours", "2.5"));
        assertThat(created.status()).isEqualTo(201);
        return new Fixture(orgs, created.json().path("id").asString(), created.json().path("checkInCode").asString(), start);
    }

    String path(Fixture f, String what) {
        return "/api/v1/trainings/sessions/" + f.sessionId() + "/" + what;
    }

    @Test
    void membersCheckInWithTheCodeInsideTheWindowAndAreCreditedWhenTheSessionIsHeld() {
        Fixture f = session("ONSITE", Duration.ofMinutes(10));
        String onTime = registeredMember(f.orgs().branchA());
        String late = registeredMember(f.orgs().branchB());
        String absent = registeredMember(f.orgs().branchA());

        String wrong = f.code().equals("000000") ? "111111" : "000000";
        Response badCode = post(path(f, "check-in"), member(onTime), Map.of("code", wrong));
        assertThat(badCode.status()).isEqualTo(422);
        assertThat(badCode.problem()).isEqualTo("check-in-wrong-code");
        assertThat(mongo.findById(f.sessionId() + "|" + onTime, SessionAttendance.class)).isNull();
        assertThat(post(path(f, "check-out"), member(onTime), Map.of("code", f.code())).problem()).isEqualTo("check-out-outside-window");

        Response in = post(path(f, "check-in"), member(onTime), Map.of("code", f.code()));
        assertThat(in.status()).isEqualTo(200);
        assertThat(in.json().path("status").asString()).isEqualTo("PRESENT");
        assertThat(in.json().path("late").asBoolean()).isFalse();
        JsonNode event = awaitEvent("party.training.attendance-recorded.v1", f.sessionId() + "|" + onTime);
        assertThat(event.path("action").asString()).isEqualTo("CHECK_IN");
        // Checking in again changes nothing.
        assertThat(post(path(f, "check-in"), member(onTime), Map.of("code", f.code())).json().path("checkedInAt").asString())
                .isEqualTo(in.json().path("checkedInAt").asString());

        CLOCK.advance(Duration.ofMinutes(30)); // 20 minutes after the start
        Response lateIn = post(path(f, "check-in"), member(late), Map.of("code", f.code()));
        assertThat(lateIn.json().path("late").asBoolean()).isTrue();
        assertThat(post(path(f, "check-out"), member(absent), Map.of("code", f.code())).problem()).isEqualTo("check-out-without-check-in");
        assertThat(post(path(f, "check-out"), member(onTime), Map.of("code", f.code())).json().path("checkedOutAt").isNull()).isFalse();

        // The secretary of branch B cannot record an absentee of a committee session; staff can.
        assertThat(put(path(f, "absences/" + absent), secretary(f.orgs().branchB()), Map.of("reason", "病假")).status()).isEqualTo(404);
        assertThat(put(path(f, "absences/" + absent), staff(f.orgs()), Map.of("reason", " ")).status()).isEqualTo(400);
        assertThat(put(path(f, "absences/" + absent), staff(f.orgs()), Map.of("reason", "病假")).json().path("status").asString())
                .isEqualTo("ABSENT");
        assertThat(put(path(f, "absences/" + onTime), staff(f.orgs()), Map.of("reason", "x")).problem()).isEqualTo("member-was-present");

        JsonNode sheet = get(path(f, "attendance"), staff(f.orgs())).json();
        assertThat(sheet.path("expected").asLong()).isEqualTo(3);
        assertThat(sheet.path("present").asLong()).isEqualTo(2);
        assertThat(sheet.path("late").asLong()).isEqualTo(1);
        assertThat(sheet.path("absent").asLong()).isEqualTo(1);

        Response held = post(path(f, "hold"), staff(f.orgs()), null, "If-Match", "\"0\"");
        assertThat(held.status()).isEqualTo(200);
        awaitEvent("party.training.session-held.v1", f.sessionId());
        JsonNode credit = awaitPublishedCredit(onTime);
        assertThat(credit.path("source").asString()).isEqualTo("SESSION");
        assertThat(credit.path("hours").asString()).isEqualTo("2.5");
        assertThat(credit.path("totalHours").asString()).isEqualTo("2.5");
        assertThat(credit.path("targetHours").asString()).isEqualTo("32");
        assertThat(credit.path("orgId").asString()).isEqualTo(f.orgs().branchA());
        awaitPublishedCredit(late);
        assertThat(get("/api/v1/trainings/me/progress", member(onTime)).json().path("totalHours").decimalValue())
                .isEqualByComparingTo("2.5");
        assertThat(get("/api/v1/trainings/me/progress", member(absent)).json().path("totalHours").decimalValue())
                .isEqualByComparingTo("0");
        // Holding again (e.g. after a crash part-way) credits no one twice and publishes no new session event.
        Response again = post(path(f, "hold"), staff(f.orgs()), null, "If-Match", "\"1\"");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo("\"1\"");
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("memberId").is(onTime)), party.training.ledger.CreditEntry.class))
                .isEqualTo(1);
        assertThat(get("/api/v1/trainings/me/progress", member(onTime)).json().path("totalHours").decimalValue())
                .isEqualByComparingTo("2.5");
        assertThat(post(path(f, "check-in"), member(absent), Map.of("code", f.code())).problem()).isEqualTo("session-not-scheduled");
    }

    JsonNode awaitPublishedCredit(String memberId) {
        awaitPublished(r -> r.value().contains(memberId) && "party.training.credit-recorded.v1".equals(header(r, "ce_type")));
        JsonNode credit = published("party.training.credit-recorded.v1", "memberId", memberId).getFirst();
        assertThat(party.platform.test.TestContracts.violations("party.training.credit-recorded.v1", credit.toString())).isEmpty();
        return credit;
    }

    @Test
    void aCheckInTooEarlyOrByAMemberOfAnotherSubtreeIsRefused() {
        Fixture f = session("ONSITE", Duration.ofHours(3));
        String memberA = registeredMember(f.orgs().branchA());
        Response early = post(path(f, "check-in"), member(memberA), Map.of("code", f.code()));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.problem()).isEqualTo("check-in-outside-window");
        assertThat(mongo.findById(f.sessionId() + "|" + memberA, SessionAttendance.class)).isNull();

        Orgs other = orgs();
        String stranger = registeredMember(other.branchA());
        assertThat(post(path(f, "check-in"), member(stranger), Map.of("code", f.code())).status()).isEqualTo(404);
        // A staff account without a member record cannot check in.
        assertThat(post(path(f, "check-in"), staff(f.orgs()), Map.of("code", f.code())).problem()).isEqualTo("not-a-member-account");
        // Holding before the start is refused.
        assertThat(post(path(f, "hold"), staff(f.orgs()), null, "If-Match", "\"0\"").problem()).isEqualTo("session-not-started");
    }

    @Test
    void liveSessionsTakeJoinAndLeaveCallbacksOfTheConferenceProvider() {
        Fixture f = session("LIVE", Duration.ofMinutes(5));
        String memberA = registeredMember(f.orgs().branchA());
        String room = get("/api/v1/trainings/sessions/" + f.sessionId(), staff(f.orgs())).json().path("conference").path("roomId").asString();
        String integration = party.platform.test.TestJwt.get().token("conference-provider", java.util.List.of("ORG_STAFF"),
                java.util.List.of(), java.util.List.of());
        Map<String, Object> join = Map.of("roomId", room, "memberId", memberA, "action", "JOIN");
        assertThat(post("/api/v1/trainings/conference/callbacks", integration, join).status()).isEqualTo(403);
        assertThat(post("/api/v1/trainings/conference/callbacks", integration, join, "X-Conference-Secret", "wrong").status())
                .isEqualTo(403);
        assertThat(mongo.findById(f.sessionId() + "|" + memberA, SessionAttendance.class)).isNull();
        assertThat(post("/api/v1/trainings/conference/callbacks", integration, Map.of("roomId", room, "memberId", memberA,
                "action", "LEAVE"), "X-Conference-Secret", CONFERENCE_SECRET).problem()).isEqualTo("conference-leave-without-join");

        Response joined = post("/api/v1/trainings/conference/callbacks", integration, join, "X-Conference-Secret", CONFERENCE_SECRET);
        assertThat(joined.status()).isEqualTo(200);
        assertThat(joined.json().path("status").asString()).isEqualTo("PRESENT");
        assertThat(joined.json().path("joinedAt").isNull()).isFalse();
        Response left = post("/api/v1/trainings/conference/callbacks", integration, Map.of("roomId", room, "memberId", memberA,
                "action", "LEAVE"), "X-Conference-Secret", CONFERENCE_SECRET);
        assertThat(left.json().path("leftAt").isNull()).isFalse();
        assertThat(post("/api/v1/trainings/conference/callbacks", integration, Map.of("roomId", "tr-unknown", "memberId", memberA,
                "action", "JOIN"), "X-Conference-Secret", CONFERENCE_SECRET).status()).isEqualTo(404);
    }
}
