package party.training.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import party.platform.test.TestContracts;
import party.platform.web.ApiException;
import party.training.support.Hours;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class HoursAndContractsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void hoursAreExactHundredths() {
        assertThat(Hours.centi(new BigDecimal("2.5"))).isEqualTo(250);
        assertThat(Hours.text(250)).isEqualTo("2.5");
        assertThat(Hours.text(3200)).isEqualTo("32");
        assertThat(Hours.text(0)).isEqualTo("0");
        assertThat(Hours.text(-150)).isEqualTo("-1.5");
        assertThatThrownBy(() -> Hours.centi(new BigDecimal("0.005"))).isInstanceOf(ApiException.class);
    }

    @Test
    void everyTrainingExampleFitsItsSchema() throws Exception {
        List<String> types;
        try (Stream<java.nio.file.Path> files = Files.list(TestContracts.folder())) {
            types = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("party.training.") && n.endsWith(".schema.json"))
                    .map(n -> n.substring(0, n.length() - ".schema.json".length())).toList();
        }
        assertThat(types).contains(CreditRecorded.TYPE, "party.training.plan-saved.v1", "party.training.session-held.v1");
        for (String type : types) {
            assertThat(TestContracts.violations(type, TestContracts.example(type))).as(type).isEmpty();
        }
    }

    @Test
    void theCreditContractAgreedWithAssessmentService() {
        String example = TestContracts.example(CreditRecorded.TYPE);
        assertThat(JSON.readTree(example).propertyNames()).containsExactlyInAnyOrder("entryId", "memberId", "orgId", "year",
                "hours", "source", "totalHours", "targetHours", "version");
        // What the producer writes fits: an adjustment may be negative, totals may not.
        String published = JSON.writeValueAsString(new CreditRecorded("e", "m", "o", 2026, Hours.text(-150), "ADJUSTMENT",
                Hours.text(1050), Hours.text(5600), 0));
        assertThat(TestContracts.violations(CreditRecorded.TYPE, published)).isEmpty();
        for (String[] bad : new String[][] {{"hours", "2.555"}, {"hours", "2,5"}, {"totalHours", "-1"}, {"source", "GIFT"}}) {
            ObjectNode node = (ObjectNode) JSON.readTree(example);
            node.put(bad[0], bad[1]);
            assertThat(TestContracts.violations(CreditRecorded.TYPE, node.toString())).as(bad[0] + "=" + bad[1]).isNotEmpty();
        }
        ObjectNode numeric = (ObjectNode) JSON.readTree(example);
        numeric.put("hours", 2.5);
        assertThat(TestContracts.violations(CreditRecorded.TYPE, numeric.toString())).isNotEmpty();
    }
}
