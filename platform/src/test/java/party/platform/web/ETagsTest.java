package party.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ETagsTest {

    @Test
    void theCurrentVersionPassesInStrongWeakOrWildcardForm() {
        ETags.require("\"3\"", 3L);
        ETags.require("W/\"3\"", 3L);
        ETags.require("*", 3L);
        assertThat(ETags.of(null)).isEqualTo("\"0\"");
    }

    @Test
    void aStaleVersionIs412AndAMissingOne428() {
        assertThatThrownBy(() -> ETags.require("\"2\"", 3L))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED));
        assertThatThrownBy(() -> ETags.require(null, 3L))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED));
    }

    @Test
    void pagesAreCappedAndNegativeNumbersRefused() {
        var paging = new party.platform.PlatformProperties.Paging(20, 100);
        assertThat(PageRequest.of(null, null, paging)).isEqualTo(new PageRequest(0, 20));
        assertThat(PageRequest.of(2, 1000, paging)).isEqualTo(new PageRequest(2, 100));
        assertThatThrownBy(() -> PageRequest.of(-1, 10, paging)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PageRequest.of(0, 0, paging)).isInstanceOf(ApiException.class);
    }
}
