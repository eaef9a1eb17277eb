package party.member.intent;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import party.member.member.Member;
import party.platform.events.OutboxRelay;

/**
 * Notes on an intent document (a status decision, a development record) that the member change it
 * carries is applied, and releases the document's held events into its outbox, in one
 * single-document update: the note and the events go together or not at all. Not through the
 * aggregate: the note changes nothing a client decides on, so the document's version (its ETag, and
 * the version in its events) stays.
 *
 * <p>The member's events are published first, and waited for: a relay of the intent document
 * queued earlier (the relay thread busy, as under load) would otherwise find the released events
 * and send them ahead of the member's {@code status-changed}, and after a broker outage the sweep
 * would send the two collections in either order. Until the broker has taken the member's events
 * the intent stays PENDING, and its repair job notes it later.
 */
public final class IntentNotes {

    private static final Logger log = LoggerFactory.getLogger(IntentNotes.class);
    /** The relay's send timeout, and a little for what is queued before. */
    private static final Duration MEMBER_EVENTS_WAIT = Duration.ofSeconds(10);

    public static final String PENDING = "PENDING";
    public static final String APPLIED = "APPLIED";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final String collection;
    private final String stateField;
    private final String appliedAtField;

    /**
     * @param stateField     the (possibly dotted) field holding PENDING / APPLIED / FLAGGED
     * @param appliedAtField the field the note's time goes into
     */
    public IntentNotes(MongoTemplate mongo, OutboxRelay relay, String collection, String stateField, String appliedAtField) {
        this.mongo = mongo;
        this.relay = relay;
        this.collection = collection;
        this.stateField = stateField;
        this.appliedAtField = appliedAtField;
    }

    /**
     * Marks document {@code id} APPLIED if it is PENDING, once the member's events are published;
     * one already noted is left as it is.
     *
     * @return false if it stays PENDING: the broker did not take the member's events
     */
    public boolean applied(String id, String memberId, Instant at) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        Document current = mongo.findOne(byId, Document.class, collection);
        if (current == null || !pending(current)) {
            return true;
        }
        if (!relay.publishNow(Member.COLLECTION, memberId, MEMBER_EVENTS_WAIT)) {
            log.warn("{} {} stays {}: the events of member {} are not published yet; its repair job notes it later",
                    collection, id, PENDING, memberId);
            return false;
        }
        List<Document> held = current.getList("heldEvents", Document.class, List.of());
        Update note = new Update().set(stateField, APPLIED).set(appliedAtField, Date.from(at)).unset("heldEvents");
        if (!held.isEmpty()) {
            // addToSet: were two completions to race, an event still pending is not added twice.
            note.addToSet("pendingEvents").each(held.toArray());
        }
        // By _id alone (the embedded server would scan for a condition on the state as well); a
        // completion that lost the race is undone below.
        Document before = mongo.findAndModify(byId, note, Document.class, collection);
        if (before != null && !pending(before)) {
            // The other completion won between the read and the update and may have published the
            // events already: what this update added back is taken out again.
            Set<String> stillPending = before.getList("pendingEvents", Document.class, List.of()).stream()
                    .map(e -> e.getString("eventId")).collect(Collectors.toSet());
            List<String> readded = held.stream().map(e -> e.getString("eventId"))
                    .filter(e -> !stillPending.contains(e)).toList();
            if (!readded.isEmpty()) {
                mongo.updateFirst(byId, new Update().pull("pendingEvents",
                        new Document("eventId", new Document("$in", readded))), collection);
            }
            return true;
        }
        relay.publishSoon(collection, id);
        return true;
    }

    private boolean pending(Document doc) {
        Object value = doc;
        for (String part : stateField.split("\\.")) {
            value = value instanceof Document d ? d.get(part) : null;
        }
        return PENDING.equals(value);
    }
}
