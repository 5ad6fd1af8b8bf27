package de.kimgraph.exchange.sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Fills the downloaded template the way a coordinator would, with POI's ordinary (in-memory) API: rows by header,
 * strings, numbers and real date cells. A null row stays empty.
 */
final class Workbooks {

    private final Map<String, List<Map<String, Object>>> sheets = new LinkedHashMap<>();

    static Workbooks filled() {
        return new Workbooks();
    }

    /** Adds a row (null: an empty row) to a sheet; values by German header. */
    Workbooks row(String sheet, Map<String, Object> values) {
        sheets.computeIfAbsent(sheet, s -> new ArrayList<>()).add(values);
        return this;
    }

    Workbooks emptyRow(String sheet) {
        sheets.computeIfAbsent(sheet, s -> new ArrayList<>()).add(Map.of());
        return this;
    }

    Map<String, List<Map<String, Object>>> sheets() {
        return sheets;
    }

    /**
     * The same rows as a ZIP of CSV files the way German Excel writes them: {@code ;}, dates as {@code TT.MM.JJJJ},
     * decimal commas; only the columns used, in first-use order. {@code comma} writes {@code ,}-separated files.
     */
    byte[] csvZip(boolean comma) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
                for (var entry : sheets.entrySet()) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(entry.getKey() + ".csv"));
                    zip.write(csv(entry.getValue(), comma).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String csv(List<Map<String, Object>> rows, boolean comma) {
        String separator = comma ? "," : ";";
        List<String> headers = new ArrayList<>();
        rows.forEach(r -> r.keySet().forEach(h -> {
            if (!headers.contains(h)) {
                headers.add(h);
            }
        }));
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(String.join(separator, headers)).append("\r\n");
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String h : headers) {
                Object v = row.get(h);
                String text = switch (v) {
                    case null -> "";
                    case LocalDate d -> d.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
                    case Double d -> comma ? d.toString() : d.toString().replace('.', ',');
                    case Number n -> n.toString();
                    default -> v.toString();
                };
                cells.add(text.contains(separator) || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text);
            }
            csv.append(String.join(separator, cells)).append("\r\n");
        }
        return csv.toString();
    }

    /** The template with these rows. */
    byte[] xlsx() {
        try {
            ByteArrayOutputStream template = new ByteArrayOutputStream();
            SheetTemplates.xlsx(template);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.toByteArray()))) {
                CellStyle date = wb.createCellStyle();
                date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
                for (var entry : sheets.entrySet()) {
                    XSSFSheet sheet = wb.getSheet(entry.getKey());
                    Map<String, Integer> columns = new LinkedHashMap<>();
                    for (Cell cell : sheet.getRow(0)) {
                        columns.put(cell.getStringCellValue(), cell.getColumnIndex());
                    }
                    int r = 1;
                    for (Map<String, Object> values : entry.getValue()) {
                        Row row = sheet.createRow(r++);
                        for (var v : values.entrySet()) {
                            Integer column = columns.get(v.getKey());
                            if (column == null) {
                                throw new IllegalArgumentException("No column " + v.getKey() + " in " + entry.getKey());
                            }
                            Cell cell = row.createCell(column);
                            switch (v.getValue()) {
                                case String s -> cell.setCellValue(s);
                                case Number n -> cell.setCellValue(n.doubleValue());
                                case LocalDate d -> {
                                    cell.setCellValue(d);
                                    cell.setCellStyle(date);
                                }
                                default -> throw new IllegalArgumentException(String.valueOf(v.getValue()));
                            }
                        }
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                wb.write(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
