package de.kimgraph.model.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fixed vocabularies of {@code model/terms.json}: enum values with their German and English labels. Loaded
 * once; GraphQL enums, the dataset loader and explanations all read them from here.
 */
public final class Terms {

    /** One value of a vocabulary. */
    public record Term(String key, String de, String en) {
    }

    private static final Terms INSTANCE = load();

    private final Map<String, Map<String, Term>> vocabularies;

    private Terms(Map<String, Map<String, Term>> vocabularies) {
        this.vocabularies = vocabularies;
    }

    public static Terms get() {
        return INSTANCE;
    }

    public Map<String, Map<String, Term>> vocabularies() {
        return vocabularies;
    }

    public List<Term> vocabulary(String name) {
        Map<String, Term> terms = vocabularies.get(name);
        return terms == null ? List.of() : List.copyOf(terms.values());
    }

    public boolean contains(String vocabulary, String key) {
        Map<String, Term> terms = vocabularies.get(vocabulary);
        return terms != null && terms.containsKey(key);
    }

    public Optional<Term> term(String vocabulary, String key) {
        Map<String, Term> terms = vocabularies.get(vocabulary);
        return terms == null ? Optional.empty() : Optional.ofNullable(terms.get(key));
    }

    private static Terms load() {
        try (InputStream in = Terms.class.getResourceAsStream("/model/terms.json")) {
            if (in == null) {
                throw new IllegalStateException("model/terms.json is missing from the classpath");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, Map<String, Term>> result = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> vocabulary : root.get("vocabularies").properties()) {
                Map<String, Term> terms = new LinkedHashMap<>();
                for (JsonNode t : vocabulary.getValue()) {
                    terms.put(t.get("key").asString(), new Term(t.get("key").asString(), t.get("de").asString(),
                            t.get("en").asString()));
                }
                result.put(vocabulary.getKey(), Collections.unmodifiableMap(terms));
            }
            return new Terms(Collections.unmodifiableMap(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
