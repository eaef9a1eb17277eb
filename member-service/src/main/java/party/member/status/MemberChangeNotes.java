package party.member.status;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import party.platform.events.OutboxRelay;

/**
 * Notes on a status decision that the member change it makes is applied, and releases the
 * decision's held event into its outbox, in one single-document update: the note and the event go
 * together or not at all. Not through the aggregate: the note changes nothing a client decides
 * on, so the decision's version (its ETag, and the version in its event) stays.
 */
final class MemberChangeNotes {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    MemberChangeNotes(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** Marks decision {@code id} APPLIED if it is PENDING; a decision already noted is left as it is. */
    void applied(String id, Instant at) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        Document current = mongo.findOne(byId, Document.class, StatusDecision.COLLECTION);
        if (current == null || !StatusDecision.MemberChange.PENDING.name().equals(current.getString("memberChange"))) {
            return;
        }
        List<Document> held = current.getList("heldEvents", Document.class, List.of());
        Update note = new Update().set("memberChange", StatusDecision.MemberChange.APPLIED.name())
                .set("memberChangedAt", Date.from(at)).unset("heldEvents");
        if (!held.isEmpty()) {
            // addToSet: were two completions to race, an event still pending is not added twice.
            note.addToSet("pendingEvents").each(held.toArray());
        }
        Document before = mongo.findAndModify(byId, note, Document.class, StatusDecision.COLLECTION);
        if (before != null && !StatusDecision.MemberChange.PENDING.name().equals(before.getString("memberChange"))) {
            // The other completion won between the read and the update and may have published the
            // event already: what this update added back is taken out again.
            Set<String> stillPending = before.getList("pendingEvents", Document.class, List.of()).stream()
                    .map(e -> e.getString("eventId")).collect(Collectors.toSet());
            List<String> readded = held.stream().map(e -> e.getString("eventId"))
                    .filter(e -> !stillPending.contains(e)).toList();
            if (!readded.isEmpty()) {
                mongo.updateFirst(byId, new Update().pull("pendingEvents",
                        new Document("eventId", new Document("$in", readded))), StatusDecision.COLLECTION);
            }
            return;
        }
        relay.publishSoon(StatusDecision.COLLECTION, id);
    }
}
