package party.member.birthday;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import party.platform.web.PageRequest;

/**
 * Political birthdays (政治生日): the anniversaries of joining the Party, counted from the joining
 * date of {@link JoiningDates} (admission, never registration), for Party members only; members
 * without a joining date are counted in {@code membersWithoutJoiningDate} and left out.
 */
@Service
public class PoliticalBirthdayService {

    private final MongoTemplate mongo;
    private final OrgTree orgTree;

    PoliticalBirthdayService(MongoTemplate mongo, OrgTree orgTree) {
        this.mongo = mongo;
        this.orgTree = orgTree;
    }

    /** Members of the subtree of {@code orgId} (visible to the caller, else 404) whose anniversary falls in the period. */
    public PoliticalBirthdays find(String orgId, CalendarPeriod period, PageRequest page, CurrentUser user) {
        OrgNode org = orgTree.find(orgId).orElseThrow(
                () -> ApiException.notFound("not-found", OrgScope.resourceName("organization")));
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "organization");
        List<String> subtree = orgTree.subtreeIds(org.id());

        // ISO dates as strings: the month-day suffix narrows the read to the candidates in the database.
        String monthDays = String.join("|", period.anniversaryMonthDays());
        String pattern = "^\\d{4}-(" + monthDays + ")$";
        Query query = Query.query(new Criteria().andOperator(
                Criteria.where("orgId").in(subtree).and("status").in(JoiningDates.PARTY_MEMBERS),
                new Criteria().orOperator(Criteria.where("joinedAt").regex(pattern), Criteria.where("admissionDate").regex(pattern))));
        query.fields().include(JoiningDates.FIELDS);
        List<PoliticalBirthday> all = new ArrayList<>();
        for (Member member : mongo.find(query, Member.class)) {
            LocalDate joined = JoiningDates.joining(member);
            LocalDate standingSince = JoiningDates.standingSince(member);
            Anniversaries.within(joined, period.from(), period.to()).ifPresent(day -> all.add(
                    new PoliticalBirthday(member.getId(), member.getName(), member.getOrgId(), member.getStatus().name(),
                            joined, day, Anniversaries.completedYears(joined, day),
                            standingSince == null ? null : Anniversaries.completedYears(standingSince, day))));
        }
        all.sort(Comparator.comparing(PoliticalBirthday::anniversary).thenComparing(PoliticalBirthday::orgId)
                .thenComparing(PoliticalBirthday::name).thenComparing(PoliticalBirthday::memberId));

        Map<String, Long> counts = all.stream().collect(Collectors.groupingBy(PoliticalBirthday::orgId, TreeMap::new,
                Collectors.counting()));
        Map<String, OrgNode> nodes = mongo.find(Query.query(Criteria.where("_id").in(counts.keySet())), OrgNode.class)
                .stream().collect(Collectors.toMap(OrgNode::id, Function.identity()));
        List<PoliticalBirthdays.PerOrganization> byOrganization = counts.entrySet().stream()
                .map(e -> new PoliticalBirthdays.PerOrganization(e.getKey(),
                        nodes.containsKey(e.getKey()) ? nodes.get(e.getKey()).name() : null, e.getValue()))
                .toList();
        long withoutDate = mongo.count(Query.query(Criteria.where("orgId").in(subtree).and("status")
                .in(JoiningDates.PARTY_MEMBERS).and("joinedAt").is(null).and("admissionDate").is(null)), Member.class);

        int fromIndex = (int) Math.min(page.offset(), all.size());
        List<PoliticalBirthday> items = all.subList(fromIndex, Math.min(fromIndex + page.size(), all.size()));
        return new PoliticalBirthdays(org.id(), period.from(), period.to(), List.copyOf(items), page.page(), page.size(),
                all.size(), byOrganization, withoutDate);
    }
}
