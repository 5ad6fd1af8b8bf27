package de.kimgraph.exchange.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.kimgraph.model.spec.GraphSpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seeded vocabulary nodes (fields of action, target groups, legal domains, residence statuses) of
 * {@code model/vocabularies.json} with their German and English labels, so that a cell may name a term by its key or
 * its label. Terms a tenant added in the database are not known here; a cell naming one by key passes through and the
 * loader checks it against the database.
 */
final class Vocabularies {

    /** One seeded vocabulary node. */
    record Entry(String key, String de, String en) {
    }

    private static final Vocabularies INSTANCE = load();

    private final Map<String, List<Entry>> entries;
    private final Map<String, Map<String, String>> lookup;

    private Vocabularies(Map<String, List<Entry>> entries) {
        this.entries = entries;
        this.lookup = new HashMap<>();
        entries.forEach((label, list) -> {
            Map<String, String> byText = new HashMap<>();
            for (Entry e : list) {
                byText.put(normalise(e.en()), e.key());
                byText.put(normalise(e.de()), e.key());
            }
            for (Entry e : list) {
                byText.put(normalise(e.key()), e.key());
            }
            lookup.put(label, byText);
        });
    }

    static Vocabularies get() {
        return INSTANCE;
    }

    static boolean isVocabulary(String label) {
        return GraphSpec.vocabularyLabels().contains(label);
    }

    /** The seeded nodes of one label in file order; empty for other labels. */
    List<Entry> entries(String label) {
        return entries.getOrDefault(label, List.of());
    }

    /** The key named by {@code text} (a key, a German or an English label), or {@code text} itself when unknown. */
    String resolve(String label, String text) {
        Map<String, String> byText = lookup.get(label);
        if (byText == null) {
            return text;
        }
        String key = byText.get(normalise(text));
        return key == null ? text : key;
    }

    /** The German label of a seeded node, or null when the key is not seeded (a tenant's own term). */
    @Nullable String labelDe(String label, String key) {
        for (Entry e : entries(label)) {
            if (e.key().equals(key)) {
                return e.de();
            }
        }
        return null;
    }

    private static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Vocabularies load() {
        try (InputStream in = Vocabularies.class.getResourceAsStream("/model/vocabularies.json")) {
            if (in == null) {
                throw new IllegalStateException("model/vocabularies.json is missing from the classpath");
            }
            JsonNode nodes = JsonMapper.builder().build().readTree(in).path("nodes");
            Map<String, List<Entry>> result = new LinkedHashMap<>();
            for (String label : GraphSpec.vocabularyLabels()) {
                List<Entry> list = new ArrayList<>();
                for (JsonNode n : nodes.path(label)) {
                    list.add(new Entry(n.get("key").asString(), n.path("labelDe").asString(""),
                            n.path("labelEn").asString("")));
                }
                result.put(label, List.copyOf(list));
            }
            return new Vocabularies(Collections.unmodifiableMap(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
