package de.kimgraph.exchange.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import de.kimgraph.exchange.sheet.SheetDocs.ValueList;
import de.kimgraph.exchange.sheet.SheetLayout.Column;
import de.kimgraph.exchange.sheet.SheetLayout.Role;
import de.kimgraph.exchange.sheet.SheetLayout.Sheet;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.PropertyType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Writes the workbook with POI's streaming SXSSF (a window of rows in memory, the rest in compressed temporary files):
 * {@code Hinweise} (every column explained in German and English), the eight data sheets (bold frozen header, auto
 * filter, widths, text format on key columns so that Excel keeps leading zeros of an ARS, drop-down lists on every
 * choice column), and {@code Listen} with the values the drop-downs refer to by named ranges. The template is the same
 * workbook without rows; an export is a filled template.
 *
 * <p>The output is deterministic: no creation date, and the ZIP entries get a fixed time (see {@link Zips}).
 */
final class XlsxWriter {

    private static final int WINDOW = 200;
    private static final int LAST_ROW = SpreadsheetVersion.EXCEL2007.getLastRowIndex();

    private XlsxWriter() {
    }

    static void write(@Nullable SheetExport export, OutputStream out) throws IOException {
        Path file = Files.createTempFile("kim-graph-export-", ".xlsx");
        try {
            try (SXSSFWorkbook wb = new SXSSFWorkbook(null, WINDOW, true, false)) {
                try {
                    Styles styles = new Styles(wb);
                    SXSSFSheet hints = wb.createSheet("Hinweise");
                    for (Sheet sheet : SheetLayout.sheets()) {
                        wb.createSheet(sheet.name());
                    }
                    SXSSFSheet lists = wb.createSheet("Listen");
                    writeLists(wb, lists, styles);
                    for (Sheet sheet : SheetLayout.sheets()) {
                        writeSheet(wb.getSheet(sheet.name()), sheet, export, styles);
                    }
                    writeHints(hints, styles);
                    var properties = wb.getXSSFWorkbook().getProperties().getCoreProperties();
                    properties.setCreated(Optional.empty());
                    properties.setCreator("kim-graph");
                    try (OutputStream o = Files.newOutputStream(file)) {
                        wb.write(o);
                    }
                } finally {
                    wb.dispose();
                }
            }
            Zips.normalise(file, out);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void writeSheet(SXSSFSheet target, Sheet sheet, @Nullable SheetExport export, Styles styles) {
        List<Column> columns = sheet.columns();
        Row header = target.createRow(0);
        DataValidationHelper helper = target.getDataValidationHelper();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Cell cell = header.createCell(i);
            cell.setCellValue(c.header());
            cell.setCellStyle(styles.header);
            target.setColumnWidth(i, width(sheet, c) * 256);
            if (keyLike(sheet, c)) {
                target.setDefaultColumnStyle(i, styles.text);
            }
            Optional<ValueList> list = SheetDocs.list(sheet, c);
            if (list.isPresent()) {
                DataValidation validation = helper.createValidation(
                        helper.createFormulaListConstraint(list.get().rangeName()),
                        new CellRangeAddressList(1, LAST_ROW, i, i));
                boolean many = sheet.list(c);
                validation.setErrorStyle(many ? DataValidation.ErrorStyle.WARNING : DataValidation.ErrorStyle.STOP);
                validation.setShowErrorBox(true);
                validation.createErrorBox(c.header(), many
                        ? "Wert nicht in der Liste. Mehrere Werte mit ; trennen; erlaubt sind Bezeichnungen oder Schlüssel "
                                + "aus dem Blatt Listen."
                        : "Bitte einen Wert aus der Liste wählen (Blatt Listen).");
                validation.setSuppressDropDownArrow(true);
                target.addValidationData(validation);
            }
        }
        target.createFreezePane(0, 1);
        target.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.size() - 1));
        if (export == null) {
            return;
        }
        int[] next = {1};
        export.rows(sheet, values -> {
            Row row = target.createRow(next[0]++);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                switch (v) {
                    case String s -> cell.setCellValue(s);
                    case LocalDate d -> {
                        cell.setCellValue(d);
                        cell.setCellStyle(styles.date);
                    }
                    case Number n -> cell.setCellValue(n.doubleValue());
                    default -> cell.setCellValue(String.valueOf(v));
                }
            }
        });
    }

    /** Columns whose values are keys or codes: formatted as text, so that Excel keeps them as typed. */
    private static boolean keyLike(Sheet sheet, Column column) {
        return switch (column.role()) {
            case KEY, FROM, TO -> true;
            case LINK -> !Vocabularies.isVocabulary(java.util.Objects.requireNonNull(column.target()));
            case FUNDING -> column.property().equals("to") || column.property().equals("key");
            case PROPERTY -> {
                PropertySpec spec = sheet.spec(column);
                String referenced = SheetLayout.referencedLabel(spec);
                yield referenced != null && !Vocabularies.isVocabulary(referenced)
                        || column.property().equals("phone") || column.property().equals("identifiers");
            }
            case TYPE -> false;
        };
    }

    private static int width(Sheet sheet, Column column) {
        PropertySpec spec = sheet.spec(column);
        int typical;
        if (column.role() == Role.LINK || sheet.list(column)) {
            typical = 30;
        } else if (spec != null && spec.type() == PropertyType.DATE) {
            typical = 12;
        } else if (spec != null && (spec.type() == PropertyType.BOOLEAN || spec.type() == PropertyType.INTEGER
                || spec.type() == PropertyType.FLOAT)) {
            typical = 10;
        } else if (spec != null && spec.type() == PropertyType.STRING && spec.maxLength() > 200) {
            typical = 50;
        } else if (column.property().equals("name") || column.property().equals("title")) {
            typical = 40;
        } else {
            typical = 24;
        }
        return Math.min(60, Math.max(column.header().length() + 4, typical));
    }

    private static void writeLists(SXSSFWorkbook wb, SXSSFSheet target, Styles styles) {
        List<ValueList> lists = SheetDocs.lists();
        List<List<String>> rows = SheetDocs.listRows();
        for (int r = 0; r < rows.size(); r++) {
            Row row = target.createRow(r);
            List<String> cells = rows.get(r);
            for (int i = 0; i < cells.size(); i++) {
                if (!cells.get(i).isEmpty()) {
                    text(row, i, cells.get(i), r == 0 ? styles.header : styles.plain);
                }
            }
        }
        for (int i = 0; i < lists.size(); i++) {
            ValueList list = lists.get(i);
            target.setColumnWidth(i, Math.min(60, Math.max(24, rows.getFirst().get(i).length() + 2)) * 256);
            String letter = CellReference.convertNumToColString(i);
            Name name = wb.createName();
            name.setNameName(list.rangeName());
            name.setRefersToFormula("Listen!$" + letter + "$2:$" + letter + "$" + (list.labels().size() + 1));
        }
        target.createFreezePane(0, 1);
    }

    private static void writeHints(SXSSFSheet target, Styles styles) {
        int[] widths = {18, 24, 24, 8, 44, 70, 70};
        Row header = target.createRow(0);
        for (int i = 0; i < SheetDocs.HINT_HEADERS.size(); i++) {
            text(header, i, SheetDocs.HINT_HEADERS.get(i), styles.header);
            target.setColumnWidth(i, widths[i] * 256);
        }
        int r = 1;
        for (SheetDocs.HintRow hint : SheetDocs.hintRows()) {
            Row row = target.createRow(r++);
            for (int i = 0; i < hint.cells().size(); i++) {
                String value = hint.cells().get(i);
                if (!value.isEmpty()) {
                    text(row, i, value, hint.title() ? styles.wrapBold : i == 0 && value.equals("Allgemein")
                            ? styles.bold : styles.wrap);
                }
            }
        }
        target.createFreezePane(0, 1);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** The few cell styles of the workbook. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle bold;
        final CellStyle wrap;
        final CellStyle wrapBold;
        final CellStyle date;
        final CellStyle text;
        final CellStyle plain;

        Styles(SXSSFWorkbook wb) {
            plain = wb.getCellStyleAt(0);
            Font boldFont = wb.createFont();
            boldFont.setBold(true);
            header = wb.createCellStyle();
            header.setFont(boldFont);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setWrapText(true);
            bold = wb.createCellStyle();
            bold.setFont(boldFont);
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            wrapBold = wb.createCellStyle();
            wrapBold.setWrapText(true);
            wrapBold.setVerticalAlignment(VerticalAlignment.TOP);
            wrapBold.setFont(boldFont);
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
        }
    }
}
