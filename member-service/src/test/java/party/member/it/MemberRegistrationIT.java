package party.member.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import party.member.member.TestIds;
import party.platform.security.Roles;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/members: what it stores, what it publishes, and that bad input changes nothing. */
class MemberRegistrationIT extends IntegrationTest {

    @Test
    void registersAMemberIntoABranchStoresPiiEncryptedAndPublishesTheEvent() {
        Orgs orgs = orgs();
        Map<String, Object> body = registration(orgs.branchA());
        String nationalId = (String) body.get("nationalId");

        Response created = register(secretary(orgs.branchA()), body);

        assertThat(created.status()).isEqualTo(201);
        JsonNode member = created.json();
        String id = member.path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/members/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(member.path("name").asString()).isEqualTo(body.get("name"));
        assertThat(member.path("gender").asString()).isEqualTo("MALE");
        assertThat(member.path("birthDate").asString()).isEqualTo(body.get("birthDate"));
        assertThat(member.path("orgId").asString()).isEqualTo(orgs.branchA());
        assertThat(member.path("status").asString()).isEqualTo("PROBATIONARY");
        assertThat(member.path("joinedAt").asString()).isEqualTo("2023-07-01");
        assertThat(member.path("version").asLong()).isZero();
        assertThat(member.path("piiMasked").asBoolean()).isTrue();
        assertThat(member.path("nationalId").asString())
                .isEqualTo(nationalId.substring(0, 6) + "********" + nationalId.substring(14));
        assertThat(member.path("phone").asString()).isEqualTo("138****5678");

        // Readable at its Location, same representation and version.
        Response read = get(created.header("Location"), secretary(orgs.branchA()));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.json()).isEqualTo(member);

        // At rest: no plaintext anywhere in the document; ciphertext with its key id; the blind index.
        Document stored = storedMember(id);
        assertThat(stored.toJson()).doesNotContain(nationalId).doesNotContain(nationalId.substring(6, 14))
                .doesNotContain("13812345678");
        assertThat(stored.get("nationalId", Document.class).getString("keyId")).isEqualTo("dev1");
        assertThat(stored.get("nationalId", Document.class).getString("ciphertext")).isNotBlank();
        assertThat(stored.get("phone", Document.class).getString("ciphertext")).isNotBlank();
        assertThat(stored.getString("nationalIdIndex")).isNotBlank();

        ConsumerRecord<String, String> event = awaitRegisteredEvent(id);
        JsonNode data = JSON.readTree(event.value());
        assertThat(data.path("memberId").asString()).isEqualTo(id);
        assertThat(data.path("orgId").asString()).isEqualTo(orgs.branchA());
        assertThat(data.path("status").asString()).isEqualTo("PROBATIONARY");
        assertThat(data.path("registeredAt").asString()).isEqualTo(member.path("registeredAt").asString());
        assertThat(data.path("version").asLong()).isZero();
        assertThat(event.value()).doesNotContain(nationalId).doesNotContain("13812345678")
                .doesNotContain((String) body.get("name"));

        // The relay removed the published event from the document.
        await().atMost(Duration.ofSeconds(10)).until(() -> storedMember(id).getList("pendingEvents", Object.class).isEmpty());
    }

    @Test
    void aLowercaseXIsStoredAsXAndPhoneIsOptional() {
        Orgs orgs = orgs();
        Map<String, Object> body = registration(orgs.branchA());
        body.remove("phone");
        body.remove("joinedAt");
        body.put("birthDate", "1949-12-31");
        body.put("gender", "FEMALE");
        body.put("status", "FULL");
        String number = TestIds.nationalIdEndingInX(java.time.LocalDate.of(1949, 12, 31));
        body.put("nationalId", number.toLowerCase());

        Response created = register(staff(orgs), body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("nationalId").asString()).isEqualTo(number.substring(0, 6) + "********"
                + number.substring(14)).endsWith("X");
        assertThat(created.json().path("phone").isNull()).isTrue();
        String id = created.json().path("id").asString();
        Response unmasked = get("/api/v1/members/" + id + "?unmasked=true", staff(orgs, Roles.PII_READ));
        assertThat(unmasked.json().path("nationalId").asString()).isEqualTo(number);
        assertThat(unmasked.json().path("phone").isNull()).isTrue();
        // Found by its canonical form whatever case is asked for.
        assertThat(get("/api/v1/members/by-national-id?value=" + number.toLowerCase(), staff(orgs)).json().path("id")
                .asString()).isEqualTo(id);
    }

    @Test
    void badInputIsA4xxProblemAndChangesNothing() {
        Orgs orgs = orgs();
        String token = staff(orgs);

        Response malformed = post("/api/v1/members", token, "{\"name\": \"李四\", ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problem()).isEqualTo("malformed-request");

        // A value Jackson cannot read (no such date) makes the body unreadable: 400 without field list.
        Map<String, Object> noSuchDate = registration(orgs.branchA());
        noSuchDate.put("birthDate", "1990-13-01");
        assertThat(register(token, noSuchDate).problem()).isEqualTo("malformed-request");

        Map<String, Object> missing = registration(orgs.branchA());
        missing.remove("name");
        missing.remove("gender");
        missing.put("birthDate", null);
        missing.put("orgId", " ");
        missing.remove("status");
        Response invalid = register(token, missing);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.problem()).isEqualTo("invalid-request");
        assertThat(invalid.errorFields()).contains("name", "gender", "birthDate", "orgId", "status");
        assertThat(invalid.json().path("errors").get(0).path("message").asString()).isNotBlank();

        Map<String, Object> wrongCheck = registration(orgs.branchA());
        String number = (String) wrongCheck.get("nationalId");
        char wrong = number.charAt(17) == '0' ? '1' : '0';
        wrongCheck.put("nationalId", number.substring(0, 17) + wrong);
        Response badId = register(token, wrongCheck);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.problem()).isEqualTo("invalid-request");
        assertThat(badId.errorFields()).containsExactly("nationalId");

        Map<String, Object> shortId = registration(orgs.branchA());
        shortId.put("nationalId", "11010519900307123");
        assertThat(register(token, shortId).errorFields()).containsExactly("nationalId");

        Map<String, Object> otherBirthDate = registration(orgs.branchA());
        otherBirthDate.put("birthDate", "1948-02-29");
        Response mismatch = register(token, otherBirthDate);
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.errorFields()).containsExactly("nationalId");
        assertThat(mismatch.json().path("errors").get(0).path("code").asString()).isEqualTo("NationalIdMatchesBirthDate");

        Map<String, Object> badEnums = registration(orgs.branchA());
        badEnums.put("gender", "M");
        badEnums.put("status", "APPLICANT");
        badEnums.put("phone", "call me");
        assertThat(register(token, badEnums).errorFields()).containsExactlyInAnyOrder("gender", "status", "phone");

        Response unknown = register(token, registration("no-such-org-" + UUID.randomUUID()));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.problem()).isEqualTo("unknown-organization");

        Response dissolved = register(token, registration(orgs.dissolved()));
        assertThat(dissolved.status()).isEqualTo(422);
        assertThat(dissolved.problem()).isEqualTo("organization-dissolved");

        Response general = register(token, registration(orgs.general()));
        assertThat(general.status()).isEqualTo(422);
        assertThat(general.problem()).isEqualTo("not-a-branch");
        Response group = register(token, registration(orgs.groupA()));
        assertThat(group.status()).isEqualTo(422);
        assertThat(group.problem()).isEqualTo("not-a-branch");

        // Nothing stored ...
        assertThat(membersIn(orgs.all())).isZero();

        // ... and nothing published: the relay publishes in save order, one at a time, waiting for
        // the broker's ack, so once a later registration's event is visible, any earlier one would be.
        Response sentinel = register(token, registration(orgs.branchB()));
        assertThat(sentinel.status()).isEqualTo(201);
        String sentinelId = sentinel.json().path("id").asString();
        awaitRegisteredEvent(sentinelId);
        assertThat(publishedFor(orgs.all())).extracting(ConsumerRecord::key).containsExactly(sentinelId);
        assertThat(membersIn(orgs.all())).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyReplayAnswersTheSameMemberAndCreatesOneDocument() {
        Orgs orgs = orgs();
        String token = secretary(orgs.branchA());
        Map<String, Object> body = registration(orgs.branchA());
        String key = UUID.randomUUID().toString();

        Response first = register(token, body, "Idempotency-Key", key);
        Response replay = register(token, body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(replay.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(replay.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotency-Replayed")).isEqualTo("false");
        assertThat(membersIn(List.of(orgs.branchA()))).isEqualTo(1);

        // The same key with another body is refused and creates nothing.
        Map<String, Object> other = registration(orgs.branchA());
        Response reused = register(token, other, "Idempotency-Key", key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.problem()).isEqualTo("idempotency-key-reused");
        assertThat(membersIn(List.of(orgs.branchA()))).isEqualTo(1);

        String id = first.json().path("id").asString();
        awaitRegisteredEvent(id);
        Response sentinel = register(token, registration(orgs.branchA()));
        awaitRegisteredEvent(sentinel.json().path("id").asString());
        assertThat(publishedFor(List.of(orgs.branchA()))).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(id, sentinel.json().path("id").asString());
    }

    @Test
    void aSecondRegistrationOfTheSameNationalIdIsAConflict() {
        Orgs orgs = orgs();
        Map<String, Object> body = registration(orgs.branchA());
        assertThat(register(staff(orgs), body).status()).isEqualTo(201);

        // Also from another branch, and with a lowercase x or spaces it would still be the same person.
        Map<String, Object> again = registration(orgs.branchB());
        again.put("nationalId", " " + body.get("nationalId") + " ");
        again.put("birthDate", body.get("birthDate"));
        Response duplicate = register(staff(orgs), again);

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.problem()).isEqualTo("member-duplicate-national-id");
        assertThat(membersIn(orgs.all())).isEqualTo(1);
    }

    @Test
    void concurrentRegistrationsOfOneNationalIdCreateExactlyOneMember() throws Exception {
        Orgs orgs = orgs();
        Map<String, Object> body = registration(orgs.branchA());
        String token = staff(orgs);
        List<java.util.concurrent.Callable<Integer>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>(body);
            copy.put("name", body.get("name") + "-" + i);
            calls.add(() -> register(token, copy).status());
        }
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var future : executor.invokeAll(calls)) {
                statuses.add(future.get());
            }
            assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
        }
        assertThat(membersIn(orgs.all())).isEqualTo(1);
    }

    @Test
    void onlyAdminsStaffAndSecretariesRegister() {
        Orgs orgs = orgs();
        String member = token("m-" + orgs.branchA(), List.of(Roles.MEMBER), List.of(orgs.branchA()), List.of());
        Response refused = register(member, registration(orgs.branchA()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problem()).isEqualTo("forbidden");
        assertThat(membersIn(orgs.all())).isZero();

        String inspector = token("i-" + orgs.committee(), List.of(Roles.INSPECTOR), List.of(orgs.committee()), List.of());
        assertThat(get("/api/v1/members?orgId=" + orgs.committee(), inspector).status()).isEqualTo(403);
        assertThat(get("/api/v1/members?orgId=" + orgs.branchA(), member).problem()).isEqualTo("forbidden");

        String admin = token("admin", List.of(Roles.ADMIN), List.of(orgs.committee()), List.of());
        assertThat(register(admin, registration(orgs.branchB())).status()).isEqualTo(201);
    }
}
