package party.assessment.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import party.platform.web.ApiException;

class PeriodTest {

    @Test
    void parsesMonthsQuartersAndYears() {
        assertThat(Period.parse("2026-03").monthList()).containsExactly(YearMonth.of(2026, 3));
        Period q = Period.parse("2026-Q4");
        assertThat(q.first()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(q.last()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(q.label()).isEqualTo("2026-Q4");
        assertThat(Period.parse("2025").split(3)).extracting(Period::label).containsExactly("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4");
        assertThat(Period.parse("2026-Q1").split(12)).isEmpty();
        assertThat(Period.containing(YearMonth.of(2026, 8), 3).label()).isEqualTo("2026-Q3");
        for (String bad : new String[] {"2026-13", "2026-Q5", "26-01", "2026-1", "", "2026Q1"}) {
            assertThatThrownBy(() -> Period.parse(bad)).isInstanceOf(ApiException.class);
        }
    }
}
