package party.organization.letter;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;

/**
 * The yearly Party-building responsibility letter (党建工作责任书) of one branch: issued to the
 * branch secretary, then signed. One per branch and year.
 */
@Document("responsibility_letters")
public class ResponsibilityLetter extends Aggregate {

    public static final String ISSUED = "party.organization.responsibility-letter-issued.v1";
    public static final String SIGNED = "party.organization.responsibility-letter-signed.v1";

    public enum Status { ISSUED, SIGNED }

    /** {@code orgId|year}: the unique index that keeps one letter per branch and year even under concurrent issues. */
    @Indexed(unique = true)
    private String orgYear;
    @Indexed
    private String orgId;
    private int year;
    private String secretaryMemberId;
    private String secretaryName;
    private String contentRef;
    private LocalDate issuedOn;
    private Status status;
    private LocalDate signedOn;

    protected ResponsibilityLetter() {
    }

    static String orgYear(String orgId, int year) {
        return orgId + "|" + year;
    }

    static ResponsibilityLetter issue(String orgId, int year, String secretaryMemberId, String secretaryName,
                                      String contentRef, LocalDate issuedOn) {
        ResponsibilityLetter letter = new ResponsibilityLetter();
        letter.id = UUID.randomUUID().toString();
        letter.orgYear = orgYear(orgId, year);
        letter.orgId = orgId;
        letter.year = year;
        letter.secretaryMemberId = secretaryMemberId;
        letter.secretaryName = secretaryName;
        letter.contentRef = contentRef;
        letter.issuedOn = issuedOn;
        letter.status = Status.ISSUED;
        letter.raise(ISSUED, new Issued(letter.id, orgId, year, secretaryMemberId, issuedOn.toString(), letter.nextVersion()));
        return letter;
    }

    void sign(LocalDate on) {
        status = Status.SIGNED;
        signedOn = on;
        raise(SIGNED, new Signed(id, orgId, year, secretaryMemberId, on.toString(), nextVersion()));
    }

    /** Payload of {@code responsibility-letter-issued.v1}: ids and dates only, no names. */
    public record Issued(String letterId, String orgId, int year, String secretaryMemberId, String issuedOn, long version) {
    }

    /** Payload of {@code responsibility-letter-signed.v1}. */
    public record Signed(String letterId, String orgId, int year, String secretaryMemberId, String signedOn, long version) {
    }

    public String getOrgId() {
        return orgId;
    }

    public int getYear() {
        return year;
    }

    public String getSecretaryMemberId() {
        return secretaryMemberId;
    }

    public String getSecretaryName() {
        return secretaryName;
    }

    public String getContentRef() {
        return contentRef;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public Status getStatus() {
        return status;
    }

    public LocalDate getSignedOn() {
        return signedOn;
    }
}
