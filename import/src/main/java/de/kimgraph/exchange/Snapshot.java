package de.kimgraph.exchange;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import de.kimgraph.model.dataset.Dataset;

/**
 * A part of the graph read for export: the exported records, and the nodes outside the export that exported
 * relationships point to (reference areas, vocabulary nodes: fields of action, target groups, legal domains,
 * residence statuses), so that formats can show names and ARS codes.
 *
 * <p>The dataset's nodes are sorted by label in model order, then key; relationships by type, endpoints and key.
 * Properties do not include {@code version}.
 */
public final class Snapshot {

    private final ExportScope scope;
    private final Dataset dataset;
    private final Map<String, Dataset.NodeRecord> referenced;
    private final Map<String, Dataset.NodeRecord> index = new HashMap<>();

    public Snapshot(ExportScope scope, Dataset dataset, Map<String, Dataset.NodeRecord> referenced) {
        this.scope = scope;
        this.dataset = dataset;
        this.referenced = Collections.unmodifiableMap(new LinkedHashMap<>(referenced));
        dataset.nodes().forEach(n -> index.put(id(n.label(), n.key()), n));
        index.putAll(referenced);
    }

    /** A snapshot of a parsed dataset without referenced nodes (tests, format conversion). */
    public static Snapshot of(ExportScope scope, Dataset dataset) {
        return new Snapshot(scope, dataset, Map.of());
    }

    public static String id(String label, String key) {
        return label + ":" + key;
    }

    public ExportScope scope() {
        return scope;
    }

    public Dataset dataset() {
        return dataset;
    }

    /** Referenced nodes outside the export, by {@link #id}. */
    public Map<String, Dataset.NodeRecord> referenced() {
        return referenced;
    }

    /** A node of the export or a referenced one. */
    public Optional<Dataset.NodeRecord> node(String label, String key) {
        return Optional.ofNullable(index.get(id(label, key)));
    }
}
