package party.member.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import party.member.contracts.ContractFiles;
import party.platform.events.CloudEvents;
import party.platform.events.TraceContext;

/**
 * Producer side of contracts/party.member.registered.v1: what member-service actually puts on the
 * broker fits the schema, and carries the CloudEvents binary-mode headers and the caller's trace.
 */
class MemberRegisteredContractIT extends IntegrationTest {

    private static final String TYPE = "party.member.registered.v1";

    @Test
    void theRegisteredEventOnTheBrokerFitsItsContract() {
        Orgs orgs = orgs();
        String traceparent = TraceContext.generate();
        Response created = register(staff(orgs), registration(orgs.branchA()), "traceparent", traceparent);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();

        ConsumerRecord<String, String> record = awaitRegisteredEvent(id);

        assertThat(ContractFiles.validate(TYPE, ContractFiles.parse(record.value()))).isEmpty();
        assertThat(record.topic()).isEqualTo("party.member");
        assertThat(record.key()).isEqualTo(id);
        assertThat(header(record, CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEvents.TYPE)).isEqualTo(TYPE);
        assertThat(header(record, CloudEvents.SOURCE)).isEqualTo("/member-service");
        assertThat(header(record, CloudEvents.SUBJECT)).isEqualTo(id);
        assertThat(header(record, CloudEvents.ID)).isNotBlank().isNotEqualTo(id);
        assertThat(header(record, CloudEvents.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(Instant.parse(header(record, CloudEvents.TIME))).isCloseTo(Instant.now(), org.assertj.core.api.Assertions
                .within(1, ChronoUnit.MINUTES));
        assertThat(header(record, TraceContext.HEADER)).isEqualTo(traceparent);
    }
}
