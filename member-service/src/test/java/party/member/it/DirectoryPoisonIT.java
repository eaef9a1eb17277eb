package party.member.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import party.platform.events.CloudEvents;
import party.platform.events.EventsConfiguration;

/**
 * The member directory's batch listener parks an unreadable record in {@code party.member.dlt}
 * and goes on with the records after it.
 */
class DirectoryPoisonIT extends IntegrationTest {

    @Test
    void anUnreadableMemberEventIsParkedAndTheDirectoryGoesOn() throws Exception {
        Orgs orgs = orgs();
        String poisonId = UUID.randomUUID().toString();
        ProducerRecord<String, String> poison = new ProducerRecord<>("party.member", "poison", "this is not json");
        poison.headers().add(CloudEvents.ID, poisonId.getBytes(StandardCharsets.UTF_8));
        poison.headers().add(CloudEvents.TYPE, "party.member.status-changed.v1".getBytes(StandardCharsets.UTF_8));
        KafkaTemplate<String, String> producer = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                EventsConfiguration.producerConfig(List.of(brokers))));
        producer.send(poison).get();

        // A status decision after it reaches the directory only through its event: the member
        // leaves the default list once the listener got past the poison.
        Response created = register(staff(orgs), registration(orgs.branchA()));
        assertThat(created.status()).isEqualTo(201);
        String memberId = created.json().path("id").asString();
        assertThat(listed(orgs)).contains(memberId);
        Map<String, Object> decision = new HashMap<>();
        decision.put("kind", "DEATH");
        decision.put("date", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString());
        decision.put("reason", "病故");
        decision.put("approverName", "某某党委");
        Response decided = post("/api/v1/members/" + memberId + "/status-decisions", staff(orgs), decision,
                "If-Match", created.header("ETag"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(listed(orgs)).doesNotContain(memberId));

        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "directory-poison-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> dlt = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            dlt.subscribe(List.of("party.member.dlt"));
            List<ConsumerRecord<String, String>> parked = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dlt.poll(Duration.ofMillis(200)).forEach(parked::add);
                return parked.stream().anyMatch(r -> poisonId.equals(header(r, CloudEvents.ID))
                        && "member-service-directory".equals(header(r, "kafka_dlt-original-consumer-group")));
            });
        }
    }

    private List<String> listed(Orgs orgs) {
        List<String> ids = new ArrayList<>();
        get("/api/v1/members?orgId=" + orgs.branchA(), staff(orgs)).json().path("items")
                .forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
