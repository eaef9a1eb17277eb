package party.member.dues;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.member.member.Member;

/**
 * Which months a member has not paid, for rules built on dues (e.g. "six consecutive months without
 * paying and without attending organizational life", which also needs meeting attendance). No scope
 * check: callers are other services' code in this module, which check their own scope.
 */
@Service
public class UnpaidMonths {

    private final MongoTemplate mongo;

    UnpaidMonths(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Months from the first month the member owes ({@link DuesService#owesFrom}) up to {@code asOf},
     * both inclusive, that no payment settled, oldest first. Whether the month was billed does not
     * matter: a month owed and not paid is unpaid. Empty for an unknown member.
     */
    public List<YearMonth> unpaidMonths(String memberId, YearMonth asOf) {
        Member member = mongo.findById(memberId, Member.class);
        if (member == null) {
            return List.of();
        }
        Query paid = Query.query(Criteria.where("memberId").is(memberId).and("paymentId").ne(null));
        paid.fields().include("month");
        Set<String> paidMonths = mongo.find(paid, org.bson.Document.class, DuesBill.COLLECTION).stream()
                .map(doc -> doc.getString("month")).collect(Collectors.toSet());
        return DuesMonths.range(DuesService.owesFrom(member), asOf).stream()
                .filter(month -> !paidMonths.contains(month.toString())).toList();
    }

    /** The length of the run of unpaid months that ends at {@code asOf} (0 when asOf is paid). */
    public int consecutiveUnpaidUpTo(String memberId, YearMonth asOf) {
        List<YearMonth> unpaid = unpaidMonths(memberId, asOf);
        int run = 0;
        for (YearMonth month = asOf; unpaid.contains(month); month = month.minusMonths(1)) {
            run++;
        }
        return run;
    }
}
