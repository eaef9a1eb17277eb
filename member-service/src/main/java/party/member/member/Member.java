package party.member.member;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;
import party.platform.ids.TimeOrderedIds;
import party.platform.pii.PiiCipher;

/**
 * A Party member in the registry. The national ID number and phone are kept only encrypted
 * (AES-GCM with the key id, see {@link PiiCipher}); the number is found through its blind index,
 * which is unique. Calendar dates are stored as ISO strings so that no time zone can shift them.
 */
@Document(Member.COLLECTION)
public class Member extends Aggregate {

    public static final String COLLECTION = "members";

    /** The fields {@link #updateProfile} replaces, as {@code party.member.profile-updated.v1} names them. */
    public static final List<String> PROFILE_FIELDS = List.of("name", "phone", "ethnicity", "nativePlace", "education",
            "workUnit", "position", "occupation", "groupId");

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
    /** Dates of the development pipeline (ISO strings like {@code birthDate}); null until reached. */
    private String applicationDate;
    private String activistDate;
    private String candidateDate;
    private String admissionDate;
    private String fullMembershipDate;
    /** The profile ({@link MemberProfile}); each null until recorded. */
    private String ethnicity;
    private String nativePlace;
    private Education education;
    private String workUnit;
    private String position;
    private Occupation occupation;
    private String groupId;

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
        member.id = TimeOrderedIds.next();
        member.name = request.name().strip();
        member.gender = request.gender();
        member.birthDate = request.birthDate().toString();
        member.nationalId = nationalId;
        member.nationalIdIndex = nationalIdIndex;
        member.phone = phone;
        member.orgId = request.orgId();
        member.status = request.status();
        member.joinedAt = request.joinedAt() == null ? null : request.joinedAt().toString();
        member.fullMembershipDate = request.fullMembershipDate() == null ? null : request.fullMembershipDate().toString();
        member.setProfile(request.profile());
        // MongoDB keeps milliseconds; the event and every later read then show the same instant.
        member.registeredAt = now.truncatedTo(ChronoUnit.MILLIS);
        member.registeredBy = registeredBy;
        member.raise(MemberRegistered.TYPE, new MemberRegistered(member.id, member.orgId, member.status.name(),
                member.registeredAt, member.nextVersion()));
        return member;
    }

    /**
     * A person who applied to join (入党申请人), entering the registry with status APPLICANT; raises
     * {@code party.member.status-changed.v1} from null to APPLICANT rather than
     * {@code party.member.registered.v1}, whose contract knows only FULL and PROBATIONARY members.
     */
    static Member apply(NewMember request, LocalDate applicationDate, PiiCipher.Encrypted nationalId,
                        String nationalIdIndex, PiiCipher.Encrypted phone, String registeredBy, Instant now) {
        Member member = new Member();
        member.id = TimeOrderedIds.next();
        member.name = request.name().strip();
        member.gender = request.gender();
        member.birthDate = request.birthDate().toString();
        member.nationalId = nationalId;
        member.nationalIdIndex = nationalIdIndex;
        member.phone = phone;
        member.orgId = request.orgId();
        member.registeredAt = now.truncatedTo(ChronoUnit.MILLIS);
        member.registeredBy = registeredBy;
        member.applicationDate = applicationDate.toString();
        member.setProfile(request.profile());
        member.changeStatus(MemberStatus.APPLICANT, applicationDate, member.registeredAt);
        return member;
    }

    private void setProfile(MemberProfile profile) {
        ethnicity = profile.ethnicity();
        nativePlace = profile.nativePlace();
        education = profile.education();
        workUnit = profile.workUnit();
        position = profile.position();
        occupation = profile.occupation();
        groupId = profile.groupId();
    }

    /**
     * Replaces name, phone and profile; raises {@code party.member.profile-updated.v1} naming the
     * fields that changed, if any. The caller compares phones (they are stored encrypted, and the
     * same number encrypts differently each time).
     *
     * @param phoneChanged whether {@code phone} (encrypted, or null for none) is another number than before
     * @return the names of the changed fields, empty when the update changes nothing
     */
    List<String> updateProfile(String newName, boolean phoneChanged, PiiCipher.Encrypted newPhone, MemberProfile profile) {
        List<String> changed = new ArrayList<>();
        String stripped = newName.strip();
        if (!stripped.equals(name)) {
            changed.add("name");
        }
        if (phoneChanged) {
            changed.add("phone");
        }
        MemberProfile before = getProfile();
        if (!Objects.equals(before.ethnicity(), profile.ethnicity())) {
            changed.add("ethnicity");
        }
        if (!Objects.equals(before.nativePlace(), profile.nativePlace())) {
            changed.add("nativePlace");
        }
        if (before.education() != profile.education()) {
            changed.add("education");
        }
        if (!Objects.equals(before.workUnit(), profile.workUnit())) {
            changed.add("workUnit");
        }
        if (!Objects.equals(before.position(), profile.position())) {
            changed.add("position");
        }
        if (before.occupation() != profile.occupation()) {
            changed.add("occupation");
        }
        if (!Objects.equals(before.groupId(), profile.groupId())) {
            changed.add("groupId");
        }
        if (changed.isEmpty()) {
            return List.of();
        }
        name = stripped;
        if (phoneChanged) {
            phone = newPhone;
        }
        setProfile(profile);
        raise(ProfileUpdated.TYPE, new ProfileUpdated(id, orgId, List.copyOf(changed), nextVersion()));
        return List.copyOf(changed);
    }

    /** 确定为入党积极分子 (development step 3). */
    public void becomeActivist(LocalDate date, Instant now) {
        requireStatus(MemberStatus.APPLICANT);
        activistDate = date.toString();
        changeStatus(MemberStatus.ACTIVIST, date, now);
    }

    /** 确定为发展对象 (development step 7). */
    public void becomeCandidate(LocalDate date, Instant now) {
        requireStatus(MemberStatus.ACTIVIST);
        candidateDate = date.toString();
        changeStatus(MemberStatus.CANDIDATE, date, now);
    }

    /**
     * Admitted as a probationary member once the superior committee approves (step 17); the admission
     * date, also the joining date, is the branch general meeting's (step 15), when probation starts.
     */
    public void admitOnProbation(LocalDate admissionDate, Instant now) {
        requireStatus(MemberStatus.CANDIDATE);
        this.admissionDate = admissionDate.toString();
        this.joinedAt = admissionDate.toString();
        changeStatus(MemberStatus.PROBATIONARY, admissionDate, now);
    }

    /** 转为正式党员 (step 24): full membership from the day probation ended. */
    public void becomeFull(LocalDate fullMembershipDate, Instant now) {
        requireStatus(MemberStatus.PROBATIONARY);
        this.fullMembershipDate = fullMembershipDate.toString();
        changeStatus(MemberStatus.FULL, fullMembershipDate, now);
    }

    /** 取消预备党员资格 (step 23, outcome CANCEL). */
    public void cancelProbation(LocalDate date, Instant now) {
        requireStatus(MemberStatus.PROBATIONARY);
        changeStatus(MemberStatus.PROBATION_CANCELLED, date, now);
    }

    private void requireStatus(MemberStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("member " + id + " is " + status + ", not " + expected);
        }
    }

    private void changeStatus(MemberStatus to, LocalDate effective, Instant now) {
        MemberStatus from = status;
        status = to;
        raise(MemberStatusChanged.TYPE, new MemberStatusChanged(id, orgId, from == null ? null : from.name(), to.name(),
                effective.toString(), now.truncatedTo(ChronoUnit.MILLIS), nextVersion()));
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

    public LocalDate getApplicationDate() {
        return date(applicationDate);
    }

    public LocalDate getActivistDate() {
        return date(activistDate);
    }

    public LocalDate getCandidateDate() {
        return date(candidateDate);
    }

    public LocalDate getAdmissionDate() {
        return date(admissionDate);
    }

    public LocalDate getFullMembershipDate() {
        return date(fullMembershipDate);
    }

    public String getEthnicity() {
        return ethnicity;
    }

    public String getNativePlace() {
        return nativePlace;
    }

    public Education getEducation() {
        return education;
    }

    public String getWorkUnit() {
        return workUnit;
    }

    public String getPosition() {
        return position;
    }

    public Occupation getOccupation() {
        return occupation;
    }

    public String getGroupId() {
        return groupId;
    }

    /** The profile as one value. */
    public MemberProfile getProfile() {
        return new MemberProfile(ethnicity, nativePlace, education, workUnit, position, occupation, groupId);
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    /**
     * A status decision (party.member.status) ending the membership of a full or probationary member:
     * raises {@code party.member.status-changed.v1}.
     */
    public void endMembership(MemberStatus to, LocalDate effective, Instant now) {
        if (status != MemberStatus.FULL && status != MemberStatus.PROBATIONARY) {
            throw new IllegalStateException("member " + id + " is " + status + ", not a Party member");
        }
        changeStatus(to, effective, now);
    }

    /**
     * Relation transfer (组织关系转接, accepted in party.member.transfer): moves the member to branch
     * {@code toOrgId}, or, with null, out of this system (status TRANSFERRED_OUT, the last branch kept
     * for the record). Status, dates and Party standing stay as they are. The transfer event is raised
     * here, on the member, so that it carries the member's version after the move and keeps its order
     * with the member's status changes.
     *
     * @param event builds the event's payload from the member's version after the move
     */
    public void transfer(String toOrgId, String eventType, java.util.function.LongFunction<Object> event) {
        if (toOrgId == null) {
            status = MemberStatus.TRANSFERRED_OUT;
        } else {
            orgId = toOrgId;
        }
        raise(eventType, event.apply(nextVersion()));
    }
}
