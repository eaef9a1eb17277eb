package party.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import party.platform.events.CloudEvents;
import party.platform.events.EventsConfiguration;
import party.platform.events.TraceContext;
import party.standalone.DemoDirectory;
import party.standalone.RunningStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The convergence bar of assessment-service (issue 6): a burst of events from the other services
 * (meetings held, members registered, dues billed and paid, training credits), published straight
 * onto Kafka with the CloudEvents headers of the services' relays for the demo branches, then the
 * branch period views polled through the gateway until every automatic figure matches what was
 * sent (time from the last send); then the same records again (same {@code ce_id}), and once
 * assessment-service's consumer groups have no lag, the views must be unchanged. Run:
 * {@code java -jar bench/target/bench.jar --scenario=assessment [--events=10000]}.
 */
final class AssessmentBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TOPICS = List.of("party.organization", "party.member", "party.training");
    private static final String GROUP_PREFIX = "assessment-service";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Duration CONVERGENCE_LIMIT = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record AssessmentReport(int events, int branches, int membersPerBranch, String period, Map<String, Long> byType,
                            Duration send, Duration convergence, boolean converged, int polls, Duration replaySend,
                            Duration replayDrained, boolean replayUnchanged, Path file) {

        AssessmentReport writtenTo(Path written) {
            return new AssessmentReport(events, branches, membersPerBranch, period, byType, send, convergence, converged,
                    polls, replaySend, replayDrained, replayUnchanged, written);
        }

        String markdown() {
            StringBuilder types = new StringBuilder();
            byType.forEach((type, n) -> types.append("| ... `").append(type).append("` | ").append(n).append(" |\n"));
            return """
                    # Bench: assessment-service convergence (issue 6)

                    | measure | value |
                    |---|---|
                    | machine | %d cores, JDK %s |
                    | burst | %d events for %d demo branches (%d new members each), period %s |
                    %s| sent onto Kafka in | %d ms |
                    | every affected score current (all automatic figures as sent), after the last send | %s (bar ≤ 5 s) |
                    | polls of the branch period views | %d |
                    | replay: the same %d records again (same `ce_id`), sent in | %d ms |
                    | ... consumed (no lag in assessment-service's groups) after the last send | %d ms |
                    | ... views unchanged (automatic indicators and totals of every branch) | %s |

                    Events are published as the services' relays publish them (binary-mode CloudEvents headers
                    `ce_specversion`, `ce_id`, `ce_type`, `ce_source`, `ce_subject`, `ce_time`, `content-type`,
                    `traceparent`; keyed by aggregate id), with the platform's producer settings. The figures
                    checked per branch: held theme Party days (L1), roster size and average hours (E1), bills
                    and bills paid (O4), each the view's value before the burst plus what was sent. Views are
                    read through the gateway with the admin's token. Stack: standalone in the bench JVM, fresh
                    data folder, free ports.
                    """.formatted(Runtime.getRuntime().availableProcessors(), Runtime.version(), events, branches,
                    membersPerBranch, period, types, send.toMillis(),
                    converged ? convergence.toMillis() + " ms" : "NOT REACHED in " + convergence.toMillis() + " ms",
                    polls, events, replaySend.toMillis(), replayDrained.toMillis(), replayUnchanged ? "yes" : "NO");
        }
    }

    static AssessmentReport run(int events, Path reportDir) throws Exception {
        try (RunningStack stack = TrainingBench.start("party-assessment-bench")) {
            return runOn(stack, events, reportDir);
        }
    }

    static AssessmentReport runOn(RunningStack stack, int events, Path reportDir) throws Exception {
        AssessmentReport report = new AssessmentBench().measure(stack, events);
        Files.createDirectories(reportDir);
        Path file = reportDir.resolve("assessment-" + Instant.now().toString().replace(':', '-') + ".md");
        Files.writeString(file, report.markdown());
        return report.writtenTo(file);
    }

    /** What one branch should show after the burst, on top of what it showed before. */
    private static final class Expected {
        long meetings;
        long members;
        long hundredths;
        final Set<String> billed = new HashSet<>();
        final Set<String> paid = new HashSet<>();
    }

    private record Figures(long themeDaysHeld, long members, String averageHours, long bills, long billsPaid) {
    }

    private AssessmentReport measure(RunningStack stack, int total) throws Exception {
        String token = stack.token("admin");
        String gateway = stack.gatewayUrl();
        List<String> branches = stack.demo().ids(List.of(DemoDirectory.BRANCH_1, DemoDirectory.BRANCH_2,
                DemoDirectory.BRANCH_3));
        // The last month that is over: its bills are due, its cycles ended.
        YearMonth month = YearMonth.now(ZONE).minusMonths(1);
        String period = month.toString();
        int membersPerBranch = Math.clamp(total / 250, 2, 40);
        if (total < 2 * membersPerBranch * branches.size() + 3 * branches.size()) {
            throw new IllegalArgumentException("at least " + (2 * membersPerBranch * branches.size() + 3 * branches.size())
                    + " events");
        }

        Map<String, Figures> before = new LinkedHashMap<>();
        for (String branch : branches) {
            before.put(branch, figures(view(gateway, token, branch, period)));
        }

        // The burst: per branch its new members registered and billed for the month, then meetings
        // held, training credits and dues payments round-robin over branches and members.
        Map<String, List<String>> members = new HashMap<>();
        Map<String, Expected> expected = new HashMap<>();
        List<ProducerRecord<String, String>> burst = new ArrayList<>(total);
        for (String branch : branches) {
            Expected e = new Expected();
            expected.put(branch, e);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < membersPerBranch; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                burst.add(registered(id, branch));
                burst.add(billed(id, branch, month, "30.00"));
                e.billed.add(id);
            }
            e.members = ids.size();
            members.put(branch, ids);
        }
        Map<String, Integer> turns = new HashMap<>();
        for (int i = 0; burst.size() < total; i++) {
            String branch = branches.get((i / 3) % branches.size());
            Expected e = expected.get(branch);
            List<String> ids = members.get(branch);
            String member = ids.get(turns.merge(branch + i % 3, 1, Integer::sum) % ids.size());
            switch (i % 3) {
                case 0 -> {
                    burst.add(held(branch, month));
                    e.meetings++;
                }
                case 1 -> {
                    burst.add(credit(member, branch, month.getYear(), "0.5"));
                    e.hundredths += 50;
                }
                default -> {
                    burst.add(paid(member, branch, month));
                    e.paid.add(member);
                }
            }
        }
        Map<String, Long> byType = new LinkedHashMap<>();
        burst.forEach(r -> byType.merge(header(r, CloudEvents.TYPE), 1L, Long::sum));
        Map<String, Figures> target = new LinkedHashMap<>();
        for (String branch : branches) {
            Figures b = before.get(branch);
            Expected e = expected.get(branch);
            long members0 = b.members();
            long hundredths0 = new BigDecimal(b.averageHours()).multiply(BigDecimal.valueOf(100 * members0)).longValue();
            long allMembers = members0 + e.members;
            String average = BigDecimal.valueOf(hundredths0 + e.hundredths)
                    .divide(BigDecimal.valueOf(100L * allMembers), 2, RoundingMode.HALF_UP).toPlainString();
            target.put(branch, new Figures(b.themeDaysHeld() + e.meetings, allMembers, average, b.bills() + e.billed.size(),
                    b.billsPaid() + e.paid.size()));
        }

        try (KafkaProducer<String, String> producer = producer(stack)) {
            long start = System.nanoTime();
            publish(producer, burst);
            long sent = System.nanoTime();
            int polls = 0;
            boolean converged = false;
            Map<String, JsonNode> views = new LinkedHashMap<>();
            while (System.nanoTime() - sent < CONVERGENCE_LIMIT.toNanos()) {
                polls++;
                boolean all = true;
                for (String branch : branches) {
                    JsonNode view = view(gateway, token, branch, period);
                    views.put(branch, view);
                    if (!figures(view).equals(target.get(branch))) {
                        all = false;
                        break;
                    }
                }
                if (all) {
                    converged = true;
                    break;
                }
                Thread.sleep(50);
            }
            Duration convergence = Duration.ofNanos(System.nanoTime() - sent);
            Duration sending = Duration.ofNanos(sent - start);
            System.out.printf("burst of %d events: sent in %d ms, %s %d ms after the last send%n", total,
                    sending.toMillis(), converged ? "converged" : "NOT converged", convergence.toMillis());
            if (!converged) {
                branches.forEach(b -> System.out.println(b + ": expected " + target.get(b) + ", found "
                        + (views.containsKey(b) ? figures(views.get(b)) : "-")));
            }
            awaitNoLag(stack, CONVERGENCE_LIMIT);
            Map<String, JsonNode> settled = new LinkedHashMap<>();
            for (String branch : branches) {
                settled.put(branch, automatic(view(gateway, token, branch, period)));
            }

            // Replay: the very same records, same ce_id, same keys.
            long replayStart = System.nanoTime();
            publish(producer, burst);
            long replaySent = System.nanoTime();
            awaitNoLag(stack, CONVERGENCE_LIMIT);
            Duration drained = Duration.ofNanos(System.nanoTime() - replaySent);
            boolean unchanged = true;
            for (String branch : branches) {
                JsonNode again = automatic(view(gateway, token, branch, period));
                if (!again.equals(settled.get(branch))) {
                    unchanged = false;
                    System.out.println("replay changed " + branch + ": " + settled.get(branch) + " -> " + again);
                }
            }
            System.out.printf("replay of %d events: consumed %d ms after the last send, views %s%n", total,
                    drained.toMillis(), unchanged ? "unchanged" : "CHANGED");
            return new AssessmentReport(total, branches.size(), membersPerBranch, period, byType, sending, convergence,
                    converged, polls, Duration.ofNanos(replaySent - replayStart), drained, unchanged, null);
        }
    }

    // ---------------------------------------------------------------- the views

    private JsonNode view(String gateway, String token, String branch, String period) throws IOException, InterruptedException {
        String path = "/api/v1/assessments/branches/" + branch + "/periods/" + period;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static Figures figures(JsonNode view) {
        JsonNode orgLife = line(view, "L1").path("figures");
        long themeDays = 0;
        for (JsonNode type : orgLife.path("types")) {
            if (type.path("meetingType").asString().equals("THEME_PARTY_DAY")) {
                themeDays = type.path("held").asLong();
            }
        }
        JsonNode training = line(view, "E1").path("figures");
        JsonNode dues = line(view, "O4").path("figures");
        String average = new BigDecimal(training.path("averageHours").asString("0")).setScale(2, RoundingMode.HALF_UP)
                .toPlainString();
        return new Figures(themeDays, training.path("members").asLong(), average, dues.path("bills").asLong(),
                dues.path("billsPaid").asLong());
    }

    /** The automatic indicators and the totals: what events can change. */
    private static JsonNode automatic(JsonNode view) {
        var node = JSON.createObjectNode();
        var lines = node.putArray("automatic");
        view.path("indicators").forEach(l -> {
            if (l.path("source").asString().equals("AUTOMATIC")) {
                lines.add(l);
            }
        });
        node.set("totals", view.path("totals"));
        return node;
    }

    private static JsonNode line(JsonNode view, String code) {
        for (JsonNode line : view.path("indicators")) {
            if (line.path("code").asString().equals(code)) {
                return line;
            }
        }
        throw new IllegalStateException("no indicator " + code + " in the view");
    }

    // ---------------------------------------------------------------- Kafka

    private static KafkaProducer<String, String> producer(RunningStack stack) {
        Map<String, Object> config = EventsConfiguration.producerConfig(List.of(stack.kafkaBootstrapServers()));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(config);
    }

    private static void publish(KafkaProducer<String, String> producer, List<ProducerRecord<String, String>> records)
            throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (ProducerRecord<String, String> r : records) {
            // A fresh record of the same topic, key, value and headers: a producer may not resend one.
            ProducerRecord<String, String> copy = new ProducerRecord<>(r.topic(), r.key(), r.value());
            r.headers().forEach(h -> copy.headers().add(new RecordHeader(h.key(), h.value())));
            sent.add(producer.send(copy));
        }
        producer.flush();
        for (Future<RecordMetadata> f : sent) {
            f.get(30, TimeUnit.SECONDS);
        }
    }

    /** Waits until every assessment-service consumer group has committed up to the end of the topics it reads. */
    private static void awaitNoLag(RunningStack stack, Duration limit) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                long lag = 0;
                List<String> groups = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                        .map(ConsumerGroupListing::groupId).filter(g -> g.startsWith(GROUP_PREFIX)).toList();
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
                for (String group : groups) {
                    Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                    committed.put(group, offsets);
                    offsets.keySet().stream().filter(tp -> TOPICS.contains(tp.topic()))
                            .forEach(tp -> ends.put(tp, OffsetSpec.latest()));
                }
                var latest = admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS);
                for (var offsets : committed.values()) {
                    for (var e : offsets.entrySet()) {
                        if (latest.containsKey(e.getKey()) && e.getValue() != null) {
                            lag += Math.max(0, latest.get(e.getKey()).offset() - e.getValue().offset());
                        }
                    }
                }
                if (lag == 0 && !groups.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("assessment-service still lags by " + lag + " records");
                }
                Thread.sleep(100);
            }
        }
    }

    // ---------------------------------------------------------------- the events

    private static ProducerRecord<String, String> event(String topic, String type, String source, String key,
                                                        Map<String, Object> body) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, JSON.writeValueAsString(body));
        header(record, CloudEvents.SPEC_VERSION, "1.0");
        header(record, CloudEvents.ID, UUID.randomUUID().toString());
        header(record, CloudEvents.TYPE, type);
        header(record, CloudEvents.SOURCE, source);
        header(record, CloudEvents.SUBJECT, key);
        header(record, CloudEvents.TIME, DateTimeFormatter.ISO_INSTANT.format(Instant.now()));
        header(record, CloudEvents.CONTENT_TYPE, "application/json");
        header(record, TraceContext.HEADER, TraceContext.generate());
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ProducerRecord<String, String> registered(String memberId, String branch) {
        return event("party.member", "party.member.registered.v1", "/member-service", memberId, body("memberId", memberId,
                "orgId", branch, "status", "FULL", "registeredAt", "2023-01-10T02:00:00.000Z", "version", 0));
    }

    private static ProducerRecord<String, String> held(String branch, YearMonth month) {
        String id = UUID.randomUUID().toString();
        return event("party.organization", "party.organization.meeting-held.v1", "/organization-service", id,
                body("meetingId", id, "orgId", branch, "branchId", branch, "meetingType", "THEME_PARTY_DAY",
                        "heldAt", month.atDay(10) + "T04:00:00Z", "presentMemberIds", List.of(UUID.randomUUID().toString()),
                        "absentMemberIds", List.of(), "expectedCount", 1, "version", 1));
    }

    private static ProducerRecord<String, String> credit(String memberId, String branch, int year, String hours) {
        String entry = UUID.randomUUID().toString();
        return event("party.training", "party.training.credit-recorded.v1", "/training-service", entry,
                body("entryId", entry, "memberId", memberId, "orgId", branch, "year", year, "hours", hours,
                        "source", "SESSION", "totalHours", "0", "targetHours", "32", "version", 0));
    }

    private static ProducerRecord<String, String> billed(String memberId, String branch, YearMonth month, String amount) {
        String bill = memberId + "|" + month;
        return event("party.member", "party.member.dues-billed.v1", "/member-service", bill, body("billId", bill,
                "memberId", memberId, "orgId", branch, "month", month.toString(), "amount", amount, "version", 0));
    }

    private static ProducerRecord<String, String> paid(String memberId, String branch, YearMonth month) {
        String payment = UUID.randomUUID().toString();
        return event("party.member", "party.member.dues-paid.v1", "/member-service", payment, body("paymentId", payment,
                "memberId", memberId, "payerMemberId", memberId, "orgId", branch, "months", List.of(month.toString()),
                "amount", "30.00", "paidOn", month.atEndOfMonth().toString(), "version", 0));
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }
}
