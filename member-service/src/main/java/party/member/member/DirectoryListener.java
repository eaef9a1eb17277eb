package party.member.member;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import party.platform.events.EventsConfiguration;
import party.platform.events.IncomingEvent;

/**
 * Keeps the {@link MemberDirectory} from the service's own {@code party.member} events: any event about a
 * member re-reads that member and sets its entry; a transfer also removes the entry from the branch
 * it left. Idempotent without an inbox, since every step sets state as read.
 */
@Component
class DirectoryListener {

    static final String CONSUMER = "member-service-directory";
    static final String TRANSFERRED = "party.member.transferred.v1";
    /** The events the Member aggregate raises; others (dues, visits, decisions) do not change an entry. */
    private static final java.util.Set<String> MEMBER_EVENTS = java.util.Set.of("party.member.registered.v1",
            "party.member.status-changed.v1", TRANSFERRED, "party.member.profile-updated.v1");

    private final MongoTemplate mongo;
    private final MemberDirectory directory;

    DirectoryListener(MongoTemplate mongo, MemberDirectory directory) {
        this.mongo = mongo;
        this.directory = directory;
    }

    @KafkaListener(id = CONSUMER, topics = "party.member", containerFactory = EventsConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        var memberIdNode = event.data().get("memberId");
        if (!MEMBER_EVENTS.contains(event.type()) || memberIdNode == null || !memberIdNode.isString()) {
            return;
        }
        Member member = mongo.findById(memberIdNode.asString(), Member.class);
        if (member == null) {
            return;
        }
        if (TRANSFERRED.equals(event.type())) {
            var from = event.data().get("fromOrgId");
            if (from != null && from.isString() && !from.asString().equals(member.getOrgId())) {
                directory.remove(from.asString(), member.getId());
            }
        }
        directory.record(List.of(member));
    }
}
