package party.member.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import party.platform.test.TestContracts;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The transfer events' examples fit their schemas, and the schemas reject what they must. */
class TransferContractExamplesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static ObjectNode example(String type) {
        return (ObjectNode) JSON.readTree(TestContracts.example(type));
    }

    @ParameterizedTest
    @ValueSource(strings = {TransferEvents.ISSUED, TransferEvents.REJECTED, TransferEvents.REVOKED, TransferEvents.TRANSFERRED})
    void examplesFitAndMissingVersionOrUnknownScopeDoNot(String type) {
        assertThat(TestContracts.violations(type, TestContracts.example(type))).isEmpty();
        ObjectNode missing = example(type);
        missing.remove("version");
        assertThat(TestContracts.violations(type, missing.toString())).isNotEmpty();
        ObjectNode badScope = example(type);
        badScope.put("scope", "ANYWHERE");
        assertThat(TestContracts.violations(type, badScope.toString())).isNotEmpty();
    }

    @Test
    void transferredOutOfTheSystemHasNoBranch() {
        ObjectNode out = example(TransferEvents.TRANSFERRED);
        out.putNull("orgId");
        out.put("status", "TRANSFERRED_OUT");
        out.put("scope", "OUT_OF_SYSTEM");
        assertThat(TestContracts.violations(TransferEvents.TRANSFERRED, out.toString())).isEmpty();
    }
}
