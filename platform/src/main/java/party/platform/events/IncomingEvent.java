package party.platform.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consumed CloudEvent. Parsing fails with {@link PoisonEventException} when the record is not a
 * well-formed event, which sends it straight to the DLT instead of retrying it.
 *
 * @param id CloudEvents id, the dedupe key
 * @param type logical type, e.g. {@code party.member.registered.v1}
 * @param subject aggregate id
 * @param traceparent W3C trace context, may be null
 * @param data the JSON body
 */
public record IncomingEvent(String id, String type, String subject, String traceparent, JsonNode data) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEvents.ID);
        String type = header(record, CloudEvents.TYPE);
        if (id == null || type == null) {
            throw new PoisonEventException("record without ce_id or ce_type at " + where(record));
        }
        if (record.value() == null) {
            throw new PoisonEventException("record without a body at " + where(record));
        }
        JsonNode data;
        try {
            data = JSON.readTree(record.value());
        } catch (JacksonException e) {
            throw new PoisonEventException("body is not JSON at " + where(record) + ": " + e.getOriginalMessage());
        }
        if (data == null || !data.isObject()) {
            throw new PoisonEventException("body is not a JSON object at " + where(record));
        }
        return new IncomingEvent(id, type, header(record, CloudEvents.SUBJECT), header(record, TraceContext.HEADER), data);
    }

    /** A required text field of the body; a missing one makes the event poison. */
    public String text(String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull() || !node.isValueNode()) {
            throw new PoisonEventException(type + " " + id + " lacks field '" + field + "'");
        }
        return node.asString();
    }

    /** A required whole-number field of the body. */
    public long number(String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isIntegralNumber()) {
            throw new PoisonEventException(type + " " + id + " lacks number '" + field + "'");
        }
        return node.asLong();
    }

    /** Reads the body as a record of the consumer's own (it keeps only the fields it reads). */
    public <T> T as(Class<T> type) {
        try {
            return JSON.treeToValue(data, type);
        } catch (JacksonException e) {
            throw new PoisonEventException(this.type + " " + id + " does not fit " + type.getSimpleName() + ": "
                    + e.getOriginalMessage());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
