package party.member.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import party.platform.test.TestContracts;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The development events' examples fit their schemas, and the schemas reject what they must. */
class DevelopmentContractExamplesTest {

    static final String STEP = "party.member.development-step-recorded.v1";
    static final String STATUS = "party.member.status-changed.v1";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static ObjectNode example(String type) throws Exception {
        return (ObjectNode) JSON.readTree(Files.readString(TestContracts.folder().resolve(type + ".example.json")));
    }

    @Test
    void theExamplesFitTheirSchemas() throws Exception {
        assertThat(TestContracts.violations(STEP, example(STEP).toString())).isEmpty();
        assertThat(TestContracts.violations(STATUS, example(STATUS).toString())).isEmpty();
        String quota = "party.member.development-quota-set.v1";
        assertThat(TestContracts.violations(quota, example(quota).toString())).isEmpty();
    }

    @Test
    void anApplicantEntersWithNoPreviousStatus() throws Exception {
        ObjectNode entered = example(STATUS);
        entered.putNull("from");
        entered.put("to", "APPLICANT");
        assertThat(TestContracts.violations(STATUS, entered.toString())).isEmpty();
    }

    @Test
    void missingFieldsAndStepsOutOfRangeAreRejected() throws Exception {
        for (String field : new String[] {"recordId", "memberId", "orgId", "step", "date", "version"}) {
            ObjectNode missing = example(STEP);
            missing.remove(field);
            assertThat(TestContracts.violations(STEP, missing.toString())).as(field).isNotEmpty();
        }
        ObjectNode step26 = example(STEP);
        step26.put("step", 26);
        assertThat(TestContracts.violations(STEP, step26.toString())).isNotEmpty();
        for (String field : new String[] {"memberId", "orgId", "from", "to", "effectiveDate", "at", "version"}) {
            ObjectNode missing = example(STATUS);
            missing.remove(field);
            assertThat(TestContracts.violations(STATUS, missing.toString())).as(field).isNotEmpty();
        }
    }
}
