package de.kimgraph.exchange.sheet;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * ZIP helpers for deterministic output: every entry gets the same fixed time, so the same graph gives the same bytes
 * (POI stamps entries with the current time).
 */
final class Zips {

    /** 1980-01-01, the first time a ZIP entry can carry. */
    static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Zips() {
    }

    /** A new entry with the fixed time. */
    static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(FIXED_TIME);
        return entry;
    }

    /** A ZIP stream on {@code out} that finishes, but does not close, {@code out} when closed. */
    static ZipOutputStream open(OutputStream out) {
        return new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        });
    }

    /** Copies the entries of {@code zip}, in their order, to {@code out} with the fixed time. */
    static void normalise(Path zip, OutputStream out) throws IOException {
        try (ZipFile in = new ZipFile(zip.toFile()); ZipOutputStream z = open(out)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry source = entries.nextElement();
                z.putNextEntry(entry(source.getName()));
                try (InputStream data = in.getInputStream(source)) {
                    data.transferTo(z);
                }
                z.closeEntry();
            }
        }
    }
}
