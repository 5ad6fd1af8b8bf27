package de.kimgraph.exchange.sheet;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The empty templates coordinators download: the sheets of {@link SheetLayout} with their headers, the
 * {@code Hinweise} sheet explaining every column in German and English, and the {@code Listen} sheet with the values
 * of every choice column. They hold no example rows, so nothing in them can be imported by mistake.
 */
public final class SheetTemplates {

    private SheetTemplates() {
    }

    /** The Excel template: bold frozen headers, column widths, drop-down lists on every choice column. */
    public static void xlsx(OutputStream out) throws IOException {
        XlsxWriter.write(null, out);
    }

    /** The CSV template: a ZIP of one CSV per sheet (headers only), plus {@code Hinweise.csv} and {@code Listen.csv}. */
    public static void csvZip(OutputStream out) throws IOException {
        CsvFormat.writeZip(null, out);
    }
}
