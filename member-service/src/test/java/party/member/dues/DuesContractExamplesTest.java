package party.member.dues;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import party.member.contracts.ContractFiles;
import tools.jackson.databind.node.ObjectNode;

/** The dues-paid and dues-billed examples fit their schemas, and the schemas reject what they must. */
class DuesContractExamplesTest {

    @Test
    void theExampleFitsTheSchemaAndWrongShapesDoNot() {
        String type = DuesPaid.TYPE;
        assertThat(ContractFiles.validate(type, ContractFiles.example(type))).isEmpty();

        ObjectNode floatAmount = (ObjectNode) ContractFiles.example(type);
        floatAmount.put("amount", 135.0);
        assertThat(ContractFiles.validate(type, floatAmount)).isNotEmpty();

        ObjectNode badMonth = (ObjectNode) ContractFiles.example(type);
        badMonth.putArray("months").add("2026-3");
        assertThat(ContractFiles.validate(type, badMonth)).isNotEmpty();

        ObjectNode missing = (ObjectNode) ContractFiles.example(type);
        missing.remove("memberId");
        assertThat(ContractFiles.validate(type, missing)).isNotEmpty();
    }

    @Test
    void theBilledExampleFitsTheSchemaAndWrongShapesDoNot() {
        String type = DuesBilled.TYPE;
        assertThat(ContractFiles.validate(type, ContractFiles.example(type))).isEmpty();

        ObjectNode floatAmount = (ObjectNode) ContractFiles.example(type);
        floatAmount.put("amount", 45.0);
        assertThat(ContractFiles.validate(type, floatAmount)).isNotEmpty();

        ObjectNode badMonth = (ObjectNode) ContractFiles.example(type);
        badMonth.put("month", "2026-2");
        assertThat(ContractFiles.validate(type, badMonth)).isNotEmpty();

        ObjectNode noMonthInId = (ObjectNode) ContractFiles.example(type);
        noMonthInId.put("billId", "3f9d2c1e-8b4a-4c6e-9f1d-2a7b5e0c4d18");
        assertThat(ContractFiles.validate(type, noMonthInId)).isNotEmpty();
    }
}
