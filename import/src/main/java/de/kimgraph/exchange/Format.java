package de.kimgraph.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import de.kimgraph.model.dataset.Dataset;

/**
 * One file format for networks. Reading turns a file into a {@link Dataset} built with
 * {@link de.kimgraph.model.dataset.DatasetBuilder}, so that every format is validated by the same rules and the
 * same loader writes it; writing turns a {@link Snapshot} (what {@link GraphExporter} read from the graph) into a
 * file. What a format cannot carry is listed in {@code docs/import-export.md}.
 */
public interface Format {

    /** Stable id used in URLs, the CLI and GraphQL, e.g. {@code json}, {@code xlsx}, {@code gexf}. */
    String id();

    /** A German name for lists and help texts, e.g. {@code Excel-Vorlage (XLSX)}. */
    String labelDe();

    String mediaType();

    /** The file name extension without the dot, e.g. {@code gexf} or {@code zip}. */
    String extension();

    /** Whether {@link #read} is supported; export-only formats return false. */
    default boolean readable() {
        return true;
    }

    /**
     * Reads a file. Problems name the sheet/line/element and field, in German and English.
     *
     * @throws de.kimgraph.model.dataset.DatasetException listing every problem found; nothing has been written
     */
    Dataset read(String fileName, InputStream in, ReadOptions options) throws IOException;

    /**
     * Names a problem the loader found (which knows only model field names such as {@code to}) in the terms of
     * this format's file, e.g. by its column; unchanged by default.
     */
    default de.kimgraph.model.dataset.Problem describe(de.kimgraph.model.dataset.Problem problem) {
        return problem;
    }

    /** Whether the format has an empty template to fill in (the spreadsheet formats). */
    default boolean hasTemplate() {
        return false;
    }

    /** Writes the empty template: headers, help texts, lists of allowed values. */
    default void writeTemplate(OutputStream out) throws IOException {
        throw new UnsupportedOperationException("Das Format " + id() + " hat keine Vorlage (no template).");
    }

    /** Writes the snapshot; the output is deterministic (same graph, same bytes). */
    void write(Snapshot snapshot, OutputStream out) throws IOException;
}
