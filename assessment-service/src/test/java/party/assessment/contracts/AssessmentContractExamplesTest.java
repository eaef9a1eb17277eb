package party.assessment.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import party.platform.test.TestContracts;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every party.assessment event type has a schema and an example that fits it; the schemas reject what they must. */
class AssessmentContractExamplesTest {

    static final List<String> TYPES = List.of("template-published", "scores-recorded", "period-closed", "rectification-opened",
            "rectification-status-changed", "self-evaluation-submitted", "grade-determined", "secretary-report-submitted",
            "secretary-review-concluded");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyTypeHasASchemaAndAFittingExample() throws IOException {
        try (Stream<Path> files = Files.list(TestContracts.folder())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("party.assessment.") && n.endsWith(".schema.json")))
                    .hasSize(TYPES.size());
        }
        for (String name : TYPES) {
            String type = "party.assessment." + name + ".v1";
            assertThat(TestContracts.violations(type, TestContracts.example(type))).as(type).isEmpty();
            ObjectNode missing = (ObjectNode) JSON.readTree(TestContracts.example(type));
            missing.remove("version");
            assertThat(TestContracts.violations(type, JSON.writeValueAsString(missing))).as(type + " without version").isNotEmpty();
        }
    }

    @Test
    void gradesAndScoresAreConstrained() {
        String type = "party.assessment.grade-determined.v1";
        ObjectNode grade = (ObjectNode) JSON.readTree(TestContracts.example(type));
        grade.put("grade", "EXCELLENT");
        assertThat(TestContracts.violations(type, JSON.writeValueAsString(grade))).isNotEmpty();
        ObjectNode rate = (ObjectNode) JSON.readTree(TestContracts.example(type));
        rate.put("satisfactionRate", "1.5");
        assertThat(TestContracts.violations(type, JSON.writeValueAsString(rate))).isNotEmpty();
        String closed = "party.assessment.period-closed.v1";
        ObjectNode score = (ObjectNode) JSON.readTree(TestContracts.example(closed));
        score.put("totalScore", 96.8);
        assertThat(TestContracts.violations(closed, JSON.writeValueAsString(score))).isNotEmpty();
    }
}
