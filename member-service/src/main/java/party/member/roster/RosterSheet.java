package party.member.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The roster sheet (党员花名册). The branch is named by its id (所在党组织ID): member-service's
 * org-tree projection knows organizations by id only (the platform's projection keeps no code), so
 * an id is the one reference it can check without a call to organization-service.
 */
final class RosterSheet {

    static final List<String> COLUMNS = List.of("姓名", "性别", "民族", "出生日期", "公民身份号码", "手机号码", "学历",
            "所在党组织ID", "人员类别", "入党日期", "转正日期", "籍贯", "工作单位", "职务", "职业");
    /** The first eleven columns are the original sheet's; a sheet may end there. */
    static final int REQUIRED_COLUMNS = 11;
    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private RosterSheet() {
    }

    /**
     * The data rows of the first sheet, below the header row; blank rows are skipped. A column is
     * found by its header; the original eleven, where the header does not name them, by position,
     * and the optional ones (籍贯, 工作单位, 职务, 职业) are empty when the header lacks them.
     */
    static List<RosterRow> read(InputStream xlsx) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(xlsx)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter text = new DataFormatter();
            int[] index = columns(sheet.getRow(0), text);
            List<RosterRow> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                String[] c = new String[COLUMNS.size()];
                boolean blank = true;
                for (int i = 0; i < c.length; i++) {
                    c[i] = index[i] < 0 ? "" : cell(row.getCell(index[i]), text);
                    blank &= c[i].isEmpty();
                }
                if (!blank) {
                    rows.add(new RosterRow(r + 1, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10],
                            c[11], c[12], c[13], c[14]));
                }
            }
            return rows;
        }
    }

    /** Where each of {@link #COLUMNS} is in the sheet, -1 for an optional column it does not have. */
    private static int[] columns(Row header, DataFormatter text) {
        java.util.Map<String, Integer> named = new java.util.HashMap<>();
        if (header != null) {
            for (int i = 0; i < header.getLastCellNum(); i++) {
                named.putIfAbsent(cell(header.getCell(i), text), i);
            }
        }
        int[] index = new int[COLUMNS.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = named.getOrDefault(COLUMNS.get(i), i < REQUIRED_COLUMNS ? i : -1);
        }
        return index;
    }

    private static String cell(Cell cell, DataFormatter text) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return text.formatCellValue(cell).trim();
    }

    /** Writes rows of text cells under the header; null cells stay empty. */
    static byte[] write(List<List<String>> rows) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("党员花名册");
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(COLUMNS.get(c));
            }
            int r = 1;
            for (List<String> row : rows) {
                Row line = sheet.createRow(r++);
                for (int c = 0; c < row.size(); c++) {
                    line.createCell(c).setCellValue(row.get(c) == null ? "" : row.get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("could not write the roster sheet", e);
        }
    }
}
