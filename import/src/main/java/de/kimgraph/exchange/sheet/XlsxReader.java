package de.kimgraph.exchange.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.model.dataset.Problem;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a workbook sheet by sheet with POI's event API: the upload is spooled to a temporary file (so the ZIP is read
 * by random access, not inflated into memory), each sheet's XML is parsed with SAX and handed over row by row. Only the
 * shared-strings table and the styles are held in memory, so a sheet of 100,000 rows costs no more than its records.
 *
 * <p>Cells become text: shared and inline strings as they are, numbers in plain notation ({@code 51580004004}, not
 * {@code 5.158E10}), numbers with a date format as ISO dates, booleans as {@code ja}/{@code nein}, formulas as their
 * cached result.
 */
final class XlsxReader {

    private XlsxReader() {
    }

    static void read(String fileName, InputStream in, SheetReader reader) throws IOException {
        Path file = Files.createTempFile("kim-graph-import-", ".xlsx");
        try {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader xssf = new XSSFReader(pkg);
                boolean date1904 = date1904(xssf);
                SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
                StylesTable styles = xssf.getStylesTable();
                XSSFReader.SheetIterator sheets = xssf.getSheetIterator();
                while (sheets.hasNext()) {
                    try (InputStream sheet = sheets.next()) {
                        String name = sheets.getSheetName();
                        SheetReader.Rows rows = reader.sheet(name, name);
                        if (rows != null) {
                            parse(sheet, new SheetHandler(strings, styles, date1904, rows));
                        }
                    }
                }
            } catch (OpenXML4JException | SAXException | IllegalArgumentException | POIXMLException e) {
                reader.problem(new Problem(fileName, "Datei (file)", "INVALID_XLSX",
                        "Keine lesbare Excel-Arbeitsmappe (.xlsx): " + e.getMessage(),
                        "Not a readable Excel workbook (.xlsx): " + e.getMessage()));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void parse(InputStream xml, DefaultHandler handler) throws IOException, SAXException {
        try {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(handler);
            parser.parse(new InputSource(xml));
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the workbook counts dates from 1904 (old Mac workbooks). */
    private static boolean date1904(XSSFReader xssf) throws IOException, OpenXML4JException, SAXException {
        boolean[] result = {false};
        try (InputStream workbook = xssf.getWorkbookData()) {
            parse(workbook, new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes atts) {
                    if (localName.equals("workbookPr")) {
                        String v = atts.getValue("date1904");
                        result[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                    }
                }
            });
        }
        return result[0];
    }

    /** One sheet's XML: {@code <row r>} of {@code <c r t s>} with {@code <v>} or {@code <is><t>}. */
    private static final class SheetHandler extends DefaultHandler {

        private final SharedStrings strings;
        private final StylesTable styles;
        private final boolean date1904;
        private final SheetReader.Rows rows;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();
        private final StringBuilder text = new StringBuilder();

        private List<@Nullable String> cells = new ArrayList<>();
        private int row;
        private int nextRow = 1;
        private int column;
        private int nextColumn;
        private @Nullable String type;
        private int style;
        private boolean collecting;
        private boolean phonetic;

        SheetHandler(SharedStrings strings, StylesTable styles, boolean date1904, SheetReader.Rows rows) {
            this.strings = strings;
            this.styles = styles;
            this.date1904 = date1904;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            switch (localName) {
                case "row" -> {
                    String r = atts.getValue("r");
                    row = r != null ? Integer.parseInt(r) : nextRow;
                    cells = new ArrayList<>();
                    nextColumn = 0;
                }
                case "c" -> {
                    String r = atts.getValue("r");
                    column = r != null ? columnIndex(r) : nextColumn;
                    type = atts.getValue("t");
                    String s = atts.getValue("s");
                    style = s == null ? 0 : Integer.parseInt(s);
                    text.setLength(0);
                }
                case "v" -> collecting = true;
                case "t" -> collecting = !phonetic;
                case "rPh" -> phonetic = true;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> collecting = false;
                case "rPh" -> phonetic = false;
                case "c" -> {
                    while (cells.size() <= column) {
                        cells.add(null);
                    }
                    cells.set(column, value());
                    nextColumn = column + 1;
                }
                case "row" -> {
                    rows.row(row, cells);
                    nextRow = row + 1;
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                text.append(ch, start, length);
            }
        }

        private @Nullable String value() {
            String raw = text.toString();
            if (raw.isEmpty()) {
                return null;
            }
            String t = type == null ? "n" : type;
            return switch (t) {
                case "s" -> strings.getItemAt(Integer.parseInt(raw.strip())).getString();
                case "inlineStr", "str", "e" -> raw;
                case "b" -> "1".equals(raw.strip()) ? "ja" : "nein";
                case "d" -> raw.length() >= 10 ? raw.substring(0, 10) : raw;
                default -> number(raw.strip());
            };
        }

        private String number(String raw) {
            try {
                if (isDateStyle(style)) {
                    double serial = Double.parseDouble(raw);
                    if (DateUtil.isValidExcelDate(serial)) {
                        return DateUtil.getLocalDateTime(serial, date1904).toLocalDate().toString();
                    }
                }
                return new BigDecimal(raw).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return raw;
            }
        }

        private boolean isDateStyle(int index) {
            return dateStyles.computeIfAbsent(index, i -> {
                if (i >= styles.getNumCellStyles()) {
                    return false;
                }
                XSSFCellStyle s = styles.getStyleAt(i);
                return s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
            });
        }

        /** {@code AB12} → 27. */
        private static int columnIndex(String reference) {
            int result = 0;
            for (int i = 0; i < reference.length(); i++) {
                char c = reference.charAt(i);
                if (c < 'A' || c > 'Z') {
                    break;
                }
                result = result * 26 + (c - 'A' + 1);
            }
            return result - 1;
        }
    }
}
