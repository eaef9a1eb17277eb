package party.member.care;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import party.member.contracts.ContractFiles;
import tools.jackson.databind.node.ObjectNode;

/** contracts/party.member.care-visit-recorded.v1: the example fits, and the schema rejects what it must. */
class CareVisitRecordedContractTest {

    private static final String TYPE = CareVisitRecorded.TYPE;

    @Test
    void theExampleFitsAndUnknownFieldsAreAllowed() {
        assertThat(ContractFiles.validate(TYPE, ContractFiles.example(TYPE))).isEmpty();
        ObjectNode later = (ObjectNode) ContractFiles.example(TYPE);
        later.put("addedLater", "x");
        assertThat(ContractFiles.validate(TYPE, later)).isEmpty();
    }

    @Test
    void missingFieldsInexactAmountsAndUnknownReasonsAreRejected() {
        ObjectNode missing = (ObjectNode) ContractFiles.example(TYPE);
        missing.remove("amount");
        assertThat(ContractFiles.validate(TYPE, missing)).isNotEmpty();
        for (String amount : new String[] {"500", "500.0", "-1.00", "1e3", "0500.00"}) {
            ObjectNode bad = (ObjectNode) ContractFiles.example(TYPE);
            bad.put("amount", amount);
            assertThat(ContractFiles.validate(TYPE, bad)).as(amount).isNotEmpty();
        }
        ObjectNode numeric = (ObjectNode) ContractFiles.example(TYPE);
        numeric.put("amount", 500.00);
        assertThat(ContractFiles.validate(TYPE, numeric)).isNotEmpty();
        ObjectNode reason = (ObjectNode) ContractFiles.example(TYPE);
        reason.put("reason", "BIRTHDAY");
        assertThat(ContractFiles.validate(TYPE, reason)).isNotEmpty();
        ObjectNode date = (ObjectNode) ContractFiles.example(TYPE);
        date.put("date", "2026-02-30");
        assertThat(ContractFiles.validate(TYPE, date)).isNotEmpty();
    }
}
