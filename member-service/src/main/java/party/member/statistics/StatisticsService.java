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
import party.member.member.Member;
import party.platform.orgtree.OrgNode;
import party.platform.orgtree.OrgTree;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;

/**
 * Computes {@link MemberStatistics} with MongoDB aggregations: members are grouped by organization
 * and band inside the database; only the group counts come back.
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
    private static final Map<String, String> DIMENSIONS = new LinkedHashMap<>();

    static {
        DIMENSIONS.put("byStatus", "$status");
        DIMENSIONS.put("byGender", "$gender");
        DIMENSIONS.put("byEthnicity", "$ethnicity");
        DIMENSIONS.put("byAgeBand", "$ageBand");
        DIMENSIONS.put("byEducation", "$education");
        DIMENSIONS.put("byPartyStanding", "$standing");
        DIMENSIONS.put("byOccupation", "$occupation");
    }

    private final MongoTemplate mongo;
    private final OrgTree orgTree;

    StatisticsService(MongoTemplate mongo, OrgTree orgTree) {
        this.mongo = mongo;
        this.orgTree = orgTree;
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
        List<String> subtree = orgTree.subtreeIds(root.id());

        Map<String, Map<String, Map<String, Long>>> counts = countMembers(subtree, asOf); // org -> dim -> key -> n
        Map<String, Long> developed = developed(subtree, from, asOf);
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
        List<OrgNode> nodes = mongo.find(Query.query(Criteria.where("_id").in(subtree)), OrgNode.class);
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

    /** One aggregation: filter, band, then one group per dimension in a $facet. */
    private Map<String, Map<String, Map<String, Long>>> countMembers(List<String> subtree, LocalDate asOf) {
        String asOfIso = asOf.toString();
        Document match = new Document("orgId", new Document("$in", subtree))
                .append("status", new Document("$in", COUNTED))
                .append("$or", List.of(new Document("joinedAt", null), new Document("joinedAt", new Document("$lte", asOfIso))));
        // The embedded test server knows neither $switch nor $let: bands are nested $cond, and the
        // standing's start date is computed in a first $project.
        Document since = ifNull("$fullMembershipDate", ifNull("$joinedAt", ""));
        Document fields = new Document("orgId", 1).append("status", 1).append("gender", ifNull("$gender", Bands.UNKNOWN))
                .append("ethnicity", ifNull("$ethnicity", Bands.UNKNOWN))
                .append("education", ifNull("$education", Bands.UNKNOWN))
                .append("occupation", ifNull("$occupation", Bands.UNKNOWN))
                .append("birthDate", 1).append("since", since);
        Document project = new Document("orgId", 1).append("status", 1).append("gender", 1).append("ethnicity", 1)
                .append("education", 1).append("occupation", 1)
                .append("ageBand", bands("$birthDate", Bands.ageThresholds(asOf), Bands.AGE_OLDEST))
                .append("standing", new Document("$cond", List.of(new Document("$eq", List.of("$since", "")), Bands.UNKNOWN,
                        bands("$since", Bands.standingThresholds(asOf), Bands.STANDING_LONGEST))));
        Document facet = new Document();
        DIMENSIONS.forEach((name, field) -> facet.append(name, List.of(new Document("$group",
                new Document("_id", new Document("org", "$orgId").append("key", field)).append("n", new Document("$sum", 1))))));
        List<Document> pipeline = List.of(new Document("$match", match), new Document("$project", fields), new Document("$project", project), new Document("$facet", facet));
        Map<String, Map<String, Map<String, Long>>> counts = new HashMap<>();
        for (Document result : mongo.getCollection(Member.COLLECTION).aggregate(pipeline)) {
            DIMENSIONS.keySet().forEach(name -> result.getList(name, Document.class).forEach(group -> {
                Document id = group.get("_id", Document.class);
                counts.computeIfAbsent(id.getString("org"), o -> new HashMap<>())
                        .computeIfAbsent(name, d -> new TreeMap<>())
                        .merge(String.valueOf(id.get("key")), ((Number) group.get("n")).longValue(), Long::sum);
            }));
        }
        return counts;
    }

    /** Admitted as probationary members (development step 17) within the year, by organization. */
    private Map<String, Long> developed(List<String> subtree, LocalDate from, LocalDate asOf) {
        return countByOrg(Member.COLLECTION, new Document("orgId", new Document("$in", subtree))
                .append("admissionDate", range(from, asOf)), "$orgId");
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

    private Map<String, Long> countByOrg(String collection, Document match, String orgField) {
        List<Document> pipeline = List.of(new Document("$match", match),
                new Document("$group", new Document("_id", orgField).append("n", new Document("$sum", 1))));
        Map<String, Long> result = new HashMap<>();
        for (Document group : mongo.getCollection(collection).aggregate(pipeline)) {
            result.put(String.valueOf(group.get("_id")), ((Number) group.get("n")).longValue());
        }
        return result;
    }

    private static Document range(LocalDate from, LocalDate to) {
        return new Document("$gte", from.toString()).append("$lte", to.toString());
    }

    /** The band of a date field as nested $cond over the thresholds, first match wins. */
    private static Object bands(String field, List<Bands.Threshold> thresholds, String otherwise) {
        Object expression = otherwise;
        for (int i = thresholds.size() - 1; i >= 0; i--) {
            Bands.Threshold t = thresholds.get(i);
            expression = new Document("$cond", List.of(new Document("$gt", List.of(field, t.after().toString())), t.label(),
                    expression));
        }
        return expression;
    }

    private static Document ifNull(Object value, Object otherwise) {
        return new Document("$ifNull", List.of(value, otherwise));
    }

}
