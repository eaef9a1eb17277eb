package party.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import party.standalone.demo.DemoData;
import party.standalone.demo.NationalIds;

class NationalIdsTest {

    @Test
    void computesTheGb11643CheckCharacter() {
        // The standard's own example.
        assertThat(NationalIds.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(NationalIds.isValid("11010519491231002X")).isTrue();
        assertThat(NationalIds.isValid("110105194912310021")).isFalse();
        assertThat(NationalIds.of("110105", LocalDate.of(1949, 12, 31), 2)).isEqualTo("11010519491231002X");
    }

    @Test
    void findsANumberEndingInXWithTheSameSex() {
        String id = NationalIds.endingInX("140109", LocalDate.of(1988, 8, 8), 41);
        assertThat(id).endsWith("X").startsWith("14010919880808");
        assertThat(Integer.parseInt(id.substring(14, 17)) % 2).isEqualTo(1);
        assertThat(NationalIds.isValid(id)).isTrue();
    }

    @Test
    void demoMembersHaveValidDistinctIdsMatchingTheirBirthAndSex() {
        List<DemoData.Member> members = DemoData.members();
        assertThat(members).hasSizeGreaterThanOrEqualTo(10);
        assertThat(members).allSatisfy(m -> {
            assertThat(NationalIds.isValid(m.nationalId())).as(m.nationalId()).isTrue();
            assertThat(m.nationalId().substring(6, 14)).isEqualTo(m.birthDate().toString().replace("-", ""));
            int sequence = Integer.parseInt(m.nationalId().substring(14, 17));
            assertThat(sequence % 2 == 1 ? "MALE" : "FEMALE").isEqualTo(m.gender());
            assertThat(m.joinedAt()).isAfter(m.birthDate().plusYears(18));
        });
        assertThat(members.stream().map(DemoData.Member::nationalId).distinct()).hasSize(members.size());
        assertThat(members.stream().filter(m -> m.nationalId().endsWith("X"))).hasSize(1);
        assertThat(members.stream().map(DemoData.Member::status).distinct()).containsExactlyInAnyOrder("FULL", "PROBATIONARY");
    }
}
