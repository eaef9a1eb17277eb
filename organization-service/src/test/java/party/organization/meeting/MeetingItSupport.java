package party.organization.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import party.organization.IntegrationTest;
import party.platform.events.CloudEvents;
import party.platform.test.TestEvents;
import party.platform.test.TestHttp;

/** Helpers of the meeting and compliance integration tests: rosters from member events, planning, recording. */
abstract class MeetingItSupport extends IntegrationTest {

    /** Registers members of an organization through member events and waits until the counts show them. */
    protected List<String> members(String orgId, String... statuses) {
        String token = admin(orgId);
        long before = counts(token, orgId).get("direct").get("total").asLong();
        List<String> ids = new ArrayList<>();
        for (String status : statuses) {
            String id = UUID.randomUUID().toString();
            events().send("party.member", REGISTERED, id, registered(id, orgId, status, 0));
            ids.add(id);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(counts(token, orgId).get("direct").get("total").asLong()).isEqualTo(before + statuses.length));
        return ids;
    }

    protected String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected TestHttp.Response plan(String token, String orgId, String type, String plannedAt) {
        return http().as(token).post("/api/v1/meetings", Map.of("orgId", orgId, "type", type, "plannedAt", plannedAt,
                "topic", "计划议题", "place", "党员活动室"));
    }

    protected String planned(String token, String orgId, String type, String plannedAt) {
        TestHttp.Response response = plan(token, orgId, type, plannedAt);
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    /** A recording body: the basics plus the given attendance. */
    protected Map<String, Object> recording(String heldAt, List<String> present, Map<String, String> absent) {
        Map<String, Object> body = new HashMap<>();
        body.put("heldAt", heldAt);
        body.put("place", "党员活动室");
        body.put("host", "张书记");
        body.put("recorder", "李委员");
        body.put("presentMemberIds", present);
        body.put("absent", absent.entrySet().stream().map(e -> Map.of("memberId", e.getKey(), "reason", e.getValue())).toList());
        body.put("minutes", "会议传达学习了上级文件精神。");
        return body;
    }

    protected TestHttp.Response record(String token, String meetingId, String etag, Map<String, Object> body) {
        TestHttp http = http().as(token);
        if (etag != null) {
            http = http.header("If-Match", etag);
        }
        return http.post("/api/v1/meetings/" + meetingId + "/record", body);
    }

    /** Plans and records a meeting that everyone expected attended; returns its id. */
    protected String held(String token, String orgId, String type, String heldAt, List<String> present,
                          Map<String, Object> extra) {
        String id = planned(token, orgId, type, heldAt);
        Map<String, Object> body = recording(heldAt, present, Map.of());
        body.putAll(extra);
        TestHttp.Response response = record(token, id, "\"0\"", body);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return id;
    }

    protected ConsumerRecord<String, String> event(String type, String meetingId) {
        return events().await("party.organization", r -> meetingId.equals(r.key())
                && type.equals(TestEvents.header(r, CloudEvents.TYPE)), Duration.ofSeconds(15));
    }

    protected long eventsOf(String type, String key) {
        return events().readAll("party.organization").stream()
                .filter(r -> key.equals(r.key()) && type.equals(TestEvents.header(r, CloudEvents.TYPE))).count();
    }

    protected static String problemType(TestHttp.Response response) {
        return response.json().get("type").asString();
    }
}
