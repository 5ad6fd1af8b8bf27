package de.kimgraph.model.dataset;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import de.kimgraph.model.spec.GraphSpec;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Values;

/**
 * Finds new actors and bodies of a file that look like records the tenant already has under another key: the same
 * name once case, accents, punctuation and legal-form suffixes are ignored ("Caritasverband Auental e.V." and
 * "caritasverband auental"), or a shared identifier. They are reported as {@code POSSIBLE_DUPLICATE} warnings for a
 * person to review and are written as they are: merging records is a decision, not a guess.
 */
final class DuplicateCheck {

    private static final Pattern LEGAL_FORM = Pattern.compile(
            "\\b(e ?v|g?gmbh|ggmbh|gug|ag|kdör|kdoer|mbh|eg|ug|haftungsbeschraenkt)\\b");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

    private DuplicateCheck() {
    }

    static List<Problem> warnings(Transaction tx, Dataset dataset) {
        List<Problem> warnings = new ArrayList<>();
        for (String label : List.of(GraphSpec.ACTOR, GraphSpec.BODY)) {
            List<Dataset.NodeRecord> records = dataset.nodes().stream().filter(n -> n.label().equals(label)).toList();
            if (records.isEmpty()) {
                continue;
            }
            Set<String> tenants = new HashSet<>();
            records.forEach(r -> tenants.add(String.valueOf(r.properties().get("tenant"))));
            List<String> keys = records.stream().map(Dataset.NodeRecord::key).toList();
            Set<String> existingKeys = new HashSet<>(tx.run("MATCH (n:`%s`) WHERE n.key IN $keys RETURN n.key AS key"
                    .formatted(label), Values.parameters("keys", keys)).list(r -> r.get("key").asString()));
            Map<String, String> byName = new HashMap<>();
            Map<String, String> byIdentifier = new HashMap<>();
            tx.run("""
                    MATCH (n:`%s`) WHERE n.tenant IN $tenants AND NOT n.key IN $keys
                    RETURN n.tenant AS tenant, n.key AS key, n.name AS name, n.identifiers AS identifiers
                    """.formatted(label), Values.parameters("tenants", List.copyOf(tenants), "keys", keys))
                    .forEachRemaining(r -> {
                        String tenant = r.get("tenant").asString();
                        byName.putIfAbsent(tenant + "|" + normalize(r.get("name").asString("")), r.get("key").asString());
                        if (!r.get("identifiers").isNull()) {
                            r.get("identifiers").asList(v -> v.asString()).forEach(id -> byIdentifier.putIfAbsent(
                                    tenant + "|" + id.strip().toLowerCase(Locale.ROOT), r.get("key").asString()));
                        }
                    });
            Map<String, String> inFile = new LinkedHashMap<>();
            for (Dataset.NodeRecord record : records) {
                String tenant = String.valueOf(record.properties().get("tenant"));
                String name = normalize(String.valueOf(record.properties().getOrDefault("name", "")));
                if (name.isEmpty()) {
                    continue;
                }
                String other = null;
                if (!existingKeys.contains(record.key())) {
                    other = byName.get(tenant + "|" + name);
                    if (other == null && record.properties().get("identifiers") instanceof List<?> ids) {
                        for (Object id : ids) {
                            other = other != null ? other
                                    : byIdentifier.get(tenant + "|" + String.valueOf(id).strip().toLowerCase(Locale.ROOT));
                        }
                    }
                }
                String earlier = inFile.putIfAbsent(tenant + "|" + name, record.key());
                if (other == null && earlier != null && !existingKeys.contains(record.key())) {
                    other = earlier;
                }
                if (other != null) {
                    warnings.add(new Problem(record.location(), "name", "POSSIBLE_DUPLICATE",
                            "Sieht aus wie der vorhandene Eintrag " + other + " (gleicher Name oder gleiche Kennung);"
                                    + " wird als eigener Eintrag angelegt. Bitte prüfen und gegebenenfalls"
                                    + " zusammenführen.",
                            "Looks like the existing record " + other + " (same name or identifier); it is written"
                                    + " as a record of its own. Please review and merge if it is the same."));
                }
            }
        }
        return warnings;
    }

    /** Lower case, without accents, umlauts spelled out, legal forms and punctuation dropped. */
    static String normalize(String name) {
        String lower = name.toLowerCase(Locale.GERMAN).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss");
        String plain = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String spaced = NOT_ALNUM.matcher(plain.replace(".", " ")).replaceAll(" ");
        return NOT_ALNUM.matcher(LEGAL_FORM.matcher(spaced).replaceAll(" ")).replaceAll(" ").strip();
    }
}
