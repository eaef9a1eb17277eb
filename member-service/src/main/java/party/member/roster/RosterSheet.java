package party.member.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

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
     *
     * <p>Read as a stream (POI's SAX reader of the sheet XML), never as a whole workbook in memory:
     * a sheet of 100,000 rows takes the rows' text only. Date cells come as ISO dates.
     */
    static List<RosterRow> read(InputStream xlsx) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(xlsx)) {
            XSSFReader reader = new XSSFReader(pkg);
            Rows rows = new Rows();
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), new ReadOnlySharedStringsTable(pkg),
                    rows, new IsoDates(), false));
            try (InputStream sheet = reader.getSheetsData().next()) {
                parser.parse(new InputSource(sheet));
            }
            return rows.rows;
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            throw new IOException("not a readable .xlsx roster sheet", e);
        }
    }

    /** Collects the rows: the header row fixes the column positions, each later row becomes a {@link RosterRow}. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        final List<RosterRow> rows = new ArrayList<>();
        private int[] index;
        private final java.util.Map<Integer, String> cells = new java.util.HashMap<>();
        private int rowNumber;

        @Override
        public void startRow(int row) {
            rowNumber = row;
            cells.clear();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            cells.put(new CellReference(reference).getCol() & 0xFFFF, value == null ? "" : value.trim());
        }

        @Override
        public void endRow(int row) {
            if (index == null) {
                index = columns(cells);
                return;
            }
            String[] c = new String[COLUMNS.size()];
            boolean blank = true;
            for (int i = 0; i < c.length; i++) {
                c[i] = index[i] < 0 ? "" : cells.getOrDefault(index[i], "");
                blank &= c[i].isEmpty();
            }
            if (!blank) {
                rows.add(new RosterRow(rowNumber + 1, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10],
                        c[11], c[12], c[13], c[14]));
            }
        }
    }

    /** Where each of {@link #COLUMNS} is in the sheet, -1 for an optional column it does not have. */
    private static int[] columns(java.util.Map<Integer, String> header) {
        java.util.Map<String, Integer> named = new java.util.HashMap<>();
        header.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> named.putIfAbsent(e.getValue(), e.getKey()));
        int[] index = new int[COLUMNS.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = named.getOrDefault(COLUMNS.get(i), i < REQUIRED_COLUMNS ? i : -1);
        }
        return index;
    }

    /** Formats cells as Excel shows them, except that a date-formatted number becomes an ISO date. */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
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
