package party.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import party.standalone.DemoDirectory;
import party.standalone.RunningStack;
import party.standalone.Standalone;
import party.standalone.StandaloneOptions;
import party.standalone.demo.NationalIds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The member registry at enterprise size: a tree of about 50,000 organizations (as in
 * {@link TreeBench}), then members registered through the gateway (single calls for a while, then
 * batches of 500 up to the target, 1,000,000 by default), then p50/p99 of a branch's paged list
 * and of a lookup by national ID number, the statistics of the whole tree, and a roster import of
 * 100,000 rows. Run: {@code java -Xmx3g -jar bench/target/bench.jar --scenario=registry
 * [--members=1000000] [--committees=50] [--import-rows=100000]}.
 */
final class RegistryBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int BATCH = 500;
    private static final int SINGLE_CALLS = 2_000;
    /** National ID area codes: one for the generated registry, one for the imported roster. */
    private static final String REGISTRY_AREA = "230103";
    private static final String ROSTER_AREA = "230104";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Latency(double p50, double p99, int calls) {
        static Latency of(List<Long> nanos) {
            return new Latency(Bench.percentileOf(nanos, 50), Bench.percentileOf(nanos, 99), nanos.size());
        }

        String text() {
            return "%.1f ms / %.1f ms (%d calls)".formatted(p50, p99, calls);
        }
    }

    record RegistryReport(int organizations, int branches, int members, double singlePerSecond, Latency single,
                          double batchPerSecond, Latency batch, int failures, Latency list, Latency lookup,
                          Latency statistics, long statisticsTotal, int importRows, Duration importTime,
                          Duration drained, Path file) {

        RegistryReport writtenTo(Path written) {
            return new RegistryReport(organizations, branches, members, singlePerSecond, single, batchPerSecond, batch,
                    failures, list, lookup, statistics, statisticsTotal, importRows, importTime, drained, written);
        }

        String markdown() {
            return """
                    # Bench: the member registry

                    | measure | value |
                    |---|---|
                    | machine | %d cores, JDK %s |
                    | organizations / branches | %d / %d |
                    | members registered through the gateway | %d |
                    | single registrations (`POST /api/v1/members`, 16 in flight): throughput | %.0f /s |
                    | ... latency p50 / p99 | %s |
                    | batch registrations (`POST /api/v1/members/batch`, 500 per call, 4 in flight): throughput | %.0f members/s (target ≥ 1,000/s) |
                    | ... latency per batch p50 / p99 | %s |
                    | failed calls | %d |
                    | every consumer of `party.member` caught up, after the last registration | %d s |
                    | paged list of a branch (20 per page), p50 / p99 | %s (target p99 < 20 ms) |
                    | lookup by national ID number, p50 / p99 | %s (target p99 < 20 ms) |
                    | statistics of the whole tree (%d members counted), p50 / p99 | %s (target < 2 s) |
                    | roster import of %d rows (one sheet, one call) | %d ms (target < 60 s) |

                    Calls go through the gateway with a real token; latencies include the gateway and the
                    token check. Stack: standalone in the bench JVM, fresh data folder, free ports.
                    """.formatted(Runtime.getRuntime().availableProcessors(), Runtime.version(), organizations, branches,
                    members, singlePerSecond, single.text(), batchPerSecond, batch.text(), failures, drained.toSeconds(), list.text(),
                    lookup.text(), statisticsTotal, statistics.text(), importRows, importTime.toMillis());
        }
    }

    static RegistryReport run(int committees, int members, int importRows, Path reportDir) throws Exception {
        Path data = BenchData.freshFolder("party-registry-bench");
        System.setProperty("GATEWAY_RATE_LIMIT_RPS", String.valueOf(Bench.RATE_LIMIT));
        System.setProperty("GATEWAY_RATE_LIMIT_BURST", String.valueOf(Bench.RATE_LIMIT));
        // One sheet of 100,000 rows is one long call; the gateway's default 10 s would cut it.
        System.setProperty("GATEWAY_RESPONSE_TIMEOUT", "300s");
        // A million members: a page cache that holds the indexes (the stack's default is 32 MB).
        System.setProperty(party.platform.mongo.EmbeddedMongo.CACHE_PROPERTY,
                System.getProperty(party.platform.mongo.EmbeddedMongo.CACHE_PROPERTY, "256"));
        try (RunningStack stack = Standalone.start(StandaloneOptions.defaults().withDataDir(data).withFreePorts())) {
            RegistryReport report = new RegistryBench().measure(stack, committees, members, importRows);
            Files.createDirectories(reportDir);
            Path file = reportDir.resolve("registry-" + Instant.now().toString().replace(':', '-') + ".md");
            Files.writeString(file, report.markdown());
            return report.writtenTo(file);
        }
    }

    private RegistryReport measure(RunningStack stack, int committees, int members, int importRows) throws Exception {
        String token = stack.token("admin");
        String gateway = stack.gatewayUrl();
        String root = stack.demo().require(DemoDirectory.COMMITTEE);
        String rootCode = get(gateway, token, "/api/v1/organizations/" + root).get("code").asString();
        String run = UUID.randomUUID().toString().substring(0, 4);

        int organizations = new TreeBench().importTree(gateway, token, rootCode, run, committees) + 1;
        List<String> branches = branches(stack, run, committees * 200);
        System.out.printf("%d branches known to member-service%n", branches.size());

        AtomicInteger failures = new AtomicInteger();
        // Single registrations: the path a secretary's phone takes.
        AtomicInteger next = new AtomicInteger();
        int perBranch = Math.max(1, members / branches.size());
        List<Long> single = Collections.synchronizedList(new ArrayList<>());
        int singleCalls = Math.min(SINGLE_CALLS, members / 2);
        long begin = System.nanoTime();
        parallel(16, singleCalls, i -> {
            int n = next.getAndIncrement();
            long t0 = System.nanoTime();
            HttpResponse<String> response = post(gateway, token, "/api/v1/members", registration(n, branches, perBranch));
            single.add(System.nanoTime() - t0);
            if (response.statusCode() != 201) {
                failures.incrementAndGet();
            }
        });
        double singlePerSecond = singleCalls / ((System.nanoTime() - begin) / 1e9);
        System.out.printf("single registrations: %.0f/s%n", singlePerSecond);

        // Batches up to the target: an HR system or a migration registering the enterprise.
        int batches = Math.max(0, (members - singleCalls) / BATCH);
        List<Long> batch = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        begin = System.nanoTime();
        long started = begin;
        parallel(4, batches, i -> {
            List<Map<String, Object>> items = new ArrayList<>(BATCH);
            for (int k = 0; k < BATCH; k++) {
                items.add(registration(next.getAndIncrement(), branches, perBranch));
            }
            long t0 = System.nanoTime();
            HttpResponse<String> response = post(gateway, token, "/api/v1/members/batch", Map.of("members", items));
            batch.add(System.nanoTime() - t0);
            if (response.statusCode() != 201) {
                failures.incrementAndGet();
                System.out.println("batch failed: " + response.statusCode() + " " + response.body());
            }
            int d = done.incrementAndGet();
            if (d % 200 == 0) {
                System.out.printf("%d members registered, %.0f/s%n", singleCalls + d * BATCH,
                        d * BATCH / ((System.nanoTime() - started) / 1e9));
            }
        });
        double batchPerSecond = batches * BATCH / ((System.nanoTime() - begin) / 1e9);
        int registered = next.get();
        // Every consumer of party.member (counts, directory, rosters, metrics) catches up before the
        // reads are timed, so they measure the registry, not a backlog.
        long drainStart = System.nanoTime();
        awaitConsumed(stack.kafkaBootstrapServers(), "party.member", Duration.ofMinutes(20));
        Duration drained = Duration.ofNanos(System.nanoTime() - drainStart);
        System.out.printf("consumers of party.member caught up %d s after the last registration%n", drained.toSeconds());

        List<Long> list = new ArrayList<>();
        List<Long> lookup = new ArrayList<>();
        for (int i = 0; i < 520; i++) {
            String branch = branches.get(ThreadLocalRandom.current().nextInt(branches.size()));
            long t0 = System.nanoTime();
            get(gateway, token, "/api/v1/members?orgId=" + branch + "&size=20");
            if (i >= 20) {
                list.add(System.nanoTime() - t0);
            }
            String nationalId = nationalId(REGISTRY_AREA, ThreadLocalRandom.current().nextInt(registered));
            t0 = System.nanoTime();
            get(gateway, token, "/api/v1/members/by-national-id?value=" + nationalId);
            if (i >= 20) {
                lookup.add(System.nanoTime() - t0);
            }
        }

        List<Long> statistics = new ArrayList<>();
        long counted = 0;
        for (int i = 0; i < 6; i++) {
            long t0 = System.nanoTime();
            JsonNode stats = get(gateway, token, "/api/v1/members/statistics?orgId=" + root);
            if (i > 0) {
                statistics.add(System.nanoTime() - t0);
            }
            counted = stats.path("subtree").path("total").asLong();
        }

        Duration importTime = Duration.ZERO;
        if (importRows > 0) {
            byte[] sheet = roster(importRows, branches);
            long t0 = System.nanoTime();
            HttpResponse<String> imported = upload(gateway, token, "/api/v1/members/import", sheet);
            importTime = Duration.ofNanos(System.nanoTime() - t0);
            if (imported.statusCode() != 201) {
                failures.incrementAndGet();
                System.out.println("import failed: " + imported.statusCode() + " "
                        + imported.body().substring(0, Math.min(2000, imported.body().length())));
            }
        }
        return new RegistryReport(organizations, branches.size(), registered, singlePerSecond, Latency.of(single),
                batchPerSecond, Latency.of(batch), failures.get(), Latency.of(list), Latency.of(lookup),
                Latency.of(statistics), counted, importRows, importTime, drained, null);
    }

    /**
     * Waits until every consumer group with offsets on {@code topic} has committed up to its end,
     * and prints when each group got there (seconds after the call), so the last one is named.
     */
    static void awaitConsumed(String brokers, String topic, Duration timeout) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            long start = System.nanoTime();
            long deadline = start + timeout.toNanos();
            Map<String, Long> current = new java.util.TreeMap<>(); // group -> seconds until it had no lag
            while (true) {
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                long lag = 0;
                for (var group : admin.listConsumerGroups().all().get()) {
                    var committed = admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                    if (committed.keySet().stream().noneMatch(tp -> tp.topic().equals(topic))) {
                        continue;
                    }
                    long groupLag = 0;
                    for (var end : ends.entrySet()) {
                        var at = committed.get(end.getKey());
                        groupLag += end.getValue().offset() - (at == null ? 0 : at.offset());
                    }
                    if (groupLag == 0) {
                        current.putIfAbsent(group.groupId(), (System.nanoTime() - start) / 1_000_000_000L);
                    } else {
                        current.remove(group.groupId());
                    }
                    lag += groupLag;
                }
                if (lag == 0) {
                    System.out.println("consumers of " + topic + " current after (s): " + current);
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(lag + " records of " + topic + " still unconsumed after " + timeout);
                }
                Thread.sleep(1_000);
            }
        }
    }

    /** Member {@code n}: branch by blocks of {@code perBranch}, so a batch touches few branches, as an HR feed would. */
    private static Map<String, Object> registration(int n, List<String> branches, int perBranch) {
        LocalDate birth = birthDate(n);
        return Map.of("name", "党员" + n, "gender", n % 3 == 0 ? "FEMALE" : "MALE", "birthDate", birth.toString(),
                "nationalId", nationalId(REGISTRY_AREA, n), "phone", String.format("139%08d", n),
                "orgId", branches.get((n / perBranch) % branches.size()), "status", n % 10 == 0 ? "PROBATIONARY" : "FULL",
                "joinedAt", birth.plusYears(25).toString());
    }

    private static LocalDate birthDate(int n) {
        return LocalDate.of(1950, 1, 1).plusDays(n / 900 % 18_000);
    }

    private static String nationalId(String area, int n) {
        return NationalIds.of(area, birthDate(n), 100 + n % 900);
    }

    /** Branch ids of this run's tree, once member-service's projection holds them all. */
    private static List<String> branches(RunningStack stack, String run, int expected) throws InterruptedException {
        try (MongoClient client = MongoClients.create(stack.mongoUri("organization"))) {
            List<String> ids = new ArrayList<>();
            client.getDatabase("organization").getCollection("organizations")
                    .find(Filters.and(Filters.eq("type", "BRANCH"), Filters.regex("code", "^T" + run + "-")))
                    .projection(new org.bson.Document("_id", 1)).forEach(d -> ids.add(d.get("_id").toString()));
            if (ids.size() != expected) {
                throw new IllegalStateException("expected " + expected + " branches, found " + ids.size());
            }
            Collections.sort(ids);
            try (MongoClient member = MongoClients.create(stack.mongoUri("member"))) {
                var tree = member.getDatabase("member").getCollection("org_tree");
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (tree.countDocuments(Filters.in("_id", ids)) < ids.size()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("member-service's projection lacks branches after 5 minutes");
                    }
                    Thread.sleep(500);
                }
            }
            return ids;
        }
    }

    /** A roster sheet of new members spread over the branches, in the columns the import reads. */
    private static byte[] roster(int rows, List<String> branches) throws IOException {
        List<String> columns = List.of("姓名", "性别", "民族", "出生日期", "公民身份号码", "手机号码", "学历",
                "所在党组织ID", "人员类别", "入党日期", "转正日期");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(1_000); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("党员花名册");
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c));
            }
            for (int r = 0; r < rows; r++) {
                LocalDate birth = birthDate(r);
                List<String> cells = List.of("花名册党员" + r, r % 2 == 0 ? "男" : "女", "汉族", birth.toString(),
                        nationalId(ROSTER_AREA, r), String.format("137%08d", r), "大学本科", branches.get(r % branches.size()),
                        "正式党员", birth.plusYears(25).toString(), birth.plusYears(26).toString());
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(cells.get(c));
                }
            }
            workbook.write(out);
            workbook.close();
            return out.toByteArray();
        }
    }

    interface Task {
        void run(int i) throws Exception;
    }

    static void parallel(int threads, int count, Task task) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                running.add(pool.submit(() -> {
                    task.run(index);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        }
    }

    private HttpResponse<String> post(String gateway, String token, String path, Object body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String gateway, String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> upload(String gateway, String token, String path, byte[] xlsx)
            throws IOException, InterruptedException {
        String boundary = "----bench" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.xlsx\"\r\n"
                + "Content-Type: " + XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(xlsx);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
