package party.member.member;

import java.util.StringJoiner;

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

    /**
     * The entry as stored: one string of its fields joined by the unit separator (U+001F), rather
     * than a sub-document. Reading the whole tree's million entries for the statistics then decodes
     * one value per member instead of a map of twelve fields, several times faster on both ends.
     * Absent values are empty; the version comes last.
     */
    String encode() {
        StringJoiner joiner = new StringJoiner(SEPARATOR);
        for (String field : new String[] {name, status, gender, birthDate, joinedAt, fullMembershipDate, admissionDate,
                ethnicity, education, occupation}) {
            joiner.add(field == null ? "" : field.replace(SEPARATOR, " "));
        }
        return joiner.add(Long.toString(version)).toString();
    }

    static DirectoryEntry decode(String memberId, String orgId, String value) {
        String[] f = value.split(SEPARATOR, -1);
        return new DirectoryEntry(memberId, orgId, f[0], text(f[1]), text(f[2]), text(f[3]), text(f[4]), text(f[5]),
                text(f[6]), text(f[7]), text(f[8]), text(f[9]), Long.parseLong(f[10]));
    }

    private static final String SEPARATOR = "\u001F";

    private static String text(String field) {
        return field.isEmpty() ? null : field;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String iso(java.time.LocalDate date) {
        return date == null ? null : date.toString();
    }
}
