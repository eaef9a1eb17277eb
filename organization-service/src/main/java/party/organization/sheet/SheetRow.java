package party.organization.sheet;

/**
 * One data row of an organization sheet, as read: cells as text, the date already normalized
 * to ISO (yyyy-MM-dd) when the cell was an Excel date.
 *
 * @param rowNumber the row number as Excel shows it (the header is row 1)
 */
record SheetRow(int rowNumber, String name, String code, String category, String parentCode, String foundedOn) {
}
