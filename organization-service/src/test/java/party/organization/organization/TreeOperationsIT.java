package party.organization.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import party.organization.IntegrationTest;
import party.platform.events.CloudEvents;
import party.platform.test.TestContracts;
import party.platform.test.TestEvents;
import party.platform.test.TestHttp;
import tools.jackson.databind.JsonNode;

/** Rename, move with the whole subtree, children, subtree and path. */
class TreeOperationsIT extends IntegrationTest {

    private String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(o -> o.get("id").asString()).toList();
    }

    @Test
    void aSubtreeMovesWithEveryDescendantAndEachAnnouncesItsNewPlace() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String group = create(token, "GROUP", "第一党小组", code("P"), tree.branch1());
        String version = http().as(token).get("/api/v1/organizations/" + tree.branch1()).header("ETag");

        TestHttp.Response moved = http().as(token).header("If-Match", version)
                .post("/api/v1/organizations/" + tree.branch1() + "/move", Map.of("parentId", tree.committee()));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.json().get("parentId").asString()).isEqualTo(tree.committee());

        JsonNode movedGroup = http().as(token).get("/api/v1/organizations/" + group).json();
        assertThat(movedGroup.get("ancestors").valueStream().map(JsonNode::asString))
                .containsExactly(tree.committee(), tree.branch1());
        assertThat(ids(http().as(token).get("/api/v1/organizations/" + tree.general() + "/subtree").json()))
                .containsExactly(tree.general());

        var event = events().await("party.organization", r -> group.equals(r.key())
                && Organization.MOVED.equals(TestEvents.header(r, CloudEvents.TYPE)), Duration.ofSeconds(15));
        assertThat(TestContracts.violations(Organization.MOVED, event.value())).isEmpty();
        assertThat(event.value()).contains("\"ancestors\":[\"" + tree.committee() + "\",\"" + tree.branch1() + "\"]");
    }

    @Test
    void aMoveIntoItsOwnSubtreeOrAnIllegalPlaceOrWithAStaleVersionChangesNothing() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String generalPath = "/api/v1/organizations/" + tree.general();
        String etag = http().as(token).get(generalPath).header("ETag");

        TestHttp.Response cycle = http().as(token).header("If-Match", etag)
                .post(generalPath + "/move", Map.of("parentId", tree.branch1()));
        assertThat(cycle.status()).isEqualTo(422);
        assertThat(cycle.json().get("type").asString()).endsWith(":move-cycle");
        TestHttp.Response intoItself = http().as(token).header("If-Match", etag)
                .post(generalPath + "/move", Map.of("parentId", tree.general()));
        assertThat(intoItself.json().get("type").asString()).endsWith(":move-cycle");

        String branchPath = "/api/v1/organizations/" + tree.branch2();
        String branchTag = http().as(token).get(branchPath).header("ETag");
        TestHttp.Response underBranch = http().as(token).header("If-Match", branchTag)
                .post(branchPath + "/move", Map.of("parentId", tree.branch1()));
        assertThat(underBranch.json().get("type").asString()).endsWith(":invalid-placement");
        assertThat(http().as(token).header("If-Match", "\"99\"").post(branchPath + "/move",
                Map.of("parentId", tree.general())).status()).isEqualTo(412);
        assertThat(http().as(token).header("If-Match", branchTag).post(branchPath + "/move",
                Map.of("parentId", "nowhere")).status()).isEqualTo(422);

        assertThat(http().as(token).get(branchPath).json().get("parentId").asString()).isEqualTo(tree.committee());
        assertThat(http().as(token).get(generalPath).json().get("parentId").asString()).isEqualTo(tree.committee());
        assertThat(http().as(token).get(branchPath).header("ETag")).isEqualTo(branchTag);
    }

    @Test
    void renamingNeedsTheCurrentVersionAndRefusesAFutureFoundingDate() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String path = "/api/v1/organizations/" + tree.branch2();
        String etag = http().as(token).get(path).header("ETag");

        TestHttp.Response future = http().as(token).header("If-Match", etag)
                .put(path, Map.of("name", "未来支部", "foundedOn", LocalDate.now().plusDays(2).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(http().as(token).put(path, Map.of("name", "无版本")).status()).isEqualTo(428);

        TestHttp.Response renamed = http().as(token).header("If-Match", etag)
                .put(path, Map.of("name", "掘进二队党支部（更名）", "shortName", "掘进二队", "foundedOn", "2015-07-01"));
        assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
        assertThat(renamed.header("ETag")).isNotEqualTo(etag);
        assertThat(http().as(token).header("If-Match", etag).put(path, Map.of("name", "过期版本")).status()).isEqualTo(412);
        assertThat(http().as(token).get(path).json().get("name").asString()).isEqualTo("掘进二队党支部（更名）");

        var event = events().await("party.organization", r -> tree.branch2().equals(r.key())
                && Organization.UPDATED.equals(TestEvents.header(r, CloudEvents.TYPE)), Duration.ofSeconds(15));
        assertThat(TestContracts.violations(Organization.UPDATED, event.value())).isEmpty();
    }

    @Test
    void childrenSubtreeAndPathFollowTheTreeAndTheScope() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String group = create(token, "GROUP", "党小组", code("P"), tree.branch1());

        assertThat(ids(http().as(token).get("/api/v1/organizations/" + tree.committee() + "/children").json()))
                .containsExactlyInAnyOrder(tree.general(), tree.branch2());
        JsonNode subtree = http().as(token).get("/api/v1/organizations/" + tree.committee() + "/subtree?size=2").json();
        assertThat(subtree.get("total").asLong()).isEqualTo(5);
        assertThat(ids(subtree)).hasSize(2).startsWith(tree.committee());
        assertThat(ids(http().as(token).get("/api/v1/organizations/" + tree.committee() + "/subtree?page=2&size=2").json()))
                .containsExactly(group);

        JsonNode path = http().as(secretary(tree.branch1())).get("/api/v1/organizations/" + group + "/path").json();
        assertThat(path.valueStream().map(p -> p.get("id").asString()))
                .containsExactly(tree.committee(), tree.general(), tree.branch1(), group);
        assertThat(http().as(secretary(tree.branch1())).get("/api/v1/organizations/" + tree.branch2() + "/path").status())
                .isEqualTo(404);
        assertThat(http().as(secretary(tree.branch1())).get("/api/v1/organizations/" + tree.committee() + "/children")
                .status()).isEqualTo(404);
        assertThat(http().as(secretary(tree.branch1())).get("/api/v1/organizations/" + tree.branch1() + "/subtree")
                .json().get("total").asLong()).isEqualTo(2);
    }
}
