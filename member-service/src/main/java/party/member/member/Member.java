package party.member.member;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;
import party.platform.pii.PiiCipher;

/**
 * A Party member in the registry. The national ID number and phone are kept only encrypted
 * (AES-GCM with the key id, see {@link PiiCipher}); the number is found through its blind index,
 * which is unique. Calendar dates are stored as ISO strings so that no time zone can shift them.
 */
@Document(Member.COLLECTION)
public class Member extends Aggregate {

    public static final String COLLECTION = "members";

    private String name;
    private Gender gender;
    private String birthDate;
    private PiiCipher.Encrypted nationalId;
    private String nationalIdIndex;
    private PiiCipher.Encrypted phone;
    private String orgId;
    private MemberStatus status;
    private String joinedAt;
    private Instant registeredAt;
    private String registeredBy;

    /** For the mapping layer. */
    Member() {
    }

    /**
     * A newly registered member of branch {@code orgId}; raises {@code party.member.registered.v1}.
     *
     * @param nationalId the encrypted, normalized national ID number
     * @param nationalIdIndex its blind index
     * @param phone the encrypted phone, or null
     */
    static Member register(NewMember request, PiiCipher.Encrypted nationalId, String nationalIdIndex,
                           PiiCipher.Encrypted phone, String registeredBy, Instant now) {
        Member member = new Member();
        member.id = UUID.randomUUID().toString();
        member.name = request.name().strip();
        member.gender = request.gender();
        member.birthDate = request.birthDate().toString();
        member.nationalId = nationalId;
        member.nationalIdIndex = nationalIdIndex;
        member.phone = phone;
        member.orgId = request.orgId();
        member.status = request.status();
        member.joinedAt = request.joinedAt() == null ? null : request.joinedAt().toString();
        // MongoDB keeps milliseconds; the event and every later read then show the same instant.
        member.registeredAt = now.truncatedTo(ChronoUnit.MILLIS);
        member.registeredBy = registeredBy;
        member.raise(MemberRegistered.TYPE, new MemberRegistered(member.id, member.orgId, member.status.name(),
                member.registeredAt, member.nextVersion()));
        return member;
    }

    public String getName() {
        return name;
    }

    public Gender getGender() {
        return gender;
    }

    public LocalDate getBirthDate() {
        return LocalDate.parse(birthDate);
    }

    public PiiCipher.Encrypted getNationalId() {
        return nationalId;
    }

    public PiiCipher.Encrypted getPhone() {
        return phone;
    }

    public String getOrgId() {
        return orgId;
    }

    public MemberStatus getStatus() {
        return status;
    }

    public LocalDate getJoinedAt() {
        return joinedAt == null ? null : LocalDate.parse(joinedAt);
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }
}
