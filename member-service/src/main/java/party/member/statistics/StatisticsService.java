package party.member.statistics;

import static party.member.statistics.MemberStatistics.Count;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.BsonBinaryReader;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.member.member.EncodedEntry;
import party.member.member.MemberDirectory;
import party.platform.orgtree.OrgNode;
import party.platform.orgtree.OrgTree;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;

/**
 * Computes {@link MemberStatistics} from the member directory ({@link MemberDirectory}: one
 * document per organization, read by {@code _id}), counting in this service rather than in the
 * database: the whole tree's million members take one read per organization, with no collection
 * scan on any MongoDB. Status decisions and transfers of the year, which are few, are aggregated
 * in the database.
 *
 * <p>Who counts: members of the subtree whose status is now FULL or PROBATIONARY and who had joined
 * by {@code asOf} (or whose joining date is unknown). The registry keeps current status only, so a
 * member who left after {@code asOf} is not counted for a past year. Party standing runs from the
 * full-membership date (转正日期, from the development pipeline or the roster sheet), else from the
 * joining date (入党日期). Ethnicity, education and occupation are the member's own (UNKNOWN when not
 * recorded).
 */
@Service
public class StatisticsService implements AutoCloseable {

    static final int FIRST_YEAR = 1921;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Collections of the status-decision and transfer features, read by name (no shared domain code). */
    static final String DECISIONS = "member_status_decisions";
    static final String TRANSFERS = "member_transfers";

    /** Threads reading the directory for one statistics call; more than the cores would only wait. */
    static final int READERS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final MongoTemplate mongo;
    private final OrgTree orgTree;
    /** Daemon threads shared by the calls; a call's readers are its own shares, so calls do not wait on each other's. */
    private final java.util.concurrent.ExecutorService readerPool = java.util.concurrent.Executors.newCachedThreadPool(
            Thread.ofPlatform().name("statistics-reader-", 0).daemon(true).factory());
    private final MemberDirectory directory;

    StatisticsService(MongoTemplate mongo, OrgTree orgTree, MemberDirectory directory) {
        this.mongo = mongo;
        this.orgTree = orgTree;
        this.directory = directory;
    }

    /** Ends the reader threads with the application context. */
    @Override
    public void close() {
        readerPool.shutdownNow();
    }

    public MemberStatistics of(CurrentUser user, String orgId, Integer requestedYear) {
        LocalDate today = LocalDate.now(SHANGHAI);
        int year = requestedYear == null ? today.getYear() : requestedYear;
        if (year < FIRST_YEAR) {
            throw ApiException.badRequest("statistics-invalid-year", year);
        }
        if (year > today.getYear()) {
            throw ApiException.unprocessable("statistics-year-in-future", year);
        }
        OrgNode root = orgTree.find(orgId).orElseThrow(
                () -> ApiException.notFound("not-found", OrgScope.resourceName("organization")));
        OrgScope.requireVisible(user, root.id(), root.ancestors(), "organization");
        LocalDate asOf = year == today.getYear() ? today : LocalDate.of(year, 12, 31);
        LocalDate from = LocalDate.of(year, 1, 1);
        // The subtree's nodes in one read; their ids select the directory documents.
        List<Org> nodes = subtree(root.id());
        List<String> subtree = nodes.stream().map(Org::id).toList();

        Counting counting = count(subtree, asOf, from);
        Map<String, Tally> counts = counting.counted();
        Map<String, Long> developed = counting.developed();
        boolean decisionsTracked = mongo.collectionExists(DECISIONS);
        Map<String, Map<String, Long>> decisions = decisionsTracked ? decisions(subtree, from, asOf) : Map.of();
        boolean transfersTracked = mongo.collectionExists(TRANSFERS);
        List<Document> transfers = transfersTracked ? transfers(subtree, from, asOf) : List.of();

        List<String> notTracked = new ArrayList<>();
        if (!decisionsTracked) {
            notTracked.addAll(List.of("deceased", "left", "expelled", "removed"));
        }
        if (!transfersTracked) {
            notTracked.addAll(List.of("transferredIn", "transferredOut"));
        }

        Set<String> inSubtree = new HashSet<>(subtree);
        // Listed: every branch, and any other organization with members counted in it directly;
        // sorted after filtering (a fifth of a whole tree's organizations).
        List<Org> listed = new ArrayList<>();
        for (Org node : nodes) {
            if ("BRANCH".equals(node.type()) || counts.containsKey(node.id())) {
                listed.add(node);
            }
        }
        listed.sort(java.util.Comparator.comparingInt(Org::depth).thenComparing(Org::id));
        Map<String, long[]> moves = moves(transfers);
        List<MemberStatistics.OrganizationBreakdown> perOrg = new ArrayList<>(listed.size());
        for (Org node : listed) {
            Tally own = counts.get(node.id());
            perOrg.add(new MemberStatistics.OrganizationBreakdown(node.id(), node.name(), node.type(),
                    breakdown(own == null ? List.of() : List.of(own),
                    changes(node.id(), developed, decisionsTracked, decisions, transfersTracked, moves))));
        }
        MemberStatistics.Breakdown all = breakdown(counts.values(),
                changes(inSubtree, developed, decisionsTracked, decisions, transfersTracked, transfers));
        return new MemberStatistics(root.id(), year, asOf, all, perOrg, notTracked);
    }


    /** An organization of the subtree as the report names and orders it (depth: its number of ancestors). */
    record Org(String id, String name, String type, int depth) {
    }

    /**
     * The subtree's organizations from the org-tree projection ({@link OrgNode#COLLECTION}), the
     * same query as {@link OrgTree#subtree} but with only the fields the report shows, read as raw
     * BSON: mapping 50,000 nodes to {@link OrgNode} records took about a tenth of the whole tree's
     * statistics.
     */
    private List<Org> subtree(String rootId) {
        Document filter = new Document("$or", List.of(new Document("_id", rootId), new Document("ancestors", rootId)));
        Document fields = new Document("name", 1).append("type", 1).append("ancestors", 1);
        List<Org> orgs = new ArrayList<>();
        for (RawBsonDocument doc : mongo.getCollection(OrgNode.COLLECTION).withDocumentClass(RawBsonDocument.class)
                .find(filter).projection(fields)) {
            String id = null;
            String name = null;
            String type = null;
            int depth = 0;
            try (BsonBinaryReader reader = new BsonBinaryReader(doc.getByteBuffer().asNIO())) {
                reader.readStartDocument();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    String field = reader.readName();
                    BsonType type0 = reader.getCurrentBsonType();
                    if ("ancestors".equals(field) && type0 == BsonType.ARRAY) {
                        reader.readStartArray();
                        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                            reader.skipValue();
                            depth++;
                        }
                        reader.readEndArray();
                    } else if (type0 == BsonType.STRING && ("_id".equals(field) || "name".equals(field) || "type".equals(field))) {
                        String value = reader.readString();
                        switch (field) {
                            case "_id" -> id = value;
                            case "name" -> name = value;
                            default -> type = value;
                        }
                    } else {
                        reader.skipValue();
                    }
                }
            }
            orgs.add(new Org(id, name, type, depth));
        }
        return orgs;
    }

    /**
     * Counts the directory entries of these organizations on up to {@link #READERS} threads, each
     * reading its share of the organizations: the embedded server encodes one reply while this
     * service decodes another, so both cores work (one reader left one of them idle half the time).
     * The shares are disjoint sets of organizations, so their tallies merge without summing.
     */
    private Counting count(List<String> orgIds, LocalDate asOf, LocalDate from) {
        // Shared even for a handful of organizations: the cost is a thread hand-off, and every call
        // then takes the same path (the tests' small trees included).
        int readers = Math.min(READERS, Math.max(1, orgIds.size()));
        if (readers == 1) {
            Counting counting = new Counting(asOf, from);
            directory.forEachEncoded(orgIds, counting::add);
            return counting;
        }
        List<List<String>> shares = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            shares.add(new ArrayList<>(orgIds.size() / readers + 1));
        }
        for (int i = 0; i < orgIds.size(); i++) {
            shares.get(i % readers).add(orgIds.get(i));
        }
        List<java.util.concurrent.Future<Counting>> running = new ArrayList<>();
        for (List<String> share : shares) {
            running.add(readerPool.submit(() -> {
                Counting counting = new Counting(asOf, from);
                directory.forEachEncoded(share, counting::add);
                return counting;
            }));
        }
        Counting all = new Counting(asOf, from);
        try {
            for (java.util.concurrent.Future<Counting> share : running) {
                all.merge(share.get());
            }
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("statistics interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            running.forEach(f -> f.cancel(true));
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        return all;
    }

    private static MemberStatistics.Breakdown breakdown(java.util.Collection<Tally> parts, MemberStatistics.Changes changes) {
        List<Map<String, Long>> sums = new ArrayList<>(Tally.DIMENSIONS);
        for (int d = 0; d < Tally.DIMENSIONS; d++) {
            sums.add(new TreeMap<>());
        }
        long total = 0;
        for (Tally part : parts) {
            total += part.total;
            for (int d = 0; d < Tally.DIMENSIONS; d++) {
                Map<String, Long> sum = sums.get(d);
                part.dimensions[d].forEach((key, n) -> sum.merge(key, n[0], Long::sum));
            }
        }
        return new MemberStatistics.Breakdown(total, sums.get(Tally.STATUS), sums.get(Tally.GENDER), sums.get(Tally.ETHNICITY),
                sums.get(Tally.AGE_BAND), sums.get(Tally.EDUCATION), sums.get(Tally.PARTY_STANDING), sums.get(Tally.OCCUPATION),
                changes);
    }

    /** The counted members of one organization by dimension and key; mutable counters while the entries stream by. */
    static final class Tally {
        static final int STATUS = 0;
        static final int GENDER = 1;
        static final int ETHNICITY = 2;
        static final int AGE_BAND = 3;
        static final int EDUCATION = 4;
        static final int PARTY_STANDING = 5;
        static final int OCCUPATION = 6;
        static final int DIMENSIONS = 7;

        @SuppressWarnings("unchecked")
        final Map<String, long[]>[] dimensions = new Map[DIMENSIONS];
        long total;

        Tally() {
            for (int d = 0; d < DIMENSIONS; d++) {
                dimensions[d] = new HashMap<>(8);
            }
        }

        void count(int dimension, String key) {
            dimensions[dimension].computeIfAbsent(key == null ? Bands.UNKNOWN : key, k -> new long[1])[0]++;
        }
    }

    /**
     * Counts from the member directory as the entries stream by, reading each stored entry in place
     * ({@link EncodedEntry}): the members counted as of {@code asOf}, by organization, dimension and
     * key, and those admitted within the year. Bands compare ISO date strings with the thresholds of
     * {@link Bands}, as the report defines them.
     */
    private static final class Counting {
        private final String asOf;
        private final String first;
        private final List<String[]> ages;
        private final List<String[]> standings;
        private final EncodedEntry e = new EncodedEntry();
        private final Map<String, Tally> counted = new HashMap<>();
        private final Map<String, Long> developed = new HashMap<>();
        /** Entries come by organization: the last one's tally saves a lookup per member. */
        private String lastOrg;
        private Tally last;

        Counting(LocalDate asOf, LocalDate from) {
            this.asOf = asOf.toString();
            this.first = from.toString();
            this.ages = thresholds(Bands.ageThresholds(asOf));
            this.standings = thresholds(Bands.standingThresholds(asOf));
        }

        Map<String, Tally> counted() {
            return counted;
        }

        Map<String, Long> developed() {
            return developed;
        }

        /** Adds another share's counts; shares hold disjoint organizations. */
        void merge(Counting share) {
            counted.putAll(share.counted);
            share.developed.forEach((org, n) -> developed.merge(org, n, Long::sum));
        }

        void add(String orgId, String memberId, String encoded) {
            e.of(encoded);
            if (!e.absent(EncodedEntry.ADMISSION_DATE) && e.compare(EncodedEntry.ADMISSION_DATE, first) >= 0
                    && e.compare(EncodedEntry.ADMISSION_DATE, asOf) <= 0) {
                developed.merge(orgId, 1L, Long::sum);
            }
            String status = e.is(EncodedEntry.STATUS, "FULL") ? "FULL" : e.is(EncodedEntry.STATUS, "PROBATIONARY") ? "PROBATIONARY" : null;
            if (status == null || (!e.absent(EncodedEntry.JOINED_AT) && e.compare(EncodedEntry.JOINED_AT, asOf) > 0)) {
                return;
            }
            if (!orgId.equals(lastOrg)) {
                lastOrg = orgId;
                last = counted.computeIfAbsent(orgId, o -> new Tally());
            }
            Tally org = last;
            org.total++;
            org.count(Tally.STATUS, status);
            org.count(Tally.GENDER, e.text(EncodedEntry.GENDER));
            org.count(Tally.ETHNICITY, e.text(EncodedEntry.ETHNICITY));
            org.count(Tally.EDUCATION, e.text(EncodedEntry.EDUCATION));
            org.count(Tally.OCCUPATION, e.text(EncodedEntry.OCCUPATION));
            org.count(Tally.AGE_BAND, band(EncodedEntry.BIRTH_DATE, ages, Bands.AGE_OLDEST));
            int since = e.absent(EncodedEntry.FULL_MEMBERSHIP_DATE) ? EncodedEntry.JOINED_AT : EncodedEntry.FULL_MEMBERSHIP_DATE;
            org.count(Tally.PARTY_STANDING, band(since, standings, Bands.STANDING_LONGEST));
        }

        /** The first band whose threshold the date field is after; {@code otherwise} past all of them. */
        private String band(int field, List<String[]> thresholds, String otherwise) {
            if (e.absent(field)) {
                return Bands.UNKNOWN;
            }
            for (String[] t : thresholds) {
                if (e.compare(field, t[0]) > 0) {
                    return t[1];
                }
            }
            return otherwise;
        }
    }

    private static List<String[]> thresholds(List<Bands.Threshold> thresholds) {
        return thresholds.stream().map(t -> new String[] {t.after().toString(), t.label()}).toList();
    }

    /**
     * Status decisions dated within the year and in effect, by organization then kind: one whose
     * member change is still pending or was flagged by its repair has not ended a membership (one
     * stored before that note existed has no {@code memberChange} and is in effect).
     */
    private Map<String, Map<String, Long>> decisions(List<String> subtree, LocalDate from, LocalDate asOf) {
        List<Document> pipeline = List.of(
                new Document("$match", new Document("orgId", new Document("$in", subtree)).append("date", range(from, asOf))
                        .append("memberChange", new Document("$nin", List.of("PENDING", "FLAGGED")))),
                new Document("$group", new Document("_id", new Document("org", "$orgId").append("kind", "$kind"))
                        .append("n", new Document("$sum", 1))));
        Map<String, Map<String, Long>> result = new HashMap<>();
        for (Document group : mongo.getCollection(DECISIONS).aggregate(pipeline)) {
            Document id = group.get("_id", Document.class);
            result.computeIfAbsent(id.getString("org"), o -> new HashMap<>())
                    .merge(String.valueOf(id.get("kind")), ((Number) group.get("n")).longValue(), Long::sum);
        }
        return result;
    }

    /** Accepted transfers decided within the year that touch the subtree: few, read as they are. */
    private List<Document> transfers(List<String> subtree, LocalDate from, LocalDate asOf) {
        Query query = Query.query(new Criteria().orOperator(Criteria.where("fromOrgId").in(subtree),
                Criteria.where("toOrgId").in(subtree)).and("state").is("ACCEPTED").and("decidedOn").gte(from.toString())
                .lte(asOf.toString()));
        query.fields().include("fromOrgId").include("toOrgId");
        return mongo.find(query, Document.class, TRANSFERS);
    }

    /** Changes of a set of organizations; moves between two of them are neither in nor out. */
    /**
     * Transfers in and out of each organization on its own ({@code [in, out]}), counted once for
     * all: filtering every transfer for each of 10,000 branches grew with their product.
     */
    private static Map<String, long[]> moves(List<Document> transfers) {
        Map<String, long[]> moves = new HashMap<>();
        for (Document t : transfers) {
            String from = t.getString("fromOrgId");
            String to = t.getString("toOrgId");
            if (java.util.Objects.equals(from, to)) {
                continue;
            }
            if (to != null) {
                moves.computeIfAbsent(to, o -> new long[2])[0]++;
            }
            if (from != null) {
                moves.computeIfAbsent(from, o -> new long[2])[1]++;
            }
        }
        return moves;
    }

    /** The changes of one organization on its own ({@link #changes(Set, Map, boolean, Map, boolean, List)} of one). */
    private static MemberStatistics.Changes changes(String org, Map<String, Long> developed, boolean decisionsTracked,
                                                    Map<String, Map<String, Long>> decisions, boolean transfersTracked,
                                                    Map<String, long[]> moves) {
        long[] moved = moves.getOrDefault(org, new long[2]);
        Count in = transfersTracked ? Count.of(moved[0]) : Count.NOT_TRACKED;
        Count out = transfersTracked ? Count.of(moved[1]) : Count.NOT_TRACKED;
        Count dev = Count.of(developed.getOrDefault(org, 0L));
        if (!decisionsTracked) {
            return new MemberStatistics.Changes(dev, in, out, Count.NOT_TRACKED, Count.NOT_TRACKED, Count.NOT_TRACKED,
                    Count.NOT_TRACKED);
        }
        Map<String, Long> byKind = decisions.getOrDefault(org, Map.of());
        return new MemberStatistics.Changes(dev, in, out, Count.of(kinds(byKind, "DEATH")),
                Count.of(kinds(byKind, "LEAVING", "ADVICE_TO_LEAVE")), Count.of(kinds(byKind, "EXPULSION")),
                Count.of(kinds(byKind, "REMOVAL")));
    }

    private static MemberStatistics.Changes changes(Set<String> orgs, Map<String, Long> developed, boolean decisionsTracked,
                                                    Map<String, Map<String, Long>> decisions, boolean transfersTracked,
                                                    List<Document> transfers) {
        long dev = developed.entrySet().stream().filter(e -> orgs.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        Count in = Count.NOT_TRACKED;
        Count out = Count.NOT_TRACKED;
        if (transfersTracked) {
            long i = transfers.stream().filter(t -> orgs.contains(t.getString("toOrgId"))
                    && !orgs.contains(t.getString("fromOrgId"))).count();
            long o = transfers.stream().filter(t -> orgs.contains(t.getString("fromOrgId"))
                    && !orgs.contains(t.getString("toOrgId"))).count();
            in = Count.of(i);
            out = Count.of(o);
        }
        if (!decisionsTracked) {
            return new MemberStatistics.Changes(Count.of(dev), in, out, Count.NOT_TRACKED, Count.NOT_TRACKED,
                    Count.NOT_TRACKED, Count.NOT_TRACKED);
        }
        return new MemberStatistics.Changes(Count.of(dev), in, out, Count.of(kinds(orgs, decisions, "DEATH")),
                Count.of(kinds(orgs, decisions, "LEAVING", "ADVICE_TO_LEAVE")), Count.of(kinds(orgs, decisions, "EXPULSION")),
                Count.of(kinds(orgs, decisions, "REMOVAL")));
    }

    private static long kinds(Map<String, Long> byKind, String... kinds) {
        long n = 0;
        for (String kind : kinds) {
            n += byKind.getOrDefault(kind, 0L);
        }
        return n;
    }

    private static long kinds(Set<String> orgs, Map<String, Map<String, Long>> decisions, String... kinds) {
        long n = 0;
        // Over the organizations with decisions (few), not over the set (a whole tree's 50,000).
        for (Map.Entry<String, Map<String, Long>> org : decisions.entrySet()) {
            if (orgs.contains(org.getKey())) {
                for (String kind : kinds) {
                    n += org.getValue().getOrDefault(kind, 0L);
                }
            }
        }
        return n;
    }

    private static Document range(LocalDate from, LocalDate to) {
        return new Document("$gte", from.toString()).append("$lte", to.toString());
    }
}
