package de.kimgraph.model.dataset;

import java.io.IOException;
import java.io.InputStream;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code kim-graph/1} JSON dataset (MODEL.md) and checks everything that can be checked without the
 * database: labels, types, property names, vocabulary terms, value types and lengths, dates, duplicate keys.
 */
public final class DatasetParser {

    public static final String FORMAT = "kim-graph/1";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Set<String> RELATIONSHIP_FIELDS = Set.of("key", "from", "to", "fromLabel", "toLabel");

    private DatasetParser() {
    }

    /** Parses and validates; throws {@link DatasetException} listing every problem found. */
    public static Dataset parse(String name, InputStream json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new DatasetException(List.of(new Problem(name, "", "INVALID_JSON",
                    "Kein gültiges JSON: " + e.getOriginalMessage(), "Not valid JSON: " + e.getOriginalMessage())));
        }
        return parse(name, root);
    }

    public static Dataset parse(String name, byte[] json) {
        try (InputStream in = new java.io.ByteArrayInputStream(json)) {
            return parse(name, in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Dataset parse(String name, JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        if (!root.isObject() || !FORMAT.equals(root.path("format").asString(""))) {
            throw new DatasetException(List.of(new Problem(name, "format", "UNKNOWN_FORMAT",
                    "Erwartet \"format\": \"" + FORMAT + "\".", "Expected \"format\": \"" + FORMAT + "\".")));
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("tenant", text(root, "tenant"));
        defaults.put("source", text(root, "source"));
        defaults.put("visibility", root.hasNonNull("visibility") ? text(root, "visibility") : "INTERNAL");

        List<Dataset.NodeRecord> nodes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> group : root.path("nodes").properties()) {
            String label = group.getKey();
            if (!GraphSpec.hasNode(label)) {
                problems.add(new Problem(name + ": nodes." + label, "label", "UNKNOWN_LABEL",
                        "Unbekannte Knotenart " + label + ".", "Unknown node label " + label + "."));
                continue;
            }
            NodeSpec spec = GraphSpec.node(label);
            Set<String> seen = new HashSet<>();
            int index = 0;
            for (JsonNode entry : group.getValue()) {
                String location = name + ": nodes." + label + "[" + index++ + "]";
                Map<String, Object> properties = properties(entry, spec.properties(), Set.of(), defaults, location,
                        problems);
                Object key = properties.remove("key");
                if (key instanceof String k) {
                    if (!seen.add(k)) {
                        problems.add(new Problem(location, "key", "DUPLICATE_KEY",
                                "Schlüssel " + k + " kommt in " + label + " mehrfach vor.",
                                "Key " + k + " occurs more than once in " + label + "."));
                    }
                    nodes.add(new Dataset.NodeRecord(label, k, properties, location));
                }
            }
        }

        List<Dataset.RelationshipRecord> relationships = new ArrayList<>();
        for (Map.Entry<String, JsonNode> group : root.path("relationships").properties()) {
            String type = group.getKey();
            List<RelationshipSpec> candidates = GraphSpec.relationships(type);
            if (candidates.isEmpty()) {
                problems.add(new Problem(name + ": relationships." + type, "type", "UNKNOWN_TYPE",
                        "Unbekannte Beziehungsart " + type + ".", "Unknown relationship type " + type + "."));
                continue;
            }
            Set<String> seen = new HashSet<>();
            int index = 0;
            for (JsonNode entry : group.getValue()) {
                String location = name + ": relationships." + type + "[" + index++ + "]";
                RelationshipSpec spec = endpoints(candidates, entry, location, problems);
                if (spec == null) {
                    continue;
                }
                Map<String, Object> properties = properties(entry, spec.properties(), RELATIONSHIP_FIELDS, defaults,
                        location, problems);
                String from = required(entry, "from", location, problems);
                String to = required(entry, "to", location, problems);
                String key = null;
                if (spec.keyed()) {
                    Object k = properties.remove("key");
                    key = k instanceof String s ? s : null;
                    if (key != null && !seen.add(key)) {
                        problems.add(new Problem(location, "key", "DUPLICATE_KEY",
                                "Schlüssel " + key + " kommt in " + type + " mehrfach vor.",
                                "Key " + key + " occurs more than once in " + type + "."));
                    }
                } else if (entry.has("key")) {
                    problems.add(new Problem(location, "key", "UNEXPECTED_KEY",
                            type + " hat keinen eigenen Schlüssel; die Beziehung ist durch ihre Enden bestimmt.",
                            type + " has no key of its own; it is identified by its endpoints."));
                }
                if (from != null && to != null && (!spec.keyed() || key != null)) {
                    relationships.add(new Dataset.RelationshipRecord(spec, key, from, to, properties, location));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DatasetException(problems);
        }
        return new Dataset(name, List.copyOf(nodes), List.copyOf(relationships));
    }

    private static @Nullable RelationshipSpec endpoints(List<RelationshipSpec> candidates, JsonNode entry,
                                                        String location, List<Problem> problems) {
        String fromLabel = entry.hasNonNull("fromLabel") ? entry.get("fromLabel").asString() : null;
        String toLabel = entry.hasNonNull("toLabel") ? entry.get("toLabel").asString() : null;
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

    /**
     * Converts an entry's fields to stored properties, with the dataset defaults for tenant, source and visibility.
     */
    static Map<String, Object> properties(JsonNode entry, List<PropertySpec> specs, Set<String> structural,
                                          Map<String, Object> defaults, String location, List<Problem> problems) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : entry.properties()) {
            String name = field.getKey();
            boolean specified = specs.stream().anyMatch(p -> p.name().equals(name));
            if (name.equals("version") || structural.contains(name) && !specified) {
                continue;
            }
            PropertySpec spec = specs.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
            if (spec == null) {
                problems.add(new Problem(location, name, "UNKNOWN_PROPERTY", "Unbekanntes Feld " + name + ".",
                        "Unknown field " + name + "."));
                continue;
            }
            Object value = Values.convert(spec, plain(field.getValue()), location, problems);
            if (value != null) {
                result.put(name, value);
            }
        }
        for (Map.Entry<String, Object> d : defaults.entrySet()) {
            if (d.getValue() != null && !result.containsKey(d.getKey())
                    && specs.stream().anyMatch(p -> p.name().equals(d.getKey()))) {
                PropertySpec spec = specs.stream().filter(p -> p.name().equals(d.getKey())).findFirst().orElseThrow();
                Object value = Values.convert(spec, d.getValue(), location, problems);
                if (value != null) {
                    result.put(d.getKey(), value);
                }
            }
        }
        for (PropertySpec spec : specs) {
            if (spec.required() && !result.containsKey(spec.name()) && !entry.hasNonNull(spec.name())) {
                problems.add(new Problem(location, spec.name(), "REQUIRED", "Pflichtfeld " + spec.name() + " fehlt.",
                        "Required field " + spec.name() + " is missing."));
            }
        }
        Values.checkValidity(result, location, problems);
        return result;
    }

    private static @Nullable Object plain(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>();
            value.forEach(v -> list.add(plain(v)));
            return list;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        return value.asString();
    }

    private static @Nullable String required(JsonNode entry, String field, String location, List<Problem> problems) {
        if (entry.hasNonNull(field) && !entry.get(field).asString().isBlank()) {
            return entry.get(field).asString();
        }
        problems.add(new Problem(location, field, "REQUIRED", "Pflichtfeld " + field + " fehlt.",
                "Required field " + field + " is missing."));
        return null;
    }

    private static @Nullable String text(JsonNode root, String field) {
        return root.hasNonNull(field) ? root.get(field).asString() : null;
    }
}
