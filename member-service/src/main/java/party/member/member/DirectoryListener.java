package party.member.member;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import party.platform.events.EventsConfiguration;
import party.platform.events.IncomingEvent;

/**
 * Keeps the {@link MemberDirectory} from the service's own {@code party.member} events: any event about a
 * member re-reads that member and sets its entry; a transfer also removes the entry from the branch
 * it left. Batches of events cost one read of their members and one write per organization.
 * Idempotent without an inbox, since every step sets state as read.
 */
@Component
class DirectoryListener {

    static final String CONSUMER = "member-service-directory";
    static final String TRANSFERRED = "party.member.transferred.v1";
    /** The events the Member aggregate raises; others (dues, visits, decisions) do not change an entry. */
    private static final Set<String> MEMBER_EVENTS = Set.of("party.member.registered.v1",
            "party.member.status-changed.v1", TRANSFERRED, "party.member.profile-updated.v1");

    private final MongoTemplate mongo;
    private final MemberDirectory directory;

    DirectoryListener(MongoTemplate mongo, MemberDirectory directory) {
        this.mongo = mongo;
        this.directory = directory;
    }

    @KafkaListener(id = CONSUMER, topics = "party.member", containerFactory = EventsConfiguration.BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, String>> records) {
        Set<String> memberIds = new LinkedHashSet<>();
        Map<String, String> leftOrg = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                IncomingEvent event = IncomingEvent.from(records.get(i));
                if (!MEMBER_EVENTS.contains(event.type())) {
                    continue;
                }
                var memberId = event.data().get("memberId");
                if (memberId == null || !memberId.isString()) {
                    continue;
                }
                memberIds.add(memberId.asString());
                var from = event.data().get("fromOrgId");
                if (TRANSFERRED.equals(event.type()) && from != null && from.isString()) {
                    leftOrg.put(memberId.asString(), from.asString());
                }
            } catch (RuntimeException poison) {
                // The records before it are applied and committed; this one goes to the DLT.
                apply(memberIds, leftOrg);
                throw new BatchListenerFailedException("unreadable member event: " + poison.getMessage(), poison, i);
            }
        }
        apply(memberIds, leftOrg);
    }

    private void apply(Set<String> memberIds, Map<String, String> leftOrg) {
        if (memberIds.isEmpty()) {
            return;
        }
        List<Member> members = mongo.find(Query.query(Criteria.where("_id").in(memberIds)), Member.class);
        directory.record(members);
        for (Member member : members) {
            String from = leftOrg.get(member.getId());
            if (from != null && !from.equals(member.getOrgId())) {
                directory.remove(from, member.getId());
            }
        }
    }
}
