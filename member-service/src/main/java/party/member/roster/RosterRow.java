package party.member.roster;

/**
 * One data row of a roster sheet (花名册) as read, every cell as text; {@code row} is the sheet's
 * 1-based row number, as a spreadsheet program shows it. The last four columns (籍贯, 工作单位, 职务,
 * 职业) are optional in a sheet: empty when it has none.
 */
record RosterRow(int row, String name, String gender, String ethnicity, String birthDate, String nationalId,
                 String phone, String education, String orgId, String category, String joinedAt,
                 String fullMembershipDate, String nativePlace, String workUnit, String position, String occupation) {

    /** A row of a sheet with the eleven original columns only. */
    RosterRow(int row, String name, String gender, String ethnicity, String birthDate, String nationalId, String phone,
              String education, String orgId, String category, String joinedAt, String fullMembershipDate) {
        this(row, name, gender, ethnicity, birthDate, nationalId, phone, education, orgId, category, joinedAt,
                fullMembershipDate, "", "", "", "");
    }
}
