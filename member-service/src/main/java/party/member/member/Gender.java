package party.member.member;

public enum Gender {
    MALE, FEMALE
}
