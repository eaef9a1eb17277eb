package party.member.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import party.member.contracts.ContractFiles;
import party.platform.test.TestContracts;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** contracts/party.member.profile-updated.v1: the example and what the aggregate raises fit; the schema rejects what it must. */
class ProfileUpdatedContractTest {

    private static final String TYPE = ProfileUpdated.TYPE;

    @Test
    void theExampleAndTheProducedPayloadFit() {
        assertThat(ContractFiles.validate(TYPE, ContractFiles.example(TYPE))).isEmpty();
        String produced = JsonMapper.builder().build().writeValueAsString(new ProfileUpdated(
                "3f9d2c1e-8b4a-4c6e-9f1d-2a7b5e0c4d18", "branch-1", Member.PROFILE_FIELDS, 7));
        assertThat(TestContracts.violations(TYPE, produced)).as(produced).isEmpty();
        ObjectNode later = (ObjectNode) ContractFiles.example(TYPE);
        later.put("addedLater", "x");
        assertThat(ContractFiles.validate(TYPE, later)).isEmpty();
    }

    @Test
    void missingFieldsNoChangeAndValuesInsteadOfNamesAreRejected() {
        ObjectNode missing = (ObjectNode) ContractFiles.example(TYPE);
        missing.remove("changed");
        assertThat(ContractFiles.validate(TYPE, missing)).isNotEmpty();
        ObjectNode empty = (ObjectNode) ContractFiles.example(TYPE);
        empty.putArray("changed");
        assertThat(ContractFiles.validate(TYPE, empty)).isNotEmpty();
        for (String value : List.of("13912340000", "汉族", "work unit")) {
            ObjectNode withValue = (ObjectNode) ContractFiles.example(TYPE);
            withValue.putArray("changed").add(value);
            assertThat(ContractFiles.validate(TYPE, withValue)).as(value).isNotEmpty();
        }
        ObjectNode badId = (ObjectNode) ContractFiles.example(TYPE);
        badId.put("memberId", "member-1");
        assertThat(ContractFiles.validate(TYPE, badId)).isNotEmpty();
    }
}
