package party.member.roster;

/**
 * One data row of a roster sheet (花名册) as read, every cell as text; {@code row} is the sheet's
 * 1-based row number, as a spreadsheet program shows it.
 */
record RosterRow(int row, String name, String gender, String ethnicity, String birthDate, String nationalId,
                 String phone, String education, String orgId, String category, String joinedAt,
                 String fullMembershipDate) {
}
