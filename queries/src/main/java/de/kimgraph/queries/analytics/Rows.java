package de.kimgraph.queries.analytics;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Typed views of the values in Cypher result rows (maps, lists of maps, lists of strings); absent is empty. */
public final class Rows {

    private Rows() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(@Nullable Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> maps(@Nullable Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<String> strings(@Nullable Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
