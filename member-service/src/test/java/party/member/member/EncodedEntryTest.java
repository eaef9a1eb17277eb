package party.member.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The in-place reader of stored directory entries agrees with the entry that was encoded. */
class EncodedEntryTest {

    private final DirectoryEntry full = new DirectoryEntry("m-1", "org-1", "王\u001F小", "FULL", "MALE", "1990-06-01",
            "2015-07-01", "2016-07-01", null, "汉族", "UNDERGRADUATE", null, 7);

    @Test
    void fieldsReadInPlaceAreTheEncodedOnes() {
        EncodedEntry e = new EncodedEntry().of(full.encode());

        assertThat(e.text(EncodedEntry.NAME)).isEqualTo("王 小");
        assertThat(e.text(EncodedEntry.STATUS)).isEqualTo("FULL");
        assertThat(e.is(EncodedEntry.STATUS, "FULL")).isTrue();
        assertThat(e.is(EncodedEntry.STATUS, "FUL")).isFalse();
        assertThat(e.is(EncodedEntry.STATUS, "FULLY")).isFalse();
        assertThat(e.text(EncodedEntry.GENDER)).isEqualTo("MALE");
        assertThat(e.text(EncodedEntry.ETHNICITY)).isEqualTo("汉族");
        assertThat(e.text(EncodedEntry.EDUCATION)).isEqualTo("UNDERGRADUATE");
        assertThat(e.absent(EncodedEntry.ADMISSION_DATE)).isTrue();
        assertThat(e.text(EncodedEntry.ADMISSION_DATE)).isNull();
        assertThat(e.absent(EncodedEntry.OCCUPATION)).isTrue();
        assertThat(e.text(EncodedEntry.FULL_MEMBERSHIP_DATE)).isEqualTo("2016-07-01");
    }

    @Test
    void datesCompareAsStringsDo() {
        EncodedEntry e = new EncodedEntry().of(full.encode());
        for (String other : new String[] {"1990-06-01", "1990-05-31", "1990-06-02", "1991-01-01", "1989-12-31", "1990", ""}) {
            assertThat(Integer.signum(e.compare(EncodedEntry.BIRTH_DATE, other)))
                    .as(other).isEqualTo(Integer.signum("1990-06-01".compareTo(other)));
        }
    }

    @Test
    void oneReaderServesEntryAfterEntry() {
        EncodedEntry e = new EncodedEntry();
        DirectoryEntry bare = new DirectoryEntry("m-2", "org-1", null, "PROBATIONARY", null, null, null, null, "2024-06-01",
                null, null, "WORKER", 0);
        e.of(full.encode());
        e.of(bare.encode());
        assertThat(e.text(EncodedEntry.STATUS)).isEqualTo("PROBATIONARY");
        assertThat(e.absent(EncodedEntry.NAME)).isTrue();
        assertThat(e.absent(EncodedEntry.BIRTH_DATE)).isTrue();
        assertThat(e.text(EncodedEntry.ADMISSION_DATE)).isEqualTo("2024-06-01");
        assertThat(e.text(EncodedEntry.OCCUPATION)).isEqualTo("WORKER");
        assertThatThrownBy(() -> e.of("too\u001Ffew")).isInstanceOf(IllegalArgumentException.class);
    }
}
