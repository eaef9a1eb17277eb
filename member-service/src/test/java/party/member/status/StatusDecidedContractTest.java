package party.member.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import party.member.contracts.ContractFiles;
import tools.jackson.databind.node.ObjectNode;

/** The published example of party.member.status-decided.v1 fits its schema, which rejects what it must. */
class StatusDecidedContractTest {

    private static final String DECIDED = "party.member.status-decided.v1";

    @Test
    void theExampleFitsAndUnknownFieldsAreAllowed() {
        assertThat(ContractFiles.validate(DECIDED, ContractFiles.example(DECIDED))).isEmpty();
        ObjectNode later = (ObjectNode) ContractFiles.example(DECIDED);
        later.put("addedLater", "x");
        assertThat(ContractFiles.validate(DECIDED, later)).isEmpty();
    }

    @Test
    void missingFieldsAndWrongFormatsAreRejected() {
        ObjectNode missing = (ObjectNode) ContractFiles.example(DECIDED);
        missing.remove("kind");
        assertThat(ContractFiles.validate(DECIDED, missing)).isNotEmpty();

        ObjectNode badDate = (ObjectNode) ContractFiles.example(DECIDED);
        badDate.put("date", "2026-03-20T00:00:00Z");
        assertThat(ContractFiles.validate(DECIDED, badDate)).isNotEmpty();

        ObjectNode badId = (ObjectNode) ContractFiles.example(DECIDED);
        badId.put("decisionId", "not-a-uuid");
        assertThat(ContractFiles.validate(DECIDED, badId)).isNotEmpty();
    }
}
