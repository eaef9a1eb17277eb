package party.member.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The published examples fit their schemas, and the schemas reject what they must. */
class MemberContractExamplesTest {

    private static final String REGISTERED = "party.member.registered.v1";

    @Test
    void theExampleFitsTheSchema() {
        assertThat(ContractFiles.validate(REGISTERED, ContractFiles.example(REGISTERED))).isEmpty();
    }

    @Test
    void unknownFieldsAreAllowedForForwardCompatibility() {
        ObjectNode data = (ObjectNode) ContractFiles.example(REGISTERED);
        data.put("addedLater", "x");
        assertThat(ContractFiles.validate(REGISTERED, data)).isEmpty();
    }

    @Test
    void missingFieldsWrongFormatsAndUnknownStatusesAreRejected() {
        ObjectNode missing = (ObjectNode) ContractFiles.example(REGISTERED);
        missing.remove("orgId");
        assertThat(ContractFiles.validate(REGISTERED, missing)).isNotEmpty();

        ObjectNode badTime = (ObjectNode) ContractFiles.example(REGISTERED);
        badTime.put("registeredAt", "yesterday");
        assertThat(ContractFiles.validate(REGISTERED, badTime)).isNotEmpty();

        ObjectNode badStatus = (ObjectNode) ContractFiles.example(REGISTERED);
        badStatus.put("status", "APPLICANT");
        assertThat(ContractFiles.validate(REGISTERED, badStatus)).isNotEmpty();

        ObjectNode numericTime = (ObjectNode) ContractFiles.example(REGISTERED);
        numericTime.put("registeredAt", 1710728130.123);
        assertThat(ContractFiles.validate(REGISTERED, numericTime)).isNotEmpty();
    }
}
