package party.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TraceparentTest {

    @Test
    void acceptsWellFormedValues() {
        assertThat(Traceparent.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isTrue();
        assertThat(Traceparent.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")).isTrue();
        // A future version may append fields.
        assertThat(Traceparent.isValid("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra")).isTrue();
    }

    @Test
    void rejectsMalformedValues() {
        List<String> invalid = List.of(
                "",
                "garbage",
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra");
        assertThat(invalid).noneMatch(Traceparent::isValid);
        assertThat(Traceparent.isValid(null)).isFalse();
    }

    @Test
    void generatesValidSampledRootsThatDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String value = Traceparent.generate();
            assertThat(value).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            assertThat(Traceparent.isValid(value)).isTrue();
            seen.add(value.substring(3, 35));
        }
        assertThat(seen).hasSize(100);
    }

    @Test
    void keepsOnlySaneRequestIds() {
        assertThat(RequestCorrelationWebFilter.saneRequestId(List.of("abc-123_X.y:z"))).isEqualTo("abc-123_X.y:z");
        assertThat(RequestCorrelationWebFilter.saneRequestId(List.of("evil\r\nSet-Cookie: x"))).isNotEqualTo("evil\r\nSet-Cookie: x");
        assertThat(RequestCorrelationWebFilter.saneRequestId(List.of("x".repeat(129)))).hasSize(36);
        assertThat(RequestCorrelationWebFilter.saneRequestId(List.of("a", "b"))).hasSize(36);
        assertThat(RequestCorrelationWebFilter.saneRequestId(null)).hasSize(36);
    }
}
