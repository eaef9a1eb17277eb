package party.organization.meeting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import party.platform.web.ApiException;

/**
 * Who was expected at a meeting and who came, checked against each other: every expected
 * attendee is accounted for exactly once (present, or absent with a reason) and nobody else is.
 *
 * @param expected the expected attendees (member ids), in roster order
 * @param fullMembers those of the expected who are full members (voting rights)
 * @param present member ids present
 * @param absent the absent with their reasons
 */
public record Attendance(List<String> expected, Set<String> fullMembers, List<String> present, List<Absence> absent) {

    /**
     * Checks the record of a meeting.
     *
     * @throws ApiException 422 {@code attendance-overlap} when someone is both present and absent
     *                      or listed twice, {@code attendance-mismatch} (with {@code unaccounted}
     *                      and {@code notExpected} ids) when the lists do not cover exactly the
     *                      expected attendees, {@code nobody-present} when nobody came
     */
    public static Attendance check(Collection<String> expected, Set<String> fullMembers, List<String> present,
                                   List<Absence> absent) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> twice = new ArrayList<>();
        present.forEach(id -> {
            if (!seen.add(id)) {
                twice.add(id);
            }
        });
        absent.forEach(a -> {
            if (!seen.add(a.memberId())) {
                twice.add(a.memberId());
            }
        });
        if (!twice.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "meeting-attendance-overlap",
                    Map.of("memberIds", List.copyOf(new LinkedHashSet<>(twice))));
        }
        List<String> unaccounted = expected.stream().filter(id -> !seen.contains(id)).toList();
        Set<String> expectedSet = Set.copyOf(expected);
        List<String> notExpected = seen.stream().filter(id -> !expectedSet.contains(id)).toList();
        if (!unaccounted.isEmpty() || !notExpected.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "meeting-attendance-mismatch",
                    Map.of("unaccounted", unaccounted, "notExpected", notExpected), unaccounted.size(), notExpected.size());
        }
        if (present.isEmpty()) {
            throw ApiException.unprocessable("meeting-nobody-present");
        }
        Set<String> full = new LinkedHashSet<>(fullMembers);
        full.retainAll(expectedSet);
        return new Attendance(List.copyOf(expected), Set.copyOf(full), List.copyOf(present), List.copyOf(absent));
    }

    /** More than half of the expected attendees present (a committee meeting's rule). */
    public boolean majorityPresent() {
        return present.size() * 2 > expected.size();
    }

    public long fullMembersPresent() {
        return present.stream().filter(fullMembers::contains).count();
    }

    /**
     * More than half of the members with voting rights present (a branch general meeting's rule):
     * counted against all full members expected, not those who came. No full members, no quorum.
     */
    public boolean fullMemberQuorum() {
        return fullMembersPresent() * 2 > fullMembers.size();
    }

    public List<String> absentIds() {
        return absent.stream().map(Absence::memberId).toList();
    }
}
