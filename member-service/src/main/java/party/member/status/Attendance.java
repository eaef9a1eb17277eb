package party.member.status;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Per member, the months (Asia/Shanghai) in which they attended organizational life, from
 * {@code party.organization.meeting-held.v1}. One document per member and month
 * ({@code id = memberId|yyyy-MM}) holding the meeting ids: an upsert adding to a set, so a
 * redelivered event changes nothing.
 */
@Component
public class Attendance {

    static final String COLLECTION = "member_attendance";
    private static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");

    private final MongoTemplate mongo;

    Attendance(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static YearMonth monthOf(Instant heldAt) {
        return YearMonth.from(heldAt.atZone(CALENDAR));
    }

    void record(String meetingId, Instant heldAt, Collection<String> presentMemberIds) {
        String month = monthOf(heldAt).toString();
        for (String memberId : presentMemberIds) {
            mongo.upsert(Query.query(Criteria.where("_id").is(memberId + "|" + month)),
                    new Update().set("memberId", memberId).set("month", month).addToSet("meetingIds", meetingId),
                    COLLECTION);
        }
    }

    /** The months the member attended. */
    public Set<YearMonth> monthsAttended(String memberId) {
        Query query = Query.query(Criteria.where("memberId").is(memberId));
        query.fields().include("month");
        return mongo.find(query, org.bson.Document.class, COLLECTION).stream()
                .map(doc -> YearMonth.parse(doc.getString("month"))).collect(Collectors.toSet());
    }
}
