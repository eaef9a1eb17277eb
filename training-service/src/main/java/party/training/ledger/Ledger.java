package party.training.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import party.platform.events.AggregateStore;
import party.platform.web.ApiException;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;
import party.training.roster.Roster;

/**
 * The credit-hour ledger: appends an entry per credit and keeps, per member and year, a running
 * total ({@code credit_totals}, id {@code memberId|year}) so progress is one read, never a sum.
 *
 * <p>Order of writes: the total first, guarded by the entry ids it already holds (an entry is
 * added to a total at most once), then the entry with the total after it and its event in one
 * write. A crash in between is healed by the retry (events are redelivered, requests retried):
 * the total is not counted again and the entry gets written.
 */
@Component
public class Ledger implements InitializingBean {

    static final String TOTALS = "credit_totals";

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Roster roster;
    private final Targets targets;
    private final Clock clock;

    Ledger(MongoTemplate mongo, AggregateStore store, Roster roster, Targets targets, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.roster = roster;
        this.targets = targets;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(CreditEntry.class).createIndex(new Index("memberId", Sort.Direction.ASC).on("year", Sort.Direction.ASC)
                .named("byMemberYear"));
        mongo.indexOps(CreditEntry.class).createIndex(new Index("orgId", Sort.Direction.ASC).on("year", Sort.Direction.ASC)
                .named("byOrgYear"));
    }

    /** Id of the entry of a credit key: stable, so a repeated credit finds the entry it made. */
    static String entryId(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Enters a credit once; entering the same credit again returns the entry made the first time. */
    public CreditEntry credit(Credit credit) {
        String id = entryId(credit.key());
        CreditEntry existing = mongo.findById(id, CreditEntry.class);
        if (existing != null) {
            return existing;
        }
        String orgId = roster.find(credit.memberId()).map(m -> m.orgId()).orElse(credit.fallbackOrgId());
        if (orgId == null) {
            throw ApiException.unprocessable("unknown-member", credit.memberId());
        }
        long target = targets.of(credit.memberId(), orgId, credit.year());
        long totalAfter = addToTotal(id, credit, orgId);
        try {
            return store.save(CreditEntry.record(id, credit, orgId, totalAfter, target, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        } catch (DuplicateKeyException concurrent) {
            return mongo.findById(id, CreditEntry.class);
        }
    }

    /** The member's total of the year, hundredths of an hour. */
    public long total(String memberId, int year) {
        Document doc = mongo.findById(totalId(memberId, year), Document.class, TOTALS);
        return doc == null ? 0 : doc.get("centiHours", Number.class).longValue();
    }

    /** The total document (hours and hours per source), or null. */
    Document totalDocument(String memberId, int year) {
        return mongo.findById(totalId(memberId, year), Document.class, TOTALS);
    }

    List<Document> totals(List<String> memberIds, int year) {
        return mongo.find(Query.query(Criteria.where("_id").in(memberIds.stream().map(id -> totalId(id, year)).toList())),
                Document.class, TOTALS);
    }

    PageResponse<CreditEntry> entries(String memberId, int year, PageRequest page) {
        Query query = Query.query(Criteria.where("memberId").is(memberId).and("year").is(year));
        long total = mongo.count(query, CreditEntry.class);
        List<CreditEntry> items = mongo.find(query.with(Sort.by(Sort.Order.desc("recordedAt"), Sort.Order.asc("_id")))
                .skip(page.offset()).limit(page.size()), CreditEntry.class);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    static String totalId(String memberId, int year) {
        return memberId + "|" + year;
    }

    private long addToTotal(String entryId, Credit credit, String orgId) {
        String id = totalId(credit.memberId(), credit.year());
        Query notYet = Query.query(Criteria.where("_id").is(id).and("entryIds").ne(entryId));
        Update add = new Update().inc("centiHours", credit.centiHours()).inc("bySource." + credit.source().name(), credit.centiHours())
                .push("entryIds", entryId).set("orgId", orgId).set("memberId", credit.memberId()).set("year", credit.year());
        Document after;
        try {
            after = mongo.findAndModify(notYet, add, FindAndModifyOptions.options().upsert(true).returnNew(true),
                    Document.class, TOTALS);
        } catch (DuplicateKeyException alreadyCounted) {
            after = mongo.findById(id, Document.class, TOTALS);
        }
        return after == null ? credit.centiHours() : after.get("centiHours", Number.class).longValue();
    }
}
