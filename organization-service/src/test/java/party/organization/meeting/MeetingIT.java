package party.organization.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import party.platform.test.TestContracts;
import party.platform.test.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Planning and recording meetings: attendance against the roster, quorum rules, cancelling, events, scope. */
class MeetingIT extends MeetingItSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String P = "urn:party-building:problem:";

    @Test
    void aPartyLectureIsPlannedThenRecordedAndAnnouncedWithItsAttendees() {
        Tree tree = tree();
        List<String> m = members(tree.branch1(), "FULL", "FULL", "PROBATIONARY");
        String secretary = secretary(tree.branch1());

        TestHttp.Response planned = http().as(secretary).header("Idempotency-Key", "lecture-" + tree.branch1())
                .post("/api/v1/meetings", Map.of("orgId", tree.branch1(), "type", "PARTY_LECTURE",
                        "plannedAt", "2026-03-10T07:00:00Z", "topic", "学习党章", "lecturer", "张书记"));
        assertThat(planned.status()).as(planned.raw()).isEqualTo(201);
        assertThat(planned.header("ETag")).isEqualTo("\"0\"");
        String id = planned.json().get("id").asString();
        assertThat(planned.header("Location")).isEqualTo("/api/v1/meetings/" + id);
        assertThat(planned.json().get("status").asString()).isEqualTo("PLANNED");
        assertThat(planned.json().get("branchId").asString()).isEqualTo(tree.branch1());
        // The same key again answers with the same meeting and plans nothing new.
        TestHttp.Response replay = http().as(secretary).header("Idempotency-Key", "lecture-" + tree.branch1())
                .post("/api/v1/meetings", Map.of("orgId", tree.branch1(), "type", "PARTY_LECTURE",
                        "plannedAt", "2026-03-10T07:00:00Z", "topic", "学习党章", "lecturer", "张书记"));
        assertThat(replay.json().get("id").asString()).isEqualTo(id);
        assertThat(mongo.getCollection("meetings").countDocuments(new org.bson.Document("orgId", tree.branch1())))
                .isEqualTo(1);
        var plannedEvent = event(MeetingEvents.PLANNED, id);
        assertThat(TestContracts.violations(MeetingEvents.PLANNED, plannedEvent.value())).isEmpty();

        Map<String, Object> body = recording("2026-03-10T07:30:00Z", List.of(m.get(0), m.get(2)), Map.of(m.get(1), "外出学习"));
        body.put("lecturer", "张书记");
        body.put("lecturerMemberId", m.get(0));
        body.put("topic", "学习贯彻党章");
        body.put("attachments", List.of("file-123", "https://files.example.cn/sign-in.pdf"));
        TestHttp.Response recorded = record(secretary, id, "\"0\"", body);
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(200);
        assertThat(recorded.header("ETag")).isEqualTo("\"1\"");
        JsonNode meeting = http().as(secretary).get("/api/v1/meetings/" + id).json();
        assertThat(meeting.get("status").asString()).isEqualTo("HELD");
        assertThat(meeting.get("heldAt").asString()).isEqualTo("2026-03-10T07:30:00Z");
        assertThat(meeting.get("expectedAttendees").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrderElementsOf(m);
        assertThat(meeting.get("absent").get(0).get("reason").asString()).isEqualTo("外出学习");
        assertThat(meeting.get("attachments").size()).isEqualTo(2);
        assertThat(meeting.get("expectedFullMembers").asInt()).isEqualTo(2);
        assertThat(meeting.get("presentFullMembers").asInt()).isEqualTo(1);
        assertThat(meeting.has("quorumMet")).isFalse();

        var held = event(MeetingEvents.HELD, id);
        assertThat(TestContracts.violations(MeetingEvents.HELD, held.value())).isEmpty();
        JsonNode payload = JSON.readTree(held.value());
        assertThat(payload.get("meetingType").asString()).isEqualTo("PARTY_LECTURE");
        assertThat(payload.get("presentMemberIds").valueStream().map(JsonNode::asString)).containsExactly(m.get(0), m.get(2));
        assertThat(payload.get("absentMemberIds").valueStream().map(JsonNode::asString)).containsExactly(m.get(1));
        assertThat(payload.get("topic").asString()).isEqualTo("学习贯彻党章");
        assertThat(payload.get("lecturerMemberId").asString()).isEqualTo(m.get(0));
        assertThat(payload.get("version").asLong()).isEqualTo(1);
        // No names and no absence reasons travel in events.
        assertThat(held.value()).doesNotContain("张书记").doesNotContain("外出学习").doesNotContain("李委员");

        TestHttp.Response again = record(secretary, id, "\"1\"", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(problemType(again)).isEqualTo(P + "meeting-not-planned");
    }

    @Test
    void aCommitteeMeetingNeedsMoreThanHalfOfTheCommitteeAndOtherwiseStoresNothing() {
        Tree tree = tree();
        List<String> m = members(tree.branch1(), "FULL", "FULL", "FULL", "FULL", "FULL");
        String token = secretary(tree.branch1());
        String id = planned(token, tree.branch1(), "COMMITTEE_MEETING", "2026-02-05T02:00:00Z");
        List<String> committee = List.of(m.get(0), m.get(1), m.get(2), m.get(3));

        Map<String, Object> withoutCommittee = recording("2026-02-05T02:00:00Z", List.of(m.get(0), m.get(1), m.get(2)),
                Map.of(m.get(3), "病假"));
        TestHttp.Response unnamed = record(token, id, "\"0\"", withoutCommittee);
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(problemType(unnamed)).isEqualTo(P + "meeting-expected-attendees-required");

        // Two of four is exactly half: not enough.
        Map<String, Object> half = recording("2026-02-05T02:00:00Z", List.of(m.get(0), m.get(1)),
                Map.of(m.get(2), "出差", m.get(3), "病假"));
        half.put("expectedAttendees", committee);
        TestHttp.Response refused = record(token, id, "\"0\"", half);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(problemType(refused)).isEqualTo(P + "meeting-committee-quorum-not-met");
        assertThat(http().as(token).get("/api/v1/meetings/" + id).json().get("status").asString()).isEqualTo("PLANNED");
        TestHttp.Response en = http().as(token).header("If-Match", "\"0\"").header("Accept-Language", "en")
                .post("/api/v1/meetings/" + id + "/record", half);
        assertThat(en.json().get("detail").asString())
                .isEqualTo("A committee meeting needs more than half of the committee present; 2 of 4 were present.");

        Map<String, Object> stranger = recording("2026-02-05T02:00:00Z", List.of(m.get(0), m.get(1), m.get(2)),
                Map.of("not-a-member", "?"));
        stranger.put("expectedAttendees", List.of(m.get(0), m.get(1), m.get(2), "not-a-member"));
        TestHttp.Response notOnRoster = record(token, id, "\"0\"", stranger);
        assertThat(notOnRoster.status()).isEqualTo(422);
        assertThat(problemType(notOnRoster)).isEqualTo(P + "meeting-attendees-not-on-roster");
        assertThat(notOnRoster.json().get("memberIds").get(0).asString()).isEqualTo("not-a-member");

        Map<String, Object> majority = recording("2026-02-05T02:00:00Z", List.of(m.get(0), m.get(1), m.get(2)),
                Map.of(m.get(3), "病假"));
        majority.put("expectedAttendees", committee);
        TestHttp.Response ok = record(token, id, "\"0\"", majority);
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        assertThat(ok.json().get("expectedAttendees").size()).isEqualTo(4);
        assertThat(eventsOf(MeetingEvents.HELD, id)).isEqualTo(1);
    }

    @Test
    void aBranchGeneralMeetingWithoutQuorumIsKeptButFlagged() {
        Tree tree = tree();
        List<String> m = members(tree.branch2(), "FULL", "FULL", "FULL", "PROBATIONARY");
        String token = admin(tree.committee());

        String thin = planned(token, tree.branch2(), "BRANCH_GENERAL_MEETING", "2026-01-15T06:00:00Z");
        // One of three full members plus the probationary member: half of those present, but not of the voters.
        TestHttp.Response flagged = record(token, thin, "\"0\"", recording("2026-01-15T06:00:00Z",
                List.of(m.get(0), m.get(3)), Map.of(m.get(1), "出差", m.get(2), "病假")));
        assertThat(flagged.status()).as(flagged.raw()).isEqualTo(200);
        assertThat(flagged.json().get("quorumMet").asBoolean()).isFalse();
        assertThat(flagged.json().get("expectedFullMembers").asInt()).isEqualTo(3);
        assertThat(flagged.json().get("presentFullMembers").asInt()).isEqualTo(1);
        var event = event(MeetingEvents.HELD, thin);
        assertThat(TestContracts.violations(MeetingEvents.HELD, event.value())).isEmpty();
        assertThat(JSON.readTree(event.value()).get("quorumMet").asBoolean()).isFalse();

        String full = planned(token, tree.branch2(), "BRANCH_GENERAL_MEETING", "2026-02-15T06:00:00Z");
        TestHttp.Response valid = record(token, full, "\"0\"", recording("2026-02-15T06:00:00Z",
                List.of(m.get(0), m.get(1)), Map.of(m.get(2), "病假", m.get(3), "出差")));
        assertThat(valid.json().get("quorumMet").asBoolean()).isTrue();
    }

    @Test
    void badRecordingsAreRefusedAndLeaveThePlanUntouched() {
        Tree tree = tree();
        List<String> m = members(tree.branch1(), "FULL", "FULL");
        String token = secretary(tree.branch1());
        String id = planned(token, tree.branch1(), "THEME_PARTY_DAY", "2026-04-01T01:00:00Z");
        Map<String, Object> good = recording("2026-04-01T01:00:00Z", List.of(m.get(0)), Map.of(m.get(1), "病假"));

        Map<String, Object> future = recording(Instant.now().plus(2, ChronoUnit.DAYS).toString(), List.of(m.get(0)),
                Map.of(m.get(1), "病假"));
        TestHttp.Response inFuture = http().as(token).header("If-Match", "\"0\"").header("Accept-Language", "en")
                .post("/api/v1/meetings/" + id + "/record", future);
        assertThat(inFuture.status()).isEqualTo(400);
        assertThat(problemType(inFuture)).isEqualTo(P + "invalid-request");
        assertThat(inFuture.json().get("errors").get(0).get("field").asString()).isEqualTo("heldAt");
        assertThat(inFuture.json().get("errors").get(0).get("message").asString()).isEqualTo("must not be in the future");

        Map<String, Object> missingHost = new java.util.HashMap<>(good);
        missingHost.remove("host");
        TestHttp.Response noHost = record(token, id, "\"0\"", missingHost);
        assertThat(noHost.status()).isEqualTo(400);
        assertThat(noHost.json().get("errors").get(0).get("field").asString()).isEqualTo("host");

        TestHttp.Response unaccounted = record(token, id, "\"0\"", recording("2026-04-01T01:00:00Z", List.of(m.get(0)), Map.of()));
        assertThat(unaccounted.status()).isEqualTo(422);
        assertThat(problemType(unaccounted)).isEqualTo(P + "meeting-attendance-mismatch");
        assertThat(unaccounted.json().get("unaccounted").get(0).asString()).isEqualTo(m.get(1));

        TestHttp.Response both = record(token, id, "\"0\"", recording("2026-04-01T01:00:00Z", List.of(m.get(0), m.get(1)),
                Map.of(m.get(1), "病假")));
        assertThat(problemType(both)).isEqualTo(P + "meeting-attendance-overlap");

        Map<String, Object> named = new java.util.HashMap<>(good);
        named.put("expectedAttendees", List.of(m.get(0)));
        assertThat(problemType(record(token, id, "\"0\"", named))).isEqualTo(P + "meeting-expected-attendees-not-allowed");

        TestHttp.Response nobody = record(token, id, "\"0\"", recording("2026-04-01T01:00:00Z", List.of(),
                Map.of(m.get(0), "病假", m.get(1), "病假")));
        assertThat(problemType(nobody)).isEqualTo(P + "meeting-nobody-present");

        assertThat(record(token, id, null, good).status()).isEqualTo(428);
        assertThat(record(token, id, "\"3\"", good).status()).isEqualTo(412);
        TestHttp.Response zh = record(token, id, "\"3\"", good);
        assertThat(zh.json().get("title").asString()).isEqualTo("数据已被修改");

        JsonNode meeting = http().as(token).get("/api/v1/meetings/" + id).json();
        assertThat(meeting.get("status").asString()).isEqualTo("PLANNED");
        assertThat(meeting.get("version").asLong()).isZero();
        assertThat(eventsOf(MeetingEvents.HELD, id)).isZero();

        String lecture = planned(token, tree.branch1(), "PARTY_LECTURE", "2026-04-02T01:00:00Z");
        TestHttp.Response noLecturer = record(token, lecture, "\"0\"", good);
        assertThat(noLecturer.status()).isEqualTo(400);
        assertThat(problemType(noLecturer)).isEqualTo(P + "meeting-lecture-details-required");
    }

    @Test
    void planningChecksTheOrganizationAndTheInput() {
        Tree tree = tree();
        String token = admin(tree.committee());
        long before = mongo.getCollection("meetings").countDocuments();

        TestHttp.Response unknown = plan(token, "no-such-org", "THEME_PARTY_DAY", "2026-05-01T01:00:00Z");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(problemType(unknown)).isEqualTo(P + "meeting-unknown-organization");

        TestHttp.Response groupMeetingOfBranch = plan(token, tree.branch1(), "GROUP_MEETING", "2026-05-01T01:00:00Z");
        assertThat(groupMeetingOfBranch.status()).isEqualTo(422);
        assertThat(problemType(groupMeetingOfBranch)).isEqualTo(P + "meeting-wrong-organization-type");
        assertThat(problemType(plan(token, tree.general(), "THEME_PARTY_DAY", "2026-05-01T01:00:00Z")))
                .isEqualTo(P + "meeting-wrong-organization-type");

        TestHttp.Response badType = plan(token, tree.branch1(), "TEA_PARTY", "2026-05-01T01:00:00Z");
        assertThat(badType.status()).isEqualTo(400);
        TestHttp.Response badTime = plan(token, tree.branch1(), "THEME_PARTY_DAY", "next tuesday");
        assertThat(badTime.status()).isEqualTo(400);
        TestHttp.Response missing = http().as(token).header("Accept-Language", "en").post("/api/v1/meetings", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("orgId", "type", "plannedAt");

        assertThat(mongo.getCollection("meetings").countDocuments()).isEqualTo(before);
    }

    @Test
    void aGroupMeetingBelongsToTheGroupAndNamesItsMembersFromTheBranch() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String group = create(token, "GROUP", "第一党小组", code("P"), tree.branch1());
        List<String> m = members(tree.branch1(), "FULL", "FULL", "FULL");

        String id = planned(token, group, "GROUP_MEETING", "2026-01-20T06:00:00Z");
        Map<String, Object> body = recording("2026-01-20T06:00:00Z", List.of(m.get(0), m.get(1)), Map.of());
        TestHttp.Response unnamed = record(token, id, "\"0\"", body);
        assertThat(problemType(unnamed)).isEqualTo(P + "meeting-expected-attendees-required");
        body.put("expectedAttendees", List.of(m.get(0), m.get(1)));
        TestHttp.Response recorded = record(token, id, "\"0\"", body);
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(200);
        assertThat(recorded.json().get("orgId").asString()).isEqualTo(group);
        assertThat(recorded.json().get("branchId").asString()).isEqualTo(tree.branch1());
        JsonNode event = JSON.readTree(event(MeetingEvents.HELD, id).value());
        assertThat(event.get("orgId").asString()).isEqualTo(group);
        assertThat(event.get("branchId").asString()).isEqualTo(tree.branch1());
        assertThat(event.get("topic").isNull()).isTrue();
    }

    @Test
    void aPlannedMeetingCanBeCancelledOnceAndThenNotRecorded() {
        Tree tree = tree();
        List<String> m = members(tree.branch1(), "FULL");
        String token = secretary(tree.branch1());
        String id = planned(token, tree.branch1(), "THEME_PARTY_DAY", "2026-06-01T01:00:00Z");

        assertThat(http().as(token).post("/api/v1/meetings/" + id + "/cancel", Map.of()).status()).isEqualTo(428);
        TestHttp.Response cancelled = http().as(token).header("If-Match", "\"0\"")
                .post("/api/v1/meetings/" + id + "/cancel", Map.of("reason", "防汛值班"));
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("cancelReason").asString()).isEqualTo("防汛值班");
        var event = event(MeetingEvents.CANCELLED, id);
        assertThat(TestContracts.violations(MeetingEvents.CANCELLED, event.value())).isEmpty();
        assertThat(event.value()).doesNotContain("防汛值班");

        assertThat(problemType(record(token, id, "\"1\"", recording("2026-06-01T01:00:00Z", List.of(m.get(0)), Map.of()))))
                .isEqualTo(P + "meeting-not-planned");
        assertThat(http().as(token).header("If-Match", "\"1\"").post("/api/v1/meetings/" + id + "/cancel", Map.of())
                .status()).isEqualTo(409);
    }

    @Test
    void meetingsAreListedOverTheSubtreeWithFilters() {
        Tree tree = tree();
        String token = admin(tree.committee());
        List<String> m1 = members(tree.branch1(), "FULL");
        List<String> m2 = members(tree.branch2(), "FULL");
        String a = held(token, tree.branch1(), "THEME_PARTY_DAY", "2026-01-10T02:00:00Z", m1, Map.of());
        String b = planned(token, tree.branch1(), "THEME_PARTY_DAY", "2026-02-10T02:00:00Z");
        String c = held(token, tree.branch2(), "PARTY_LECTURE", "2026-03-10T02:00:00Z", m2,
                Map.of("lecturer", "王老师", "topic", "党史"));

        JsonNode all = http().as(token).get("/api/v1/organizations/" + tree.committee() + "/meetings").json();
        assertThat(ids(all)).containsExactly(c, b, a);
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(ids(http().as(token).get("/api/v1/organizations/" + tree.general() + "/meetings").json()))
                .containsExactly(b, a);
        assertThat(ids(http().as(token).get("/api/v1/organizations/" + tree.committee()
                + "/meetings?status=HELD&type=THEME_PARTY_DAY").json())).containsExactly(a);
        // Dates are Shanghai calendar days: 2026-02-10 covers b.
        assertThat(ids(http().as(token).get("/api/v1/organizations/" + tree.committee()
                + "/meetings?from=2026-02-10&to=2026-03-09").json())).containsExactly(b);
        JsonNode paged = http().as(token).get("/api/v1/organizations/" + tree.committee() + "/meetings?size=2&page=1").json();
        assertThat(ids(paged)).containsExactly(a);

        TestHttp.Response reversed = http().as(token).get("/api/v1/organizations/" + tree.committee()
                + "/meetings?from=2026-03-01&to=2026-02-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(problemType(reversed)).isEqualTo(P + "meeting-invalid-date-range");
        assertThat(http().as(token).get("/api/v1/organizations/" + tree.committee() + "/meetings?status=DONE").status())
                .isEqualTo(400);
    }

    @Test
    void aSecretarySeesAndRunsOnlyTheirOwnBranchesMeetings() {
        Tree tree = tree();
        List<String> m = members(tree.branch1(), "FULL");
        String own = secretary(tree.branch1());
        String other = secretary(tree.branch2());
        String id = planned(own, tree.branch1(), "THEME_PARTY_DAY", "2026-01-10T02:00:00Z");

        TestHttp.Response read = http().as(other).get("/api/v1/meetings/" + id);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.raw()).doesNotContain(tree.branch1());
        assertThat(record(other, id, "\"0\"", recording("2026-01-10T02:00:00Z", m, Map.of())).status()).isEqualTo(404);
        assertThat(http().as(other).header("If-Match", "\"0\"").post("/api/v1/meetings/" + id + "/cancel", Map.of())
                .status()).isEqualTo(404);
        TestHttp.Response foreignPlan = plan(other, tree.branch1(), "THEME_PARTY_DAY", "2026-01-10T02:00:00Z");
        assertThat(foreignPlan.status()).isEqualTo(403);
        assertThat(problemType(foreignPlan)).isEqualTo(P + "out-of-scope");
        assertThat(http().as(other).get("/api/v1/organizations/" + tree.branch1() + "/meetings").status()).isEqualTo(404);
        assertThat(ids(http().as(other).get("/api/v1/organizations/" + tree.branch2() + "/meetings").json())).isEmpty();

        // An inspector reads but does not run meetings.
        String inspector = inspector(tree.committee());
        assertThat(http().as(inspector).get("/api/v1/meetings/" + id).status()).isEqualTo(200);
        assertThat(plan(inspector, tree.branch1(), "THEME_PARTY_DAY", "2026-01-10T02:00:00Z").status()).isEqualTo(403);
        assertThat(record(inspector, id, "\"0\"", recording("2026-01-10T02:00:00Z", m, Map.of())).status()).isEqualTo(403);

        assertThat(http().as(own).get("/api/v1/meetings/" + id).json().get("status").asString()).isEqualTo("PLANNED");
        assertThat(http().as(own).get("/api/v1/meetings/no-such-meeting").status()).isEqualTo(404);
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(o -> o.get("id").asString()).toList();
    }
}
