package party.member.dues;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import party.member.contracts.ContractFiles;
import tools.jackson.databind.node.ObjectNode;

/** The dues-paid example fits its schema, and the schema rejects what it must. */
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
}
