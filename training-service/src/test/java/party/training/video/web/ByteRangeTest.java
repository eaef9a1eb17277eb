package party.training.video.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void theFormsOfOneRange() {
        assertThat(ByteRange.parse("bytes=0-99", 1000)).isEqualTo(new ByteRange(0, 99));
        assertThat(ByteRange.parse("bytes=900-", 1000)).isEqualTo(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=-100", 1000)).isEqualTo(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=-5000", 1000)).isEqualTo(new ByteRange(0, 999));
        assertThat(ByteRange.parse("bytes=500-5000", 1000)).isEqualTo(new ByteRange(500, 999));
        assertThat(ByteRange.parse("bytes=500-5000", 1000).length()).isEqualTo(500);
    }

    @Test
    void whatIsNotUnderstoodSendsTheWholeFile() {
        assertThat(ByteRange.parse(null, 1000)).isNull();
        assertThat(ByteRange.parse("items=0-1", 1000)).isNull();
        assertThat(ByteRange.parse("bytes=0-1,5-6", 1000)).isNull();
        assertThat(ByteRange.parse("bytes=x-y", 1000)).isNull();
        assertThat(ByteRange.parse("bytes=9-3", 1000)).isNull();
    }

    @Test
    void aRangeBeyondTheFileIsUnsatisfiable() {
        assertThatThrownBy(() -> ByteRange.parse("bytes=1000-", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=-0", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }
}
