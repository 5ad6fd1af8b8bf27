package de.kimgraph.exchange;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import de.kimgraph.exchange.graphml.GexfFormat;
import de.kimgraph.exchange.graphml.GraphMlFormat;
import de.kimgraph.exchange.hsds.HsdsFormat;
import de.kimgraph.exchange.json.JsonFormat;
import de.kimgraph.exchange.kumu.KumuFormat;
import de.kimgraph.exchange.sheet.CsvFormat;
import de.kimgraph.exchange.sheet.XlsxFormat;

/** Every format kim-graph reads and writes. */
public final class Formats {

    private static final List<Format> ALL = List.of(
            new JsonFormat(),
            new XlsxFormat(),
            new CsvFormat(),
            new GraphMlFormat(),
            new GexfFormat(),
            new KumuFormat(),
            new HsdsFormat());

    private Formats() {
    }

    public static List<Format> all() {
        return ALL;
    }

    public static Optional<Format> find(String id) {
        return ALL.stream().filter(f -> f.id().equalsIgnoreCase(id)).findFirst();
    }

    public static Format get(String id) {
        return find(id).orElseThrow(() -> new NoSuchElementException("Unbekanntes Format " + id + " (unknown format); "
                + "bekannt/known: " + String.join(", ", ALL.stream().map(Format::id).toList())));
    }
}
