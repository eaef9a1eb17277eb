package party.platform.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import party.platform.ids.TimeOrderedIds;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of every document that publishes events. The pending events live in the document itself,
 * so {@link AggregateStore#save} writes the change and its events in one single-document write
 * (the embedded MongoDB server has no transactions, and a real one would need a replica set).
 */
public abstract class Aggregate {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Id
    protected String id;

    @Version
    protected Long version;

    protected List<PendingEvent> pendingEvents = new ArrayList<>();

    public String getId() {
        return id;
    }

    /** Optimistic-concurrency version; also the {@code ETag} of the resource. */
    public Long getVersion() {
        return version;
    }

    public List<PendingEvent> getPendingEvents() {
        return pendingEvents;
    }

    /** The version the document will have once the current change is saved. */
    protected long nextVersion() {
        return version == null ? 0 : version + 1;
    }

    /** Records an event to publish once this aggregate is saved. */
    protected void raise(String type, Object data) {
        if (id == null) {
            id = TimeOrderedIds.next();
        }
        pendingEvents.add(new PendingEvent(TimeOrderedIds.next(), type, id, Instant.now(),
                JSON.writeValueAsString(data), TraceContext.current()));
    }
}
