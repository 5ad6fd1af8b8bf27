package de.kimgraph.model.dataset;

import java.util.List;
import java.util.Map;

import de.kimgraph.model.spec.RelationshipSpec;
import org.jspecify.annotations.Nullable;

/** A parsed and type-converted dataset, ready to be checked against the database and written. */
public record Dataset(String name, List<NodeRecord> nodes, List<RelationshipRecord> relationships) {

    /** A node to merge on {@code (label, key)}; {@code properties} excludes the key. */
    public record NodeRecord(String label, String key, Map<String, Object> properties, String location) {
    }

    /** A relationship to merge on its key (keyed types) or on its endpoints. */
    public record RelationshipRecord(RelationshipSpec spec, @Nullable String key, String from, String to,
                                     Map<String, Object> properties, String location) {
    }
}
