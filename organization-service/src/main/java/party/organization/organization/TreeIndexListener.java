package party.organization.organization;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import party.platform.events.EventsConfiguration;
import party.platform.events.IncomingEvent;
import party.platform.events.PoisonEventException;

/**
 * Keeps this instance's {@link TreeIndex} up with the tree changes written by every instance.
 * Its consumer group is its own (a fresh id per instance), so each instance reads every event;
 * on assignment it rewinds to shortly before the index was loaded, so nothing written during
 * the start is missed.
 */
@Component
class TreeIndexListener implements ConsumerSeekAware, SmartInitializingSingleton {

    private static final long REWIND_MILLIS = 30_000;

    private final TreeIndex index;

    TreeIndexListener(TreeIndex index) {
        this.index = index;
    }

    @Override
    public void afterSingletonsInstantiated() {
        index.load();
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToTimestamp(assignments.keySet(), index.loadedAt() - REWIND_MILLIS);
    }

    @KafkaListener(id = "organization-service-tree-index",
            groupId = "organization-service-tree-index-#{T(java.util.UUID).randomUUID()}",
            topics = "party.organization", containerFactory = EventsConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!Organization.TREE_EVENTS.contains(event.type())) {
            return;
        }
        Snapshot snapshot = event.as(Snapshot.class);
        if (snapshot.id() == null || snapshot.version() == null || snapshot.status() == null) {
            throw new PoisonEventException(event.type() + " " + event.id() + " lacks id, status or version");
        }
        index.apply(new TreeIndex.Node(snapshot.id(), snapshot.parentId(),
                snapshot.ancestors() == null ? List.of() : snapshot.ancestors(), snapshot.code(),
                Organization.Status.valueOf(snapshot.status()), snapshot.version()));
    }

    /** The fields of a tree event the index reads. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Snapshot(String id, String parentId, List<String> ancestors, String code, String status, Long version) {
    }
}
