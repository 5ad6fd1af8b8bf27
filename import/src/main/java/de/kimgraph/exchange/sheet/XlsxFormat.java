package de.kimgraph.exchange.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import de.kimgraph.exchange.Format;
import de.kimgraph.exchange.ReadOptions;
import de.kimgraph.exchange.Snapshot;
import de.kimgraph.model.dataset.Dataset;

/**
 * The Excel workbook of {@link SheetLayout}: the format coordinators fill in. Reading streams every sheet (POI's
 * event API), so a workbook of 100,000 rows needs memory for its records only; writing streams too (SXSSF). An export
 * is the template ({@link SheetTemplates#xlsx}) with the rows filled in, drop-down lists included, and reads back to
 * the same records for everything the sheets carry ({@code docs/import-export-sheets.md} lists what they cannot).
 */
public final class XlsxFormat implements Format {

    @Override
    public String id() {
        return "xlsx";
    }

    @Override
    public String labelDe() {
        return "Excel-Vorlage (XLSX)";
    }

    @Override
    public String mediaType() {
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    @Override
    public de.kimgraph.model.dataset.Problem describe(de.kimgraph.model.dataset.Problem problem) {
        return SheetLayout.describe(problem);
    }

    @Override
    public String extension() {
        return "xlsx";
    }

    @Override
    public boolean hasTemplate() {
        return true;
    }

    /** The empty template, the same as {@link SheetTemplates}. */
    @Override
    public void writeTemplate(OutputStream out) throws IOException {
        XlsxWriter.write(null, out);
    }

    @Override
    public Dataset read(String fileName, InputStream in, ReadOptions options) throws IOException {
        SheetReader reader = new SheetReader(fileName, options);
        XlsxReader.read(fileName, in, reader);
        return reader.build();
    }

    @Override
    public void write(Snapshot snapshot, OutputStream out) throws IOException {
        XlsxWriter.write(new SheetExport(snapshot), out);
    }
}
