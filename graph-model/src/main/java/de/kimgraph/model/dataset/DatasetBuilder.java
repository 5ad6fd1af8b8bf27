package de.kimgraph.model.dataset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.NodeSpec;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.RelationshipSpec;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Dataset} from raw records of any input format (JSON, spreadsheet rows, GraphML attributes, HSDS
 * tables), so that every format is judged by the same rules: labels and types of the graph model, property names,
 * vocabulary terms, value types and lengths, dates, duplicate keys. Raw values are plain Java objects: strings,
 * numbers, booleans, lists, {@link java.time.LocalDate}s. Every problem names its location (e.g.
 * {@code Akteure, Zeile 7}) and field; {@link #build()} throws them all at once.
 */
public final class DatasetBuilder {

    /** Fields of a relationship record that are not stored properties. */
    public static final Set<String> RELATIONSHIP_FIELDS = Set.of("key", "from", "to", "fromLabel", "toLabel");

    private final String name;
    private final Map<String, Object> defaults = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Dataset.NodeRecord> nodes = new ArrayList<>();
    private final List<Dataset.RelationshipRecord> relationships = new ArrayList<>();
    private final Map<String, Set<String>> nodeKeys = new LinkedHashMap<>();
    private final Map<String, Set<String>> relationshipKeys = new LinkedHashMap<>();
    private final Set<String> unkeyedRelationships = new HashSet<>();

    /**
     * @param tenant     the tenant of records that do not name one
     * @param source     the source of records that do not name one
     * @param visibility the visibility of records that do not name one ({@code INTERNAL} when null)
     */
    public DatasetBuilder(String name, @Nullable String tenant, @Nullable String source, @Nullable String visibility) {
        this.name = name;
        defaults.put("tenant", tenant);
        defaults.put("source", source);
        defaults.put("visibility", visibility == null ? "INTERNAL" : visibility);
    }

    public String name() {
        return name;
    }

    /** Adds a problem found by the format reader itself (e.g. an unknown column). */
    public DatasetBuilder problem(Problem problem) {
        problems.add(problem);
        return this;
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Whether a node with this label and key has been added. */
    public boolean hasNode(String label, String key) {
        return nodeKeys.getOrDefault(label, Set.of()).contains(key);
    }

    /**
     * Adds a node; {@code raw} holds {@code key} and the other properties by their model names. A {@code version}
     * field is ignored (it is the database's counter, not data).
     */
    public DatasetBuilder node(String label, Map<String, ?> raw, String location) {
        if (!GraphSpec.hasNode(label)) {
            problems.add(new Problem(location, "label", "UNKNOWN_LABEL", "Unbekannte Knotenart " + label + ".",
                    "Unknown node label " + label + "."));
            return this;
        }
        NodeSpec spec = GraphSpec.node(label);
        Map<String, Object> properties = properties(raw, spec.properties(), Set.of(), location);
        if (properties.remove("key") instanceof String key) {
            if (!nodeKeys.computeIfAbsent(label, l -> new HashSet<>()).add(key)) {
                problems.add(new Problem(location, "key", "DUPLICATE_KEY",
                        "Schlüssel " + key + " kommt in " + label + " mehrfach vor.",
                        "Key " + key + " occurs more than once in " + label + "."));
            } else {
                nodes.add(new Dataset.NodeRecord(label, key, properties, location));
            }
        }
        return this;
    }

    /**
     * Adds a relationship; {@code raw} holds {@code from}, {@code to} (keys of the end nodes), {@code key} for keyed
     * types, and the properties. {@code fromLabel}/{@code toLabel} choose among the endpoint pairs of a type (the
     * first pair when null). An unkeyed relationship listed twice between the same nodes is added once.
     */
    public DatasetBuilder relationship(String type, @Nullable String fromLabel, @Nullable String toLabel,
                                       Map<String, ?> raw, String location) {
        List<RelationshipSpec> candidates = GraphSpec.relationships(type);
        if (candidates.isEmpty()) {
            problems.add(new Problem(location, "type", "UNKNOWN_TYPE", "Unbekannte Beziehungsart " + type + ".",
                    "Unknown relationship type " + type + "."));
            return this;
        }
        RelationshipSpec spec = endpoints(candidates, fromLabel, toLabel, location);
        if (spec == null) {
            return this;
        }
        Map<String, Object> properties = properties(raw, spec.properties(), RELATIONSHIP_FIELDS, location);
        String from = required(raw, "from", location);
        String to = required(raw, "to", location);
        String key = null;
        if (spec.keyed()) {
            key = properties.remove("key") instanceof String k ? k : null;
            if (key != null && !relationshipKeys.computeIfAbsent(type, t -> new HashSet<>()).add(key)) {
                problems.add(new Problem(location, "key", "DUPLICATE_KEY",
                        "Schlüssel " + key + " kommt in " + type + " mehrfach vor.",
                        "Key " + key + " occurs more than once in " + type + "."));
                return this;
            }
        } else if (raw.get("key") != null && !String.valueOf(raw.get("key")).isBlank()) {
            problems.add(new Problem(location, "key", "UNEXPECTED_KEY",
                    type + " hat keinen eigenen Schlüssel; die Beziehung ist durch ihre Enden bestimmt.",
                    type + " has no key of its own; it is identified by its endpoints."));
        }
        if (from == null || to == null || spec.keyed() && key == null) {
            return this;
        }
        if (!spec.keyed() && !unkeyedRelationships.add(spec.type() + "|" + spec.fromLabel() + "|" + from + "|"
                + spec.toLabel() + "|" + to)) {
            return this;
        }
        relationships.add(new Dataset.RelationshipRecord(spec, key, from, to, properties, location));
        return this;
    }

    /** The dataset, or a {@link DatasetException} with every problem found. */
    public Dataset build() {
        if (!problems.isEmpty()) {
            throw new DatasetException(problems);
        }
        return new Dataset(name, List.copyOf(nodes), List.copyOf(relationships));
    }

    private @Nullable RelationshipSpec endpoints(List<RelationshipSpec> candidates, @Nullable String fromLabel,
                                                 @Nullable String toLabel, String location) {
        for (RelationshipSpec candidate : candidates) {
            if ((fromLabel == null || fromLabel.equals(candidate.fromLabel()))
                    && (toLabel == null || toLabel.equals(candidate.toLabel()))) {
                return candidate;
            }
        }
        String allowed = String.join(", ", candidates.stream().map(c -> c.fromLabel() + "→" + c.toLabel()).toList());
        problems.add(new Problem(location, "fromLabel/toLabel", "INVALID_ENDPOINTS",
                "Diese Beziehungsart verbindet nur " + allowed + ".", "This relationship type only links " + allowed + "."));
        return null;
    }

    /** Converts raw fields to stored properties, with the defaults for tenant, source and visibility. */
    private Map<String, Object> properties(Map<String, ?> raw, List<PropertySpec> specs, Set<String> structural,
                                           String location) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, ?> field : raw.entrySet()) {
            String field_ = field.getKey();
            PropertySpec spec = specs.stream().filter(p -> p.name().equals(field_)).findFirst().orElse(null);
            if (field_.equals("version") || structural.contains(field_) && spec == null) {
                continue;
            }
            if (spec == null) {
                problems.add(new Problem(location, field_, "UNKNOWN_PROPERTY", "Unbekanntes Feld " + field_ + ".",
                        "Unknown field " + field_ + "."));
                continue;
            }
            Object value = Values.convert(spec, field.getValue(), location, problems);
            if (value != null) {
                result.put(field_, value);
            }
        }
        for (Map.Entry<String, Object> d : defaults.entrySet()) {
            if (d.getValue() == null || result.containsKey(d.getKey())) {
                continue;
            }
            specs.stream().filter(p -> p.name().equals(d.getKey())).findFirst().ifPresent(spec -> {
                Object value = Values.convert(spec, d.getValue(), location, problems);
                if (value != null) {
                    result.put(d.getKey(), value);
                }
            });
        }
        for (PropertySpec spec : specs) {
            if (spec.required() && !result.containsKey(spec.name()) && raw.get(spec.name()) == null) {
                problems.add(new Problem(location, spec.name(), "REQUIRED", "Pflichtfeld " + spec.name() + " fehlt.",
                        "Required field " + spec.name() + " is missing."));
            }
        }
        Values.checkValidity(result, location, problems);
        return result;
    }

    private @Nullable String required(Map<String, ?> raw, String field, String location) {
        Object value = raw.get(field);
        if (value != null && !String.valueOf(value).isBlank()) {
            return String.valueOf(value).strip();
        }
        problems.add(new Problem(location, field, "REQUIRED", "Pflichtfeld " + field + " fehlt.",
                "Required field " + field + " is missing."));
        return null;
    }
}
