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
            "所在党组织ID", "人员类别", "入党日期", "转正日期");
    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private RosterSheet() {
    }

    /** The data rows of the first sheet, below the header row; blank rows are skipped. */
    static List<RosterRow> read(InputStream xlsx) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(xlsx)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter text = new DataFormatter();
            List<RosterRow> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                String[] c = new String[COLUMNS.size()];
                boolean blank = true;
                for (int i = 0; i < c.length; i++) {
                    c[i] = cell(row.getCell(i), text);
                    blank &= c[i].isEmpty();
                }
                if (!blank) {
                    rows.add(new RosterRow(r + 1, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10]));
                }
            }
            return rows;
        }
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
