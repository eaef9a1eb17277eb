package party.member.statistics;

import static party.member.statistics.MemberStatistics.Count;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.member.member.DirectoryEntry;
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
public class StatisticsService {

    static final int FIRST_YEAR = 1921;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> COUNTED = List.of("FULL", "PROBATIONARY");
    /** Collections of the status-decision and transfer features, read by name (no shared domain code). */
    static final String DECISIONS = "member_status_decisions";
    static final String TRANSFERS = "member_transfers";

    private final MongoTemplate mongo;
    private final OrgTree orgTree;
    private final MemberDirectory directory;

    StatisticsService(MongoTemplate mongo, OrgTree orgTree, MemberDirectory directory) {
        this.mongo = mongo;
        this.orgTree = orgTree;
        this.directory = directory;
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
        List<OrgNode> nodes = new ArrayList<>(orgTree.subtree(root.id()));
        List<String> subtree = nodes.stream().map(OrgNode::id).toList();

        Map<String, Map<String, Map<String, Long>>> counts = new HashMap<>(); // org -> dim -> key -> n
        Map<String, Long> developed = new HashMap<>();
        Counting counting = new Counting(asOf, from);
        directory.forEach(subtree, entry -> counting.add(entry, counts, developed));
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
        nodes.sort(java.util.Comparator.comparing((OrgNode n) -> n.ancestors().size()).thenComparing(OrgNode::id));
        List<MemberStatistics.OrganizationBreakdown> perOrg = new ArrayList<>();
        for (OrgNode node : nodes) {
            Map<String, Map<String, Long>> own = counts.getOrDefault(node.id(), Map.of());
            if (!"BRANCH".equals(node.type()) && own.isEmpty()) {
                continue;
            }
            Set<String> one = Set.of(node.id());
            perOrg.add(new MemberStatistics.OrganizationBreakdown(node.id(), node.name(), node.type(), breakdown(List.of(own),
                    changes(one, developed, decisionsTracked, decisions, transfersTracked, transfers))));
        }
        MemberStatistics.Breakdown all = breakdown(new ArrayList<>(counts.values()),
                changes(inSubtree, developed, decisionsTracked, decisions, transfersTracked, transfers));
        return new MemberStatistics(root.id(), year, asOf, all, perOrg, notTracked);
    }


    private static MemberStatistics.Breakdown breakdown(List<Map<String, Map<String, Long>>> parts,
                                                        MemberStatistics.Changes changes) {
        Map<String, Map<String, Long>> sum = new HashMap<>();
        for (Map<String, Map<String, Long>> part : parts) {
            part.forEach((dim, keys) -> keys.forEach((key, n) ->
                    sum.computeIfAbsent(dim, d -> new TreeMap<>()).merge(key, n, Long::sum)));
        }
        long total = sum.getOrDefault("byStatus", Map.of()).values().stream().mapToLong(Long::longValue).sum();
        return new MemberStatistics.Breakdown(total, dim(sum, "byStatus"), dim(sum, "byGender"), dim(sum, "byEthnicity"),
                dim(sum, "byAgeBand"), dim(sum, "byEducation"), dim(sum, "byPartyStanding"), dim(sum, "byOccupation"),
                changes);
    }

    private static Map<String, Long> dim(Map<String, Map<String, Long>> sum, String name) {
        return sum.getOrDefault(name, new TreeMap<>());
    }

    /**
     * Counts from the member directory (one document per organization, read by {@code _id}) as the
     * entries stream by: the members counted as of {@code asOf}, by organization, dimension and key,
     * and those admitted within the year. Bands compare ISO date strings with the thresholds of
     * {@link Bands}, as the report defines them.
     */
    private static final class Counting {
        private final String asOf;
        private final String first;
        private final List<String[]> ages;
        private final List<String[]> standings;

        Counting(LocalDate asOf, LocalDate from) {
            this.asOf = asOf.toString();
            this.first = from.toString();
            this.ages = thresholds(Bands.ageThresholds(asOf));
            this.standings = thresholds(Bands.standingThresholds(asOf));
        }

        void add(DirectoryEntry e, Map<String, Map<String, Map<String, Long>>> counts, Map<String, Long> developed) {
            if (e.admissionDate() != null && e.admissionDate().compareTo(first) >= 0 && e.admissionDate().compareTo(asOf) <= 0) {
                developed.merge(e.orgId(), 1L, Long::sum);
            }
            if (!COUNTED.contains(e.status()) || (e.joinedAt() != null && e.joinedAt().compareTo(asOf) > 0)) {
                return;
            }
            Map<String, Map<String, Long>> org = counts.computeIfAbsent(e.orgId(), o -> new HashMap<>());
            count(org, "byStatus", e.status());
            count(org, "byGender", e.gender());
            count(org, "byEthnicity", e.ethnicity());
            count(org, "byEducation", e.education());
            count(org, "byOccupation", e.occupation());
            count(org, "byAgeBand", band(e.birthDate(), ages, Bands.AGE_OLDEST));
            String since = e.fullMembershipDate() != null ? e.fullMembershipDate() : e.joinedAt();
            count(org, "byPartyStanding", since == null ? Bands.UNKNOWN : band(since, standings, Bands.STANDING_LONGEST));
        }
    }

    private static void count(Map<String, Map<String, Long>> org, String dimension, String key) {
        org.computeIfAbsent(dimension, d -> new TreeMap<>()).merge(key == null ? Bands.UNKNOWN : key, 1L, Long::sum);
    }

    private static List<String[]> thresholds(List<Bands.Threshold> thresholds) {
        return thresholds.stream().map(t -> new String[] {t.after().toString(), t.label()}).toList();
    }

    /** The first band whose threshold the ISO date is after; {@code otherwise} past all of them. */
    private static String band(String isoDate, List<String[]> thresholds, String otherwise) {
        if (isoDate == null) {
            return Bands.UNKNOWN;
        }
        for (String[] t : thresholds) {
            if (isoDate.compareTo(t[0]) > 0) {
                return t[1];
            }
        }
        return otherwise;
    }

    /** Status decisions dated within the year, by organization then kind. */
    private Map<String, Map<String, Long>> decisions(List<String> subtree, LocalDate from, LocalDate asOf) {
        List<Document> pipeline = List.of(
                new Document("$match", new Document("orgId", new Document("$in", subtree)).append("date", range(from, asOf))),
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
    private static MemberStatistics.Changes changes(Set<String> orgs, Map<String, Long> developed, boolean decisionsTracked,
                                                    Map<String, Map<String, Long>> decisions, boolean transfersTracked,
                                                    List<Document> transfers) {
        long dev = orgs.stream().mapToLong(o -> developed.getOrDefault(o, 0L)).sum();
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

    private static long kinds(Set<String> orgs, Map<String, Map<String, Long>> decisions, String... kinds) {
        long n = 0;
        for (String org : orgs) {
            Map<String, Long> byKind = decisions.getOrDefault(org, Map.of());
            for (String kind : kinds) {
                n += byKind.getOrDefault(kind, 0L);
            }
        }
        return n;
    }

    private static Document range(LocalDate from, LocalDate to) {
        return new Document("$gte", from.toString()).append("$lte", to.toString());
    }
}
