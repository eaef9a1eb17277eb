package party.member.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.util.ReflectionTestUtils;
import party.member.MemberServiceApplication;
import party.member.member.Member;
import party.platform.events.CloudEvents;
import party.platform.events.IncomingEvent;
import party.platform.events.Inbox;
import party.platform.events.OutboxRelay;
import party.platform.test.TestJwt;
import party.platform.test.TestMongo;

/**
 * Two replicas of member-service (two application contexts) on one database and one broker, as
 * Kubernetes runs them: a scheduled job runs on one of them only, and events that a crash left in
 * aggregate documents, which both replicas' outbox sweeps go after at start, reach a consumer
 * exactly once after its inbox dedupe (delivery itself is at least once).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final String DATABASE = "member-two-" + UUID.randomUUID();
    private static final int DOCUMENTS = 20;
    private static final int EVENTS_PER_DOCUMENT = 2;
    private static final Set<String> LEFT_BEHIND = new HashSet<>();
    private static final List<String> BROKER_PROPERTIES = List.of("spring.embedded.kafka.brokers", "spring.kafka.bootstrap-servers");

    private static EmbeddedKafkaKraftBroker broker;
    private static MongoClient client;
    private static MongoTemplate mongo;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() throws Exception {
        // The broker publishes its address in system properties that the shared IntegrationTest
        // context of this JVM reads its own broker from; this broker dies first, so put them back.
        Map<String, String> before = new HashMap<>();
        for (String property : BROKER_PROPERTIES) {
            before.put(property, System.getProperty(property));
        }
        broker = new EmbeddedKafkaKraftBroker(1, 3, "party.member", "party.organization");
        broker.afterPropertiesSet();
        before.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
        client = MongoClients.create(TestMongo.uri(DATABASE));
        mongo = new MongoTemplate(client, DATABASE);
        leaveEventsBehind();
        // Both replicas start together, as after a rollout or a node loss, so their start-up sweeps race.
        CompletableFuture<ConfigurableApplicationContext> a = CompletableFuture.supplyAsync(TwoInstancesIT::replica);
        CompletableFuture<ConfigurableApplicationContext> b = CompletableFuture.supplyAsync(TwoInstancesIT::replica);
        first = a.get();
        second = b.get();
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {first, second}) {
            if (context != null) {
                context.close();
            }
        }
        if (client != null) {
            client.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    /** Member documents whose events were written but never published, as a crash leaves them. */
    private static void leaveEventsBehind() {
        Date longAgo = Date.from(Instant.now().minusSeconds(60));
        for (int d = 0; d < DOCUMENTS; d++) {
            String id = "two-" + d + "-" + UUID.randomUUID();
            List<Document> events = new ArrayList<>();
            for (int e = 0; e < EVENTS_PER_DOCUMENT; e++) {
                String eventId = UUID.randomUUID().toString();
                LEFT_BEHIND.add(eventId);
                events.add(new Document("eventId", eventId).append("type", "party.member.two-instances-probe.v1")
                        .append("subject", id).append("time", longAgo)
                        .append("data", "{\"id\":\"" + id + "\",\"n\":" + e + "}")
                        .append("traceparent", "00-" + "0".repeat(31) + "1-" + "0".repeat(15) + "1-01"));
            }
            // A distinct blind index, as every member has one (the collection's unique index).
            mongo.insert(new Document("_id", id).append("version", 0L).append("nationalIdIndex", "probe-" + id)
                    .append("pendingEvents", events), Member.COLLECTION);
        }
    }

    private static ConfigurableApplicationContext replica() {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.mongodb.uri=" + TestMongo.uri(DATABASE),
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--party.events.sweep-interval=200ms",
                "--party.events.sweep-grace=200ms"));
        Map<String, Object> jwt = new HashMap<>();
        TestJwt.get().register((name, value) -> jwt.put(name, value.get()));
        jwt.forEach((name, value) -> args.add("--" + name + "=" + value));
        return MemberServiceApplication.builder().run(args.toArray(String[]::new));
    }

    /** The probe documents are no members: out of the registry before a job reads it. */
    private static void removeProbeDocuments() {
        OutboxRelay relay = first.getBean(OutboxRelay.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> relay.backlog() == 0);
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("nationalIdIndex").regex("^probe-")), Member.COLLECTION);
    }

    @Test
    @Order(2)
    void aScheduledJobFiredOnBothReplicasRunsOnOne() throws Exception {
        removeProbeDocuments();
        Object jobOnFirst = first.getBean("lapseFlagJob");
        Object jobOnSecond = second.getBean("lapseFlagJob");
        assertThat(jobOnFirst).isNotSameAs(jobOnSecond);
        CountDownLatch fire = new CountDownLatch(1);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> fireAt(fire, jobOnFirst));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> fireAt(fire, jobOnSecond));
        fire.countDown();
        a.get();
        b.get();
        // The scheduler of the slower replica fires again a moment later in the same period.
        ReflectionTestUtils.invokeMethod(jobOnSecond, "monthly");
        ReflectionTestUtils.invokeMethod(jobOnFirst, "monthly");

        Document lease = mongo.findById("member-service.lapse-flags", Document.class, "job_leases");
        assertThat(lease).as("the job's lease").isNotNull();
        assertThat(lease.getInteger("runs")).as("runs of the monthly job over both replicas").isEqualTo(1);
    }

    private static void fireAt(CountDownLatch fire, Object job) {
        try {
            fire.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ReflectionTestUtils.invokeMethod(job, "monthly");
    }

    @Test
    @Order(1)
    void eventsLeftBehindReachAConsumerExactlyOnceAfterItsInbox() {
        OutboxRelay relay = first.getBean(OutboxRelay.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> relay.backlog() == 0);

        List<ConsumerRecord<String, String>> records = readUntilAllSeen();
        Inbox inbox = second.getBean(Inbox.class);
        AtomicInteger effects = new AtomicInteger();
        Set<String> handled = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            IncomingEvent event = IncomingEvent.from(record);
            if (inbox.handle("two-instances-probe", event, effects::incrementAndGet)) {
                handled.add(event.id());
            }
        }
        assertThat(records.size()).as("records delivered (at least once)").isGreaterThanOrEqualTo(LEFT_BEHIND.size());
        assertThat(effects.get()).as("effects after the inbox").isEqualTo(LEFT_BEHIND.size());
        assertThat(handled).isEqualTo(LEFT_BEHIND);
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").regex("^two-instances-probe\\|")), "inbox"))
                .isEqualTo(LEFT_BEHIND.size());
        removeProbeDocuments();
    }

    /** Every record of the probe type on party.member, read until each left-behind event was seen. */
    private static List<ConsumerRecord<String, String>> readUntilAllSeen() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "two-instances-probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("party.member"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // Read a little past the last new id, so duplicates published right after it are counted too.
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    var type = record.headers().lastHeader(CloudEvents.TYPE);
                    if (type != null && new String(type.value(), StandardCharsets.UTF_8).equals("party.member.two-instances-probe.v1")) {
                        records.add(record);
                        seen.add(new String(record.headers().lastHeader(CloudEvents.ID).value(), StandardCharsets.UTF_8));
                    }
                }
                if (quietUntil == Long.MAX_VALUE && seen.containsAll(LEFT_BEHIND)) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                }
            }
        }
        assertThat(seen).as("event ids published").containsAll(LEFT_BEHIND);
        return records;
    }
}
