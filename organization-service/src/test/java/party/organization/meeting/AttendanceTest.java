package party.organization.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import party.platform.web.ApiException;

class AttendanceTest {

    private static final List<String> EXPECTED = List.of("a", "b", "c", "d");
    private static final Set<String> FULL = Set.of("a", "b", "c");

    @Test
    void everyExpectedAttendeeIsAccountedForExactlyOnce() {
        Attendance attendance = Attendance.check(EXPECTED, FULL, List.of("a", "d"),
                List.of(new Absence("b", "出差"), new Absence("c", "病假")));
        assertThat(attendance.absentIds()).containsExactly("b", "c");

        assertThatThrownBy(() -> Attendance.check(EXPECTED, FULL, List.of("a", "b"), List.of(new Absence("c", "病假"))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.slug()).isEqualTo("meeting-attendance-mismatch");
                    assertThat(e.properties().get("unaccounted")).isEqualTo(List.of("d"));
                    assertThat(e.properties().get("notExpected")).isEqualTo(List.of());
                });
        assertThatThrownBy(() -> Attendance.check(EXPECTED, FULL, List.of("a", "b", "c", "d", "x"), List.of()))
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.properties().get("notExpected")).isEqualTo(List.of("x")));
        assertThatThrownBy(() -> Attendance.check(EXPECTED, FULL, List.of("a", "b", "c", "d"), List.of(new Absence("a", "?"))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.slug()).isEqualTo("meeting-attendance-overlap"));
        assertThatThrownBy(() -> Attendance.check(EXPECTED, FULL, List.of("a", "a", "b", "c", "d"), List.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.slug()).isEqualTo("meeting-attendance-overlap"));
        assertThatThrownBy(() -> Attendance.check(List.of("a"), FULL, List.of(), List.of(new Absence("a", "病假"))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.slug()).isEqualTo("meeting-nobody-present"));
    }

    @Test
    void aMajorityIsMoreThanHalf() {
        assertThat(Attendance.check(EXPECTED, FULL, List.of("a", "b", "c"), List.of(new Absence("d", "x")))
                .majorityPresent()).isTrue();
        assertThat(Attendance.check(EXPECTED, FULL, List.of("a", "b"), List.of(new Absence("c", "x"), new Absence("d", "x")))
                .majorityPresent()).isFalse();
        List<String> three = List.of("a", "b", "c");
        assertThat(Attendance.check(three, FULL, List.of("a", "b"), List.of(new Absence("c", "x"))).majorityPresent()).isTrue();
    }

    @Test
    void theQuorumCountsFullMembersAgainstAllFullMembersExpected() {
        // Three full members expected; two of them present: quorum, even though a probationary member is absent.
        assertThat(Attendance.check(EXPECTED, FULL, List.of("a", "b"), List.of(new Absence("c", "x"), new Absence("d", "x")))
                .fullMemberQuorum()).isTrue();
        // One full and the probationary member present: 1 of 3 full members, no quorum.
        Attendance thin = Attendance.check(EXPECTED, FULL, List.of("a", "d"), List.of(new Absence("b", "x"), new Absence("c", "x")));
        assertThat(thin.fullMembersPresent()).isEqualTo(1);
        assertThat(thin.fullMemberQuorum()).isFalse();
        // Exactly half is not more than half.
        Attendance half = Attendance.check(List.of("a", "b"), Set.of("a", "b"), List.of("a"), List.of(new Absence("b", "x")));
        assertThat(half.fullMemberQuorum()).isFalse();
        // Full members outside the expected list do not count.
        assertThat(Attendance.check(List.of("d"), FULL, List.of("d"), List.of()).fullMembers()).isEmpty();
    }
}
