package party.member.care;

/**
 * Someone who made the visit: a member of the registry (with the name read from it unless given),
 * or anyone else by name alone.
 */
public record Visitor(String memberId, String name) {
}
