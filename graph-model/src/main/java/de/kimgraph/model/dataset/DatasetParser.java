package de.kimgraph.model.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.model.spec.GraphSpec;
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

    private DatasetParser() {
    }

    /** Parses and validates; throws {@link DatasetException} listing every problem found. */
    public static Dataset parse(String name, InputStream json) {
        try {
            return parse(name, json.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Dataset parse(String name, byte[] json) {
        return parse(name, json, null, null, null);
    }

    /**
     * Parses with defaults for what the file's header does not say: the tenant, source and visibility of records
     * without their own.
     */
    public static Dataset parse(String name, byte[] json, @Nullable String tenant, @Nullable String source,
                                @Nullable String visibility) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new DatasetException(List.of(new Problem(name, "", "INVALID_JSON",
                    "Kein gültiges JSON: " + e.getOriginalMessage(), "Not valid JSON: " + e.getOriginalMessage())));
        }
        return parse(name, root, tenant, source, visibility);
    }

    static Dataset parse(String name, JsonNode root) {
        return parse(name, root, null, null, null);
    }

    static Dataset parse(String name, JsonNode root, @Nullable String tenant, @Nullable String source,
                         @Nullable String visibility) {
        if (!root.isObject() || !FORMAT.equals(root.path("format").asString(""))) {
            throw new DatasetException(List.of(new Problem(name, "format", "UNKNOWN_FORMAT",
                    "Erwartet \"format\": \"" + FORMAT + "\".", "Expected \"format\": \"" + FORMAT + "\".")));
        }
        DatasetBuilder builder = new DatasetBuilder(name, or(text(root, "tenant"), tenant),
                or(text(root, "source"), source), or(text(root, "visibility"), visibility));
        for (Map.Entry<String, JsonNode> group : root.path("nodes").properties()) {
            String label = group.getKey();
            if (!GraphSpec.hasNode(label)) {
                builder.problem(new Problem(name + ": nodes." + label, "label", "UNKNOWN_LABEL",
                        "Unbekannte Knotenart " + label + ".", "Unknown node label " + label + "."));
                continue;
            }
            int index = 0;
            for (JsonNode entry : group.getValue()) {
                builder.node(label, fields(entry), name + ": nodes." + label + "[" + index++ + "]");
            }
        }
        for (Map.Entry<String, JsonNode> group : root.path("relationships").properties()) {
            String type = group.getKey();
            if (GraphSpec.relationships(type).isEmpty()) {
                builder.problem(new Problem(name + ": relationships." + type, "type", "UNKNOWN_TYPE",
                        "Unbekannte Beziehungsart " + type + ".", "Unknown relationship type " + type + "."));
                continue;
            }
            int index = 0;
            for (JsonNode entry : group.getValue()) {
                builder.relationship(type, text(entry, "fromLabel"), text(entry, "toLabel"), fields(entry),
                        name + ": relationships." + type + "[" + index++ + "]");
            }
        }
        return builder.build();
    }

    private static Map<String, @Nullable Object> fields(JsonNode entry) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : entry.properties()) {
            fields.put(field.getKey(), plain(field.getValue()));
        }
        return fields;
    }

    /**
     * A JSON value as the plain Java value {@link DatasetBuilder} takes: null, string, long, double, boolean, list;
     * an object as its JSON text (which no property accepts, so it is reported rather than lost).
     */
    public static @Nullable Object plain(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<@Nullable Object> list = new ArrayList<>();
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
        if (value.isObject()) {
            return value.toString();
        }
        return value.asString();
    }

    private static @Nullable String or(@Nullable String value, @Nullable String fallback) {
        return value != null ? value : fallback;
    }

    private static @Nullable String text(JsonNode root, String field) {
        return root.hasNonNull(field) ? root.get(field).asString() : null;
    }
}
