package party.assessment.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The default template shipped as data: the seed's 6 aspects and 34 second-level indicators totalling 100. */
class DefaultTemplateTest {

    @Test
    void sixAspectsThirtyFourIndicatorsOneHundredPoints() {
        TemplateService.DefaultTemplate file = TemplateService.readDefault();
        TemplateContent content = new TemplateContent(file.name(), file.aspects(), file.bonusItems(), file.penaltyItems(), file.vetoItems());
        content.check();
        assertThat(content.aspects()).hasSize(6);
        assertThat(content.indicators()).hasSize(34);
        assertThat(content.totalMaxScore()).isEqualByComparingTo(new BigDecimal("100"));
        // Every metric the service computes is used by exactly one automatic indicator.
        assertThat(content.indicators().stream().filter(i -> i.source() == Source.AUTOMATIC).map(TemplateContent.Indicator::metric))
                .containsExactlyInAnyOrder(Metric.values());
        assertThat(content.indicators()).allSatisfy(i -> assertThat(i.standard()).isNotBlank());
    }
}
