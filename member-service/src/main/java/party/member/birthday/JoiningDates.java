package party.member.birthday;

import java.time.LocalDate;
import java.util.List;
import party.member.member.Member;
import party.member.member.MemberStatus;

/**
 * Which of a member's dates the care lists and political birthdays count from, in one place.
 * <ul>
 *   <li>Joining (入党, the political birthday): {@code joinedAt}, which the registry sets to the
 *       admission date (the branch general meeting's acceptance as probationary member), else
 *       {@code admissionDate}. The registration date is never used: it is when the record was
 *       entered, not a Party date.</li>
 *   <li>Party standing (党龄), full members only: from {@code fullMembershipDate}; members registered
 *       without one (the registry's registration does not ask for it) count from the joining date,
 *       which over-counts by the probation, normally one year. Probationary members have none.</li>
 * </ul>
 * Only Party members count: FULL and PROBATIONARY; applicants, activists, candidates, cancelled
 * probations (and any later status such as left or deceased) are left out.
 */
public final class JoiningDates {

    /** The statuses of Party members. */
    public static final List<MemberStatus> PARTY_MEMBERS = List.of(MemberStatus.FULL, MemberStatus.PROBATIONARY);

    /** The member fields these rules read, for projections. */
    public static final String[] FIELDS = {"name", "orgId", "status", "birthDate", "joinedAt", "admissionDate",
        "fullMembershipDate"};

    private JoiningDates() {
    }

    public static boolean isPartyMember(Member member) {
        return PARTY_MEMBERS.contains(member.getStatus());
    }

    /** The joining date, or null when the registry has none. */
    public static LocalDate joining(Member member) {
        return member.getJoinedAt() != null ? member.getJoinedAt() : member.getAdmissionDate();
    }

    /** The date Party standing counts from, or null for a non-full member or without any date. */
    public static LocalDate standingSince(Member member) {
        if (member.getStatus() != MemberStatus.FULL) {
            return null;
        }
        return member.getFullMembershipDate() != null ? member.getFullMembershipDate() : joining(member);
    }
}
