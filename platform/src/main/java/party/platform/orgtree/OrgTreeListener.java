package party.platform.orgtree;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import party.platform.events.EventsConfiguration;
import party.platform.events.IncomingEvent;
import party.platform.events.Inbox;

/** Keeps the org-tree projection from {@code party.organization}. */
public class OrgTreeListener {

    static final String TOPIC = "party.organization";
    /**
     * The events that carry an organization's snapshot. Other events on the topic (meetings,
     * inspections, ...) are about other aggregates and are not the tree's business.
     */
    static final java.util.Set<String> TREE_EVENTS = java.util.Set.of("party.organization.created.v1",
            "party.organization.updated.v1", "party.organization.moved.v1", "party.organization.dissolved.v1");

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
        if (TREE_EVENTS.contains(event.type())) {
            inbox.handle("org-tree", event, () -> tree.apply(event));
        }
    }
}
