package party.standalone.demo;

import static party.standalone.DemoDirectory.BRANCH_1;
import static party.standalone.DemoDirectory.BRANCH_2;
import static party.standalone.DemoDirectory.BRANCH_3;
import static party.standalone.DemoDirectory.COMMITTEE;
import static party.standalone.DemoDirectory.GENERAL_BRANCH;
import static party.standalone.DemoDirectory.GROUP;
import static party.standalone.DemoDirectory.MEMBER_1;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import party.standalone.DemoDirectory;
import tools.jackson.databind.JsonNode;

/**
 * Loads the demo organization tree and members through the gateway's public API with a token
 * of the {@code party-integration} client, exactly as an integration would; then the year's
 * training ({@link TrainingDemo}) and last month's spot check with a rectification item
 * ({@link AssessmentDemo}, with the demo inspector's token). Idempotent: an organization is looked
 * up by its code before it is created, members are registered with an {@code Idempotency-Key},
 * training and assessment look before they create, so a restart on the same data directory
 * duplicates nothing. The ids of the organizations and of {@code member1}'s member record are
 * recorded in the {@link DemoDirectory}, from which the authorization server fills the
 * {@code org_scopes} and {@code member_id} claims of later tokens.
 */
public final class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String ORGANIZATIONS = "/api/v1/organizations";
    private static final String MEMBERS = "/api/v1/members";
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(15);
    private static final Duration COUNTS_WAIT = Duration.ofSeconds(20);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Short-lived daemon threads for the parts loaded side by side (not the common pool: its size follows the cores). */
    private static final Executor DEMO_THREADS = task -> Thread.ofPlatform().daemon().name("demo-data").start(task);

    /** An organization of the demo tree; {@code parentKey} null for the root. */
    public record Org(String key, String type, String name, String shortName, String code, String parentKey) {
    }

    /** A demo member; {@code orgKey} is the branch it belongs to. */
    public record Member(String name, String gender, LocalDate birthDate, String nationalId, String phone, String orgKey,
                         String status, LocalDate joinedAt) {
    }

    /**
     * What the loader found afterwards: member counts of the committee's subtree, and one line each
     * on what training- and assessment-service hold.
     */
    public record Summary(int organizations, int members, long fullMembers, long probationaryMembers, boolean countsVisible,
                          String training, String assessment) {
    }

    /**
     * The demo member the demo user {@code member1} is (a full member of 综采一队党支部): the loader
     * records this member's id under {@link DemoDirectory#MEMBER_1}, which the authorization server
     * writes into member1's {@code member_id} claim.
     */
    public static final String MEMBER_1_NAME = "李红梅";

    public static final List<Org> ORGS = List.of(
            new Org(COMMITTEE, "COMMITTEE", "XX煤矿党委", "煤矿党委", "XXMK", null),
            new Org(GENERAL_BRANCH, "GENERAL_BRANCH", "XX煤矿机关党总支", "机关党总支", "XXMK-JG", COMMITTEE),
            new Org(BRANCH_1, "BRANCH", "综采一队党支部", "综采一队支部", "XXMK-ZC1", COMMITTEE),
            new Org(BRANCH_3, "BRANCH", "掘进二队党支部", "掘进二队支部", "XXMK-JJ2", COMMITTEE),
            new Org(BRANCH_2, "BRANCH", "机关第一党支部", "机关一支部", "XXMK-JG-01", GENERAL_BRANCH),
            new Org(GROUP, "GROUP", "综采一队第一党小组", "综采一队一组", "XXMK-ZC1-G1", BRANCH_1));

    public static List<Member> members() {
        // Probation lasts a year: recent dates, but stable within a month so that a re-run sends the same bodies.
        LocalDate today = LocalDate.now(SHANGHAI).withDayOfMonth(1);
        return List.of(
                member("张建国", "MALE", "1975-03-07", "140105", 11, BRANCH_1, "FULL", LocalDate.parse("1998-07-01"), 0),
                member("李红梅", "FEMALE", "1982-11-20", "140106", 22, BRANCH_1, "FULL", LocalDate.parse("2006-06-28"), 1),
                member("王志强", "MALE", "1990-05-15", "140107", 33, BRANCH_1, "PROBATIONARY", today.minusMonths(5), 2),
                new Member("赵磊", "MALE", LocalDate.parse("1988-08-08"),
                        NationalIds.endingInX("140109", LocalDate.parse("1988-08-08"), 41), phone(3), BRANCH_1, "FULL",
                        LocalDate.parse("2012-07-01")),
                member("陈静", "FEMALE", "1986-02-14", "140105", 52, BRANCH_2, "FULL", LocalDate.parse("2009-12-15"), 4),
                member("刘洋", "MALE", "1979-12-01", "140106", 63, BRANCH_2, "FULL", LocalDate.parse("2003-05-20"), 5),
                member("杨帆", "FEMALE", "1995-09-09", "140107", 74, BRANCH_2, "PROBATIONARY", today.minusMonths(3), 6),
                member("黄伟", "MALE", "1983-04-18", "140109", 85, BRANCH_3, "FULL", LocalDate.parse("2008-07-01"), 7),
                member("周敏", "FEMALE", "1992-07-23", "140110", 96, BRANCH_3, "FULL", LocalDate.parse("2016-06-30"), 8),
                member("吴刚", "MALE", "1970-01-30", "140105", 107, BRANCH_3, "FULL", LocalDate.parse("1994-07-01"), 9));
    }

    private static Member member(String name, String gender, String birth, String area, int sequence, String org,
                                 String status, LocalDate joinedAt, int index) {
        LocalDate birthDate = LocalDate.parse(birth);
        return new Member(name, gender, birthDate, NationalIds.of(area, birthDate, sequence), phone(index), org, status, joinedAt);
    }

    private static String phone(int index) {
        return String.format("138001380%02d", index);
    }

    private final DemoDirectory directory;
    private final ApiClient api;
    private final ApiClient inspector;
    private final Supplier<String> integrationToken;
    private String token;
    private String inspectorToken;

    /**
     * @param gateway base URL of the gateway
     * @param directory where the organization and member ids are recorded
     * @param integrationToken mints a fresh {@code party-integration} token (its org scopes are resolved at minting time)
     * @param userToken mints a token of a demo user by name (the demo inspector scores the spot check)
     */
    public DemoData(URI gateway, DemoDirectory directory, Supplier<String> integrationToken, Function<String, String> userToken) {
        this.directory = directory;
        this.integrationToken = integrationToken;
        this.api = new ApiClient(gateway, this::token);
        // Minted on its first use, after the committee's id is recorded: its org scopes are resolved then.
        this.inspector = new ApiClient(gateway, () -> {
            synchronized (this) {
                if (inspectorToken == null) {
                    inspectorToken = userToken.apply("inspector");
                }
                return inspectorToken;
            }
        });
    }

    private synchronized String token() {
        if (token == null) {
            token = integrationToken.get();
        }
        return token;
    }

    private synchronized void renewToken() {
        token = null;
    }

    /** Creates what is missing of the demo tree and members, then waits until the member counts are visible. */
    public Summary load() {
        Map<String, String> ids = new HashMap<>();
        for (Org org : ORGS) {
            String id = findOrCreate(org, org.parentKey() == null ? null : ids.get(org.parentKey()));
            ids.put(org.key(), id);
            boolean newScope = org.key().equals(COMMITTEE) && !directory.id(COMMITTEE).map(id::equals).orElse(false);
            directory.record(org.key(), id);
            if (newScope) {
                // The integration client manages the committee's subtree from now on: its next token says so.
                renewToken();
            }
        }
        List<Member> members = members();
        String committee = ids.get(COMMITTEE);
        ApiClient.Response registered = api.get(MEMBERS + "?orgId=" + committee + "&size=1");
        long present = registered.ok() && registered.body() != null ? registered.body().path("total").asLong(0) : 0;
        if (present < members.size()) {
            for (Member member : members) {
                register(member, ids.get(member.orgKey()));
            }
        } else {
            log.info("Demo members already registered ({} in the committee's subtree)", present);
        }
        for (Leadership leadership : LEADERSHIP) {
            ensureTerm(leadership, ids.get(leadership.orgKey()));
        }
        String member1 = memberId(members.stream().filter(m -> m.name().equals(MEMBER_1_NAME)).findFirst().orElseThrow());
        directory.record(MEMBER_1, member1);
        LocalDate today = LocalDate.now(SHANGHAI);
        // Training and assessment need nothing from each other, and the member counts only need time
        // (events to arrive): the three go on at once, so the demo load is little longer than before.
        CompletableFuture<TrainingDemo.Loaded> trainingLoad = CompletableFuture.supplyAsync(
                () -> new TrainingDemo(api).load(committee, member1, ids.get(BRANCH_1), today), DEMO_THREADS);
        CompletableFuture<AssessmentDemo.Loaded> assessmentLoad = CompletableFuture.supplyAsync(
                () -> new AssessmentDemo(inspector).load(ids.get(BRANCH_3), today), DEMO_THREADS);
        Summary counts = awaitCounts(committee, members);
        TrainingDemo.Loaded training = joined(trainingLoad);
        AssessmentDemo.Loaded assessment = joined(assessmentLoad);
        return new Summary(counts.organizations(), counts.members(), counts.fullMembers(), counts.probationaryMembers(),
                counts.countsVisible(),
                "plan " + training.year() + " (32 h / 56 h), " + training.sessions() + " sessions, 1 Party-school dispatch of "
                        + MEMBER_1_NAME + " (member1)",
                "default template active; spot check " + assessment.period() + " of 掘进二队党支部 scored by the inspector (total "
                        + assessment.total() + "), 1 rectification item");
    }

    /** The result of a part loaded on another thread; its failure as if it had happened on this one. */
    private static <T> T joined(CompletableFuture<T> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * The id of a registered demo member, by its national ID number: exact (member-service's blind
     * index), and it works the same whether this run registered the member or an earlier one did.
     */
    private String memberId(Member member) {
        ApiClient.Response found = api.get(MEMBERS + "/by-national-id?value=" + member.nationalId());
        return require(found, "look up the member record of " + member.name()).body().path("id").asString();
    }

    /** A branch's current term as the demo records it: its secretary; one term is overdue for renewal. */
    public record Leadership(String orgKey, String startDate, String secretary, boolean fullTime) {
    }

    public static final List<Leadership> LEADERSHIP = List.of(
            new Leadership(BRANCH_1, "2024-03-15", "张建国", true),
            new Leadership(BRANCH_2, "2023-12-20", "陈静", false),
            new Leadership(BRANCH_3, "2021-01-10", "黄伟", false));

    private void ensureTerm(Leadership leadership, String orgId) {
        String path = ORGANIZATIONS + "/" + orgId;
        ApiClient.Response current = api.get(path + "/leadership");
        require(current, "read the leadership of " + orgId);
        if (!current.body().path("term").isMissingNode() && !current.body().path("term").isNull()) {
            return;
        }
        Map<String, Object> body = Map.of("startDate", leadership.startDate(), "holders",
                List.of(Map.of("role", "SECRETARY", "name", leadership.secretary(), "fullTime", leadership.fullTime())));
        require(api.post(path + "/terms", body, Map.of("Idempotency-Key", "demo-term-" + orgId)),
                "record the term of " + orgId);
        log.info("Recorded the demo term of {} (secretary {})", leadership.orgKey(), leadership.secretary());
    }

    private String findOrCreate(Org org, String parentId) {
        ApiClient.Response found = api.get(ORGANIZATIONS + "?code=" + URLEncoder.encode(org.code(), StandardCharsets.UTF_8));
        require(found, "look up organization " + org.code());
        JsonNode items = found.body().path("items");
        if (items.size() > 0) {
            return items.path(0).path("id").asString();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", org.type());
        body.put("name", org.name());
        body.put("shortName", org.shortName());
        body.put("code", org.code());
        body.put("parentId", parentId);
        ApiClient.Response created = api.post(ORGANIZATIONS, body, Map.of("Idempotency-Key", "demo-org-" + org.code()));
        require(created, "create organization " + org.code());
        log.info("Created demo organization {} {} ({})", org.code(), org.name(), created.body().path("id").asString());
        return created.body().path("id").asString();
    }

    private void register(Member member, String orgId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", member.name());
        body.put("gender", member.gender());
        body.put("birthDate", member.birthDate().toString());
        body.put("nationalId", member.nationalId());
        body.put("phone", member.phone());
        body.put("orgId", orgId);
        body.put("status", member.status());
        body.put("joinedAt", member.joinedAt().toString());
        long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
        long backoff = 200;
        while (true) {
            ApiClient.Response response = api.post(MEMBERS, body, Map.of("Idempotency-Key", "demo-" + member.nationalId()));
            if (response.ok()) {
                return;
            }
            if (response.status() == 409) {
                log.info("Demo member {} already registered", member.name());
                return;
            }
            // member-service learns new organizations from events: an unknown org may just not have arrived yet.
            if (response.status() == 422 && System.nanoTime() < deadline) {
                sleep(backoff);
                backoff = Math.min(backoff * 2, 1000);
                continue;
            }
            require(response, "register member " + member.name());
        }
    }

    private Summary awaitCounts(String committee, List<Member> members) {
        long expectedFull = members.stream().filter(m -> m.status().equals("FULL")).count();
        long expectedProbationary = members.size() - expectedFull;
        long deadline = System.nanoTime() + COUNTS_WAIT.toNanos();
        JsonNode subtree;
        do {
            ApiClient.Response org = api.get(ORGANIZATIONS + "/" + committee);
            require(org, "read organization " + committee);
            subtree = org.body().path("memberCounts").path("subtree");
            if (subtree.path("full").asLong(0) >= expectedFull && subtree.path("probationary").asLong(0) >= expectedProbationary) {
                return new Summary(ORGS.size(), members.size(), subtree.path("full").asLong(), subtree.path("probationary").asLong(), true,
                        null, null);
            }
            sleep(300);
        } while (System.nanoTime() < deadline);
        log.warn("Member counts of the committee are not visible yet: {}", subtree);
        return new Summary(ORGS.size(), members.size(), subtree.path("full").asLong(0), subtree.path("probationary").asLong(0), false,
                null, null);
    }

    static ApiClient.Response require(ApiClient.Response response, String what) {
        if (!response.ok() || response.body() == null) {
            throw new IllegalStateException("demo data: " + what + " failed: HTTP " + response.status() + " " + response.raw());
        }
        return response;
    }

    /**
     * A call that depends on what a service learns from other services' events (an organization, a
     * member): 404 or 422 may only mean the event has not arrived yet, so it is repeated for a while.
     */
    static ApiClient.Response whenProjected(Supplier<ApiClient.Response> call, String what) {
        long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
        long backoff = 100;
        while (true) {
            ApiClient.Response response = call.get();
            if ((response.status() == 404 || response.status() == 422) && System.nanoTime() < deadline) {
                sleep(backoff);
                backoff = Math.min(backoff * 2, 1000);
                continue;
            }
            return require(response, what);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
