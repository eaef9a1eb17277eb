package party.member.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import party.member.member.Member;
import tools.jackson.databind.JsonNode;

/** Who sees and records what: a branch's secretary only their branch; staff the whole subtree. */
class DevelopmentScopeIT extends DevelopmentTestSupport {

    @Test
    void aSecretaryOfAnotherBranchNeitherSeesNorRecords() {
        Tree tree = tree();
        String secretaryA = secretaryOf(tree.branchA());
        String secretaryB = secretaryOf(tree.branchB());
        Reply created = apply(secretaryA, application(tree.branchA(), LocalDate.of(1992, 2, 2), LocalDate.of(2024, 1, 5)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        String etag = created.header("ETag");

        assertThat(read("/api/v1/development/" + id, secretaryB).problem()).isEqualTo("404 not-found");
        assertThat(step(secretaryB, id, 2, stepBody(2, LocalDate.of(2024, 1, 10), "talkers", List.of("x")), etag)
                .problem()).isEqualTo("404 not-found");
        assertThat(read("/api/v1/development?orgId=" + tree.branchA(), secretaryB).problem()).isEqualTo("404 not-found");
        assertThat(read("/api/v1/development/todo?orgId=" + tree.branchA(), secretaryB).problem())
                .isEqualTo("404 not-found");
        Reply intoA = apply(secretaryB, application(tree.branchA(), LocalDate.of(1992, 2, 3), LocalDate.of(2024, 1, 5)));
        assertThat(intoA.problem()).isEqualTo("403 out-of-scope");
        String member = "/api/v1/members/" + id;
        assertThat(read(member, secretaryB).status()).isEqualTo(404);
        assertThat(count(Member.COLLECTION, "orgId", tree.branchA())).isEqualTo(1);
        assertThat(read("/api/v1/development/" + id, secretaryA).json().path("currentStep").asInt()).isEqualTo(1);

        String inspector = party.platform.test.TestJwt.get().token("inspector", List.of("INSPECTOR"),
                List.of(tree.committee()), List.of());
        assertThat(read("/api/v1/development/" + id, inspector).status()).isEqualTo(403);
    }

    @Test
    void listsAndTheToDoListCoverTheSubtree() {
        Tree tree = tree();
        String staff = staff(tree);
        LocalDate longAgo = LocalDate.of(2024, 1, 5);
        String inA = apply(staff, application(tree.branchA(), LocalDate.of(1991, 3, 3), longAgo)).json().path("id").asString();
        Reply b = apply(staff, application(tree.branchB(), LocalDate.of(1991, 3, 4), longAgo));
        String inB = b.json().path("id").asString();
        Reply talked = step(staff, inB, 2, stepBody(2, longAgo.plusDays(3), "talkers", List.of("王书记")), b.header("ETag"));
        assertThat(talked.status()).as(talked.body()).isEqualTo(200);
        Reply activist = step(staff, inB, 3, stepBody(3, longAgo.plusDays(30)), talked.header("ETag"));
        assertThat(activist.status()).as(activist.body()).isEqualTo(200);

        JsonNode all = read("/api/v1/development?orgId=" + tree.general(), staff).json();
        assertThat(all.path("total").asLong()).isEqualTo(2);
        JsonNode activists = read("/api/v1/development?orgId=" + tree.general() + "&stage=ACTIVIST", staff).json();
        assertThat(activists.path("total").asLong()).isEqualTo(1);
        assertThat(activists.path("items").get(0).path("id").asString()).isEqualTo(inB);
        assertThat(read("/api/v1/development?orgId=" + tree.general() + "&step=1", staff).json().path("items").get(0)
                .path("id").asString()).isEqualTo(inA);
        assertThat(read("/api/v1/development?orgId=" + tree.branchA(), secretaryOf(tree.branchA())).json()
                .path("total").asLong()).isEqualTo(1);

        JsonNode todo = read("/api/v1/development/todo?orgId=" + tree.committee(), staff).json();
        assertThat(todo.size()).isEqualTo(2);
        JsonNode first = todo.get(0);
        assertThat(first.path("recordId").asString()).isEqualTo(inA);
        assertThat(first.path("nextStep").asInt()).isEqualTo(2);
        assertThat(first.path("urgency").asString()).isEqualTo("OVERDUE");
        assertThat(first.path("dueDate").asString()).isEqualTo(longAgo.plusMonths(1).toString());
        assertThat(first.path("name").asString()).startsWith("王五");
        JsonNode second = todo.get(1);
        assertThat(second.path("recordId").asString()).isEqualTo(inB);
        assertThat(second.path("nextStep").asInt()).isEqualTo(4);
        assertThat(second.path("stage").asString()).isEqualTo("ACTIVIST");

        JsonNode onlyB = read("/api/v1/development/todo?orgId=" + tree.branchB(), secretaryOf(tree.branchB())).json();
        assertThat(onlyB.size()).isEqualTo(1);
        assertThat(onlyB.get(0).path("recordId").asString()).isEqualTo(inB);
    }

    @Test
    void anIdempotencyKeyReplayAnswersTheSameRecord() {
        Tree tree = tree();
        String staff = staff(tree);
        var body = application(tree.branchA(), LocalDate.of(1993, 4, 4), LocalDate.of(2024, 2, 2));
        Reply first = apply(staff, body, "Idempotency-Key", "dev-" + tree.branchA());
        Reply again = apply(staff, body, "Idempotency-Key", "dev-" + tree.branchA());
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(count(DevelopmentRecord.COLLECTION, "orgId", tree.branchA())).isEqualTo(1);
    }
}
