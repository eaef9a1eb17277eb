package party.organization.leadership;

/**
 * One person holding one role in a term.
 *
 * @param memberId the member's id from the roster, when known (null for someone not (yet) on it)
 * @param name display name, shown in the API only, never put in events
 * @param fullTime for the secretary only: full-time (专职) or part-time (兼职); null for other roles
 */
public record Holder(LeadershipRole role, String memberId, String name, Boolean fullTime) {

    /** Who the person is for counting a committee's size: the member id, else the name. */
    String person() {
        return memberId != null && !memberId.isBlank() ? "id:" + memberId : "name:" + name.strip();
    }
}
