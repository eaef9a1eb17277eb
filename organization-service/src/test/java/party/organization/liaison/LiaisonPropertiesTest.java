package party.organization.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LiaisonPropertiesTest {

    @Test
    void theSeedsAreasByDefaultAndOtherIsAlwaysThere() {
        assertThat(new LiaisonProperties(null).problemCategories()).containsExactly("PARTY_BUILDING",
                "SAFETY_PRODUCTION", "MANAGEMENT", "REFORM_INNOVATION", "RISK_PREVENTION", "LIVELIHOOD", "OTHER");
        assertThat(new LiaisonProperties(List.of("TALENT", "ECOLOGY")).problemCategories())
                .containsExactly("TALENT", "ECOLOGY", "OTHER");
    }

    @Test
    void codesMustFitTheEventSchema() {
        assertThatThrownBy(() -> new LiaisonProperties(List.of("safety production")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
