package party.platform.orgtree;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import party.platform.events.EventsConfiguration;
import party.platform.events.IncomingEvent;

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
    public OrgTreeListener(OrgTree tree) {
        this.tree = tree;
    }

    @KafkaListener(id = "${spring.application.name}-org-tree", topics = TOPIC,
            containerFactory = EventsConfiguration.LISTENER_FACTORY, concurrency = "${party.org-tree.concurrency:2}")
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (TREE_EVENTS.contains(event.type())) {
            // No inbox round trips: the version guard alone makes a redelivery change nothing.
            party.platform.events.TraceContext.within(event.traceparent(), () -> tree.apply(event));
        }
    }
}
