package party.member.member;

import org.bson.Document;

/**
 * What the directory keeps of one member: enough to list, filter, sort and count without reading
 * the member documents. No national ID number or phone here; dates are ISO strings.
 */
public record DirectoryEntry(String memberId, String orgId, String name, String status, String gender, String birthDate,
                             String joinedAt, String fullMembershipDate, String admissionDate, String ethnicity,
                             String education, String occupation, long version) {

    static DirectoryEntry of(Member member) {
        return new DirectoryEntry(member.getId(), member.getOrgId(), member.getName(), member.getStatus().name(),
                name(member.getGender()), iso(member.getBirthDate()), iso(member.getJoinedAt()),
                iso(member.getFullMembershipDate()), iso(member.getAdmissionDate()), member.getEthnicity(),
                name(member.getEducation()), name(member.getOccupation()), member.getVersion() == null ? 0 : member.getVersion());
    }

    Document toDocument() {
        return new Document("name", name).append("status", status).append("gender", gender).append("birthDate", birthDate)
                .append("joinedAt", joinedAt).append("fullMembershipDate", fullMembershipDate)
                .append("admissionDate", admissionDate).append("ethnicity", ethnicity).append("education", education)
                .append("occupation", occupation).append("version", version);
    }

    static DirectoryEntry from(String memberId, String orgId, Document d) {
        Number version = d.get("version", Number.class);
        return new DirectoryEntry(memberId, orgId, d.getString("name"), d.getString("status"), d.getString("gender"),
                d.getString("birthDate"), d.getString("joinedAt"), d.getString("fullMembershipDate"),
                d.getString("admissionDate"), d.getString("ethnicity"), d.getString("education"),
                d.getString("occupation"), version == null ? 0 : version.longValue());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String iso(java.time.LocalDate date) {
        return date == null ? null : date.toString();
    }
}
