package de.kimgraph.exchange.sheet;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import de.kimgraph.exchange.Format;
import de.kimgraph.exchange.ReadOptions;
import de.kimgraph.exchange.Snapshot;
import de.kimgraph.exchange.sheet.SheetLayout.Column;
import de.kimgraph.exchange.sheet.SheetLayout.Sheet;
import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.Problem;
import org.jspecify.annotations.Nullable;

/**
 * {@link SheetLayout} as CSV: a ZIP with one file per sheet ({@code Akteure.csv}, …, plus {@code Hinweise.csv} and
 * {@code Listen.csv}, which reading skips), UTF-8 with BOM, {@code ;}-separated as German Excel expects, RFC 4180
 * quoting (see {@link CsvCodec}). Reading also takes a single CSV file named after a sheet ({@code Angebote.csv}), and
 * files separated by {@code ,}. Problems name the file, e.g. {@code Akteure.csv, Zeile 7}.
 */
public final class CsvFormat implements Format {

    /** The largest CSV file read (uncompressed), against ZIP bombs. */
    static final int MAX_FILE_BYTES = 512 * 1024 * 1024;

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String labelDe() {
        return "CSV-Tabellen (ZIP, eine Datei je Blatt)";
    }

    @Override
    public String mediaType() {
        return "application/zip";
    }

    @Override
    public de.kimgraph.model.dataset.Problem describe(de.kimgraph.model.dataset.Problem problem) {
        return SheetLayout.describe(problem);
    }

    @Override
    public String extension() {
        return "zip";
    }

    @Override
    public boolean hasTemplate() {
        return true;
    }

    /** The empty template, the same as {@link SheetTemplates}. */
    @Override
    public void writeTemplate(OutputStream out) throws IOException {
        writeZip(null, out);
    }

    @Override
    public Dataset read(String fileName, InputStream in, ReadOptions options) throws IOException {
        SheetReader reader = new SheetReader(fileName, options);
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(4);
        byte[] magic = buffered.readNBytes(4);
        buffered.reset();
        if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            try (ZipInputStream zip = new ZipInputStream(buffered, StandardCharsets.UTF_8)) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                    if (entry.isDirectory() || entry.getName().startsWith("__MACOSX/") || name.startsWith(".")) {
                        continue;
                    }
                    if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                        reader.problem(new Problem(fileName + ": " + entry.getName(), "Datei (file)", "UNEXPECTED_FILE",
                                "Die ZIP-Datei enthält eine Datei, die keine CSV-Tabelle ist.",
                                "The ZIP file holds a file that is not a CSV table."));
                        continue;
                    }
                    readFile(fileName, name, zip, reader);
                }
            }
        } else {
            String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
            readFile(fileName, name, buffered, reader);
        }
        return reader.build();
    }

    private static void readFile(String fileName, String name, InputStream in, SheetReader reader) throws IOException {
        String sheet = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        SheetReader.Rows rows = reader.sheet(sheet, sheet + ".csv");
        if (rows == null) {
            return;
        }
        byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            reader.problem(new Problem(fileName + ": " + name, "Datei (file)", "FILE_TOO_LARGE",
                    "Die Datei ist größer als " + MAX_FILE_BYTES / 1024 / 1024 + " MB.",
                    "The file is larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MB."));
            return;
        }
        try {
            CsvCodec.read(CsvCodec.decode(bytes), rows::row);
        } catch (CsvCodec.UnclosedQuoteException e) {
            reader.problem(new Problem(sheet + ".csv, Zeile " + e.record, "Datei (file)", "INVALID_CSV",
                    "Ein Anführungszeichen ab dieser Zeile wird nicht geschlossen.",
                    "A quote from this row on is never closed."));
        }
    }

    @Override
    public void write(Snapshot snapshot, OutputStream out) throws IOException {
        writeZip(new SheetExport(snapshot), out);
    }

    /** The ZIP of CSV files; without an export the template (headers only). */
    static void writeZip(@Nullable SheetExport export, OutputStream out) throws IOException {
        try (ZipOutputStream zip = Zips.open(out)) {
            Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            zip.putNextEntry(Zips.entry("Hinweise.csv"));
            CsvCodec.bom(writer);
            CsvCodec.write(writer, SheetDocs.HINT_HEADERS);
            for (SheetDocs.HintRow row : SheetDocs.hintRows()) {
                CsvCodec.write(writer, row.cells());
            }
            writer.flush();
            zip.closeEntry();
            for (Sheet sheet : SheetLayout.sheets()) {
                zip.putNextEntry(Zips.entry(sheet.name() + ".csv"));
                CsvCodec.bom(writer);
                CsvCodec.write(writer, sheet.columns().stream().map(Column::header).toList());
                if (export != null) {
                    IOException[] failure = {null};
                    export.rows(sheet, values -> {
                        if (failure[0] == null) {
                            try {
                                CsvCodec.write(writer, values);
                            } catch (IOException e) {
                                failure[0] = e;
                            }
                        }
                    });
                    if (failure[0] != null) {
                        throw failure[0];
                    }
                }
                writer.flush();
                zip.closeEntry();
            }
            zip.putNextEntry(Zips.entry("Listen.csv"));
            CsvCodec.bom(writer);
            for (List<String> row : SheetDocs.listRows()) {
                CsvCodec.write(writer, row);
            }
            writer.flush();
            zip.closeEntry();
        }
    }
}
