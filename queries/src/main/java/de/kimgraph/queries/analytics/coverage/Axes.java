package de.kimgraph.queries.analytics.coverage;

import static de.kimgraph.queries.analytics.Rows.map;
import static de.kimgraph.queries.analytics.Rows.maps;
import static de.kimgraph.queries.analytics.Rows.strings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.queries.analytics.CypherFiles;
import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.entity.UnsupportedFilterException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * What every coverage question starts from: the scope area with its Gemeinden and the vocabularies (fields of
 * action with their sub-fields, target groups, residence statuses), each by key in key order.
 */
record Axes(Map<String, Object> area, List<Map<String, Object>> gemeinden, Map<String, Map<String, Object>> fields,
            Map<String, Map<String, Object>> groups, Map<String, Map<String, Object>> statuses) {

    static Axes load(Neo4jClient client, Scope scope) {
        Map<String, Object> areaRow = client.query(CypherFiles.get("coverage/gemeinden", scope.read())).bindAll(scope.parameters())
                .fetch().one().orElseThrow(() -> new UnsupportedFilterException(
                        "Unbekanntes oder am Stichtag ungültiges Gebiet " + scope.area() + ".",
                        "Unknown area " + scope.area() + ", or not valid on " + scope.asOf() + "."));
        Map<String, Object> vocabulary = client.query(CypherFiles.get("coverage/vocabulary", scope.read())).bindAll(scope.parameters())
                .fetch().one().orElseThrow();
        return new Axes(map(areaRow.get("area")), maps(areaRow.get("gemeinden")), byKey(vocabulary.get("fields")),
                byKey(vocabulary.get("groups")), byKey(vocabulary.get("statuses")));
    }

    /** Fails on a field key the vocabulary does not know. */
    void requireFields(Collection<String> keys, String argument) {
        for (String key : keys) {
            if (!fields.containsKey(key)) {
                throw new UnsupportedFilterException("Unbekanntes Handlungsfeld " + key + " in " + argument + ".",
                        "Unknown field of action " + key + " in " + argument + ".");
            }
        }
    }

    String areaName() {
        return (String) area.get("name");
    }

    String fieldLabel(String key, boolean german) {
        Map<String, Object> field = fields.get(key);
        return field == null ? key : label(field, german);
    }

    @SuppressWarnings("unchecked")
    List<String> subFields(String field) {
        Map<String, Object> f = fields.get(field);
        return f == null ? List.of() : ((List<String>) f.getOrDefault("subFields", List.of())).stream().sorted().toList();
    }

    /** Each valid field with itself and the fields containing it: a service in a sub-field counts for them. */
    Map<String, List<String>> enclosingFields() {
        Map<String, List<String>> enclosing = new HashMap<>();
        fields.keySet().forEach(field -> enclosing.put(field, new ArrayList<>(List.of(field))));
        fields.keySet().forEach(field -> subFields(field).forEach(sub -> {
            if (enclosing.containsKey(sub)) {
                enclosing.get(sub).add(field);
            }
        }));
        return enclosing;
    }

    static String label(Map<String, Object> vocabularyNode, boolean german) {
        Object label = german ? vocabularyNode.get("labelDe") : vocabularyNode.getOrDefault("labelEn", vocabularyNode.get("labelDe"));
        return label == null ? (String) vocabularyNode.get("key") : (String) label;
    }

    private static Map<String, Map<String, Object>> byKey(@Nullable Object value) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (Map<String, Object> item : maps(value)) {
            result.put((String) item.get("key"), item);
        }
        return result;
    }
}
