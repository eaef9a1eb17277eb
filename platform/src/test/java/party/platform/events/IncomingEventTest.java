package party.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class IncomingEventTest {

    private static ConsumerRecord<String, String> record(String value, boolean headers) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("party.member", 0, 7, "key", value);
        if (headers) {
            record.headers().add(CloudEvents.ID, "e-1".getBytes());
            record.headers().add(CloudEvents.TYPE, "party.member.registered.v1".getBytes());
            record.headers().add(CloudEvents.SUBJECT, "m-1".getBytes());
        }
        return record;
    }

    @Test
    void aWellFormedEventIsRead() {
        IncomingEvent event = IncomingEvent.from(record("{\"memberId\":\"m-1\",\"version\":2}", true));
        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.subject()).isEqualTo("m-1");
        assertThat(event.text("memberId")).isEqualTo("m-1");
        assertThat(event.number("version")).isEqualTo(2);
    }

    @Test
    void malformedRecordsArePoison() {
        assertThatThrownBy(() -> IncomingEvent.from(record("{}", false))).isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> IncomingEvent.from(record("not json", true))).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("party.member-0@7");
        assertThatThrownBy(() -> IncomingEvent.from(record("[1,2]", true))).isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> IncomingEvent.from(record(null, true))).isInstanceOf(PoisonEventException.class);
        IncomingEvent event = IncomingEvent.from(record("{\"version\":\"two\"}", true));
        assertThatThrownBy(() -> event.number("version")).isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> event.text("memberId")).isInstanceOf(PoisonEventException.class);
    }
}
