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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import party.standalone.DemoDirectory;
import party.standalone.RunningStack;
import party.standalone.Standalone;
import party.standalone.StandaloneOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organization tree at the size of a large enterprise: imports a tree of about 50,000
 * organizations through the gateway (sheets of the national system), then measures children,
 * path and member counts of a subtree (p50/p99 through the gateway), and how long a move of a
 * subtree of about 1,000 organizations takes until every service's projection follows.
 * Run: {@code java -jar bench/target/bench.jar --scenario=tree [--committees=50]}.
 */
final class TreeBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> PROJECTIONS = List.of("member", "assessment", "training");
    private static final int GENERAL_BRANCHES = 10;
    private static final int BRANCHES = 20;
    private static final int GROUPS = 4;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What one tree run measured; latencies in milliseconds. */
    record TreeReport(int organizations, Duration importTime, double childrenP50, double childrenP99, double pathP50,
                      double pathP99, double countsP50, double countsP99, int moved, Duration moveCall,
                      Duration moveEverywhere, Path file) {

        String markdown(int samples) {
            return """
                    # Bench: the organization tree

                    | measure | value |
                    |---|---|
                    | machine | %d cores, JDK %s |
                    | organizations in the tree | %d (imported through the gateway as sheets in %d s) |
                    | children of a general branch, p50 / p99 (%d calls) | %.1f ms / %.1f ms |
                    | path of a group to the root, p50 / p99 | %.1f ms / %.1f ms |
                    | member counts of a second-level committee's subtree (~1,000 organizations), p50 / p99 | %.1f ms / %.1f ms |
                    | move of a subtree of %d organizations: the call | %d ms |
                    | ... until member-, assessment- and training-service projections all follow | %d ms (target ≤ 5 s) |

                    Calls go through the gateway with a real token; latencies include the gateway and the
                    token check. Stack: standalone in the bench JVM, fresh data folder, free ports.
                    """.formatted(Runtime.getRuntime().availableProcessors(), Runtime.version(), organizations,
                    importTime.toSeconds(), samples, childrenP50, childrenP99, pathP50, pathP99, countsP50, countsP99,
                    moved, moveCall.toMillis(), moveEverywhere.toMillis());
        }
    }

    static TreeReport run(int committees, int samples, Path reportDir) throws Exception {
        Path data = BenchData.freshFolder("party-tree-bench");
        System.setProperty("GATEWAY_RATE_LIMIT_RPS", String.valueOf(Bench.RATE_LIMIT));
        System.setProperty("GATEWAY_RATE_LIMIT_BURST", String.valueOf(Bench.RATE_LIMIT));
        try (RunningStack stack = Standalone.start(StandaloneOptions.defaults().withDataDir(data).withFreePorts())) {
            TreeReport report = new TreeBench().measure(stack, committees, samples);
            Files.createDirectories(reportDir);
            Path file = reportDir.resolve("tree-" + Instant.now().toString().replace(':', '-') + ".md");
            Files.writeString(file, report.markdown(samples));
            return new TreeReport(report.organizations(), report.importTime(), report.childrenP50(), report.childrenP99(),
                    report.pathP50(), report.pathP99(), report.countsP50(), report.countsP99(), report.moved(),
                    report.moveCall(), report.moveEverywhere(), file);
        }
    }

    private TreeReport measure(RunningStack stack, int committees, int samples) throws Exception {
        String token = stack.token("admin");
        String gateway = stack.gatewayUrl();
        String root = stack.demo().require(DemoDirectory.COMMITTEE);
        String rootCode = get(gateway, token, "/api/v1/organizations/" + root).get("code").asString();
        String run = UUID.randomUUID().toString().substring(0, 4);

        long begin = System.nanoTime();
        int organizations = importTree(gateway, token, rootCode, run, committees);
        Duration importTime = Duration.ofNanos(System.nanoTime() - begin);

        String committee0 = id(gateway, token, code(run, 0));
        String general0 = id(gateway, token, code(run, 0) + "-3");
        String group0 = id(gateway, token, code(run, 0) + "-3-7-2");
        List<Long> children = new ArrayList<>();
        List<Long> path = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < samples + 20; i++) {
            boolean warm = i < 20;
            time(children, warm, () -> get(gateway, token, "/api/v1/organizations/" + general0 + "/children?size=50"));
            time(path, warm, () -> get(gateway, token, "/api/v1/organizations/" + group0 + "/path"));
            time(counts, warm, () -> get(gateway, token, "/api/v1/organizations/" + committee0));
        }

        // Move the first second-level committee (with its ~1,000 organizations) under the second.
        String committee1 = id(gateway, token, code(run, 1));
        String etag = send(gateway, token, HttpRequest.newBuilder(URI.create(gateway + "/api/v1/organizations/" + committee0)).GET())
                .headers().firstValue("ETag").orElseThrow();
        List<String> movedIds = subtreeIds(stack, committee0);
        int moved = movedIds.size();
        long moveStart = System.nanoTime();
        HttpResponse<String> move = send(gateway, token, HttpRequest.newBuilder(
                        URI.create(gateway + "/api/v1/organizations/" + committee0 + "/move"))
                .header("If-Match", etag).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"parentId\":\"" + committee1 + "\"}")));
        if (move.statusCode() != 200) {
            throw new IllegalStateException("move failed: " + move.statusCode() + " " + move.body());
        }
        Duration moveCall = Duration.ofNanos(System.nanoTime() - moveStart);
        awaitProjections(stack, movedIds, committee1, Duration.ofSeconds(120), moveStart);
        Duration moveEverywhere = Duration.ofNanos(System.nanoTime() - moveStart);

        return new TreeReport(organizations + 1, importTime, pct(children, 50), pct(children, 99), pct(path, 50),
                pct(path, 99), pct(counts, 50), pct(counts, 99), moved, moveCall, moveEverywhere, null);
    }


    /**
     * Imports {@code committees} second-level committees under the root, each with 10 general
     * branches of 20 branches with 4 Party groups (1,011 organizations), as sheets of about 2,000
     * rows; codes are {@code T<run>-<committee>-<general>-<branch>-<group>}.
     *
     * @return the number of organizations imported
     */
    int importTree(String gateway, String token, String rootCode, String run, int committees)
            throws IOException, InterruptedException {
        // Level by level, so every sheet's parents exist already or stand in the same sheet.
        List<List<String>> rows = new ArrayList<>();
        int organizations = 0;
        for (int c = 0; c < committees; c++) {
            String committee = code(run, c);
            rows.add(List.of("第" + (c + 1) + "二级党委", committee, "党委", rootCode, "2000-07-01"));
            for (int g = 0; g < GENERAL_BRANCHES; g++) {
                String general = committee + "-" + g;
                rows.add(List.of("党总支" + g, general, "党总支", committee, "2005-07-01"));
                for (int b = 0; b < BRANCHES; b++) {
                    String branch = general + "-" + b;
                    rows.add(List.of("党支部" + b, branch, "党支部", general, "2010-07-01"));
                    for (int p = 0; p < GROUPS; p++) {
                        rows.add(List.of("党小组" + p, branch + "-" + p, "党小组", branch, ""));
                    }
                }
            }
            if (rows.size() >= 2_000 || c == committees - 1) {
                long t0 = System.nanoTime();
                importSheet(gateway, token, rows);
                System.out.printf("imported %d rows in %d ms (%d organizations so far)%n", rows.size(),
                        (System.nanoTime() - t0) / 1_000_000, organizations + rows.size());
                organizations += rows.size();
                rows.clear();
            }
        }
        return organizations;
    }

    static String code(String run, int committee) {
        return "T" + run + "-" + committee;
    }

    /**
     * Waits until each projection holds every moved organization below the new parent. The probe
     * reads the moved ids by _id (an index even on the embedded server), so it does not itself
     * load the services it measures with collection scans.
     */
    private static void awaitProjections(RunningStack stack, List<String> movedIds, String newParent, Duration timeout,
                                         long startNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String database : PROJECTIONS) {
            try (MongoClient client = MongoClients.create(stack.mongoUri(database))) {
                var tree = client.getDatabase(database).getCollection("org_tree");
                while (true) {
                    long following = 0;
                    for (org.bson.Document node : tree.find(Filters.in("_id", movedIds))) {
                        if (node.getList("ancestors", String.class, List.of()).contains(newParent)) {
                            following++;
                        }
                    }
                    if (following == movedIds.size()) {
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(database + " projection did not follow the move within " + timeout);
                    }
                    Thread.sleep(50);
                }
                System.out.printf("%s projection followed the move after %d ms%n", database,
                        (System.nanoTime() - startNanos) / 1_000_000);
            }
        }
    }

    /** Ids of an organization and its descendants, read once from organization-service's database. */
    private static List<String> subtreeIds(RunningStack stack, String id) {
        try (MongoClient client = MongoClients.create(stack.mongoUri("organization"))) {
            List<String> ids = new ArrayList<>();
            client.getDatabase("organization").getCollection("organizations")
                    .find(Filters.or(Filters.eq("_id", id), Filters.eq("ancestors", id)))
                    .projection(new org.bson.Document("_id", 1)).forEach(d -> ids.add(d.get("_id").toString()));
            return ids;
        }
    }

    private void importSheet(String gateway, String token, List<List<String>> rows) throws IOException, InterruptedException {
        byte[] xlsx;
        try (Workbook workbook = new SXSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("党组织");
            Row header = sheet.createRow(0);
            List<String> columns = List.of("党组织名称", "党组织编码", "党组织类别", "上级党组织编码", "成立日期");
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        String boundary = "----bench" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tree.xlsx\"\r\n"
                + "Content-Type: " + XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(xlsx);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(gateway, token, HttpRequest.newBuilder(URI.create(gateway + "/api/v1/organizations/import"))
                .timeout(Duration.ofMinutes(10))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("import failed: " + response.statusCode() + " " + response.body());
        }
    }

    private String id(String gateway, String token, String code) throws IOException, InterruptedException {
        return get(gateway, token, "/api/v1/organizations?code=" + code).get("items").get(0).get("id").asString();
    }

    private JsonNode get(String gateway, String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(gateway, token, HttpRequest.newBuilder(URI.create(gateway + path)).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String gateway, String token, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return http.send(request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void time(List<Long> into, boolean warmUp, Call call) throws Exception {
        long t0 = System.nanoTime();
        call.run();
        if (!warmUp) {
            into.add(System.nanoTime() - t0);
        }
    }

    private static double pct(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
