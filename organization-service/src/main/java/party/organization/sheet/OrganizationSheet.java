package party.organization.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import party.organization.organization.OrganizationType;

/**
 * The organization sheet in the columns of the national Party-member information system:
 * 党组织名称, 党组织编码, 党组织类别, 上级党组织编码, 成立日期.
 */
final class OrganizationSheet {

    static final List<String> COLUMNS = List.of("党组织名称", "党组织编码", "党组织类别", "上级党组织编码", "成立日期");
    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Category names as the national system writes them; 联合党支部 is a branch of several units. */
    static final Map<String, OrganizationType> CATEGORIES = Map.of(
            "党委", OrganizationType.COMMITTEE,
            "党总支", OrganizationType.GENERAL_BRANCH,
            "党支部", OrganizationType.BRANCH,
            "联合党支部", OrganizationType.BRANCH,
            "党小组", OrganizationType.GROUP);
    private static final Map<OrganizationType, String> LABELS = Map.of(
            OrganizationType.COMMITTEE, "党委",
            OrganizationType.GENERAL_BRANCH, "党总支",
            OrganizationType.BRANCH, "党支部",
            OrganizationType.GROUP, "党小组");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private OrganizationSheet() {
    }

    /** The data rows of the first sheet; blank rows are skipped. */
    static List<SheetRow> read(InputStream xlsx) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(xlsx)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter text = new DataFormatter();
            List<SheetRow> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                String[] cells = new String[COLUMNS.size()];
                boolean blank = true;
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = cell(row.getCell(c), text);
                    blank &= cells[c].isEmpty();
                }
                if (!blank) {
                    rows.add(new SheetRow(r + 1, cells[0], cells[1], cells[2], cells[3], cells[4]));
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

    /** A row to export. */
    record ExportRow(String name, String code, OrganizationType type, String parentCode, LocalDate foundedOn) {
    }

    static byte[] write(List<ExportRow> rows) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("党组织");
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(COLUMNS.get(c));
            }
            int r = 1;
            for (ExportRow row : rows) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.name());
                line.createCell(1).setCellValue(row.code());
                line.createCell(2).setCellValue(LABELS.get(row.type()));
                line.createCell(3).setCellValue(row.parentCode() == null ? "" : row.parentCode());
                line.createCell(4).setCellValue(row.foundedOn() == null ? "" : row.foundedOn().toString());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("could not write the organization sheet", e);
        }
    }

    static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }
}
