package party.member.member;

import java.time.LocalDate;

/** What a registration asks for, already validated for shape (Bean Validation) by the web layer. */
public record NewMember(String name, Gender gender, LocalDate birthDate, String nationalId, String phone, String orgId,
                        MemberStatus status, LocalDate joinedAt) {
}
