package party.platform.orgtree;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import party.platform.events.EventsConfiguration;
import party.platform.events.IncomingEvent;
import party.platform.events.Inbox;

/** Keeps the org-tree projection from {@code party.organization}. */
public class OrgTreeListener {

    static final String TOPIC = "party.organization";

    private final OrgTree tree;
    private final Inbox inbox;

    public OrgTreeListener(OrgTree tree, Inbox inbox) {
        this.tree = tree;
        this.inbox = inbox;
    }

    @KafkaListener(id = "${spring.application.name}-org-tree", topics = TOPIC,
            containerFactory = EventsConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (event.type().startsWith("party.organization.")) {
            inbox.handle("org-tree", event, () -> tree.apply(event));
        }
    }
}
