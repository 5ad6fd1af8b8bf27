package de.kimgraph.exchange.hsds;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetParser;
import de.kimgraph.model.dataset.Resources;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.Terms;
import org.jspecify.annotations.Nullable;

/**
 * kim-graph's vocabularies as HSDS taxonomies. Each has a URN that identifies it when a package is read back
 * ({@code urn:kim-graph:vocabulary:FieldOfAction}); a term's {@code code} is our key, its {@code term_uri} the
 * taxonomy's URN plus {@code :} and the key.
 *
 * <ul>
 *   <li>the vocabulary nodes (fields of action, target groups, legal domains, residence statuses);</li>
 *   <li>the fixed vocabularies of {@code terms.json} that the exported records use (actor kind, sector, level,
 *       service form, funder level, renewal, visibility);</li>
 *   <li>{@code urn:kim-graph:property}: one term per kim-graph field without an HSDS column; the attribute's
 *       {@code value} carries the value (the record's key, its validity, a service's capacity, …).</li>
 * </ul>
 */
final class Taxonomies {

    static final String VOCABULARY_URN = "urn:kim-graph:vocabulary:";
    static final String PROPERTY_URN = "urn:kim-graph:property";

    /** The name of the property taxonomy in {@link #name}, {@link #description}. */
    static final String PROPERTIES = "property";

    private static final Map<String, String[]> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(GraphSpec.FIELD, new String[]{"Handlungsfelder", "fields of action (KGSt and additions)"});
        NAMES.put(GraphSpec.TARGET_GROUP, new String[]{"Zielgruppen", "target groups"});
        NAMES.put(GraphSpec.LEGAL_DOMAIN, new String[]{"Rechtskreise", "legal domains"});
        NAMES.put(GraphSpec.RESIDENCE_STATUS, new String[]{"Aufenthaltsstatus", "residence statuses"});
        NAMES.put("ActorKind", new String[]{"Akteursarten", "kinds of actor"});
        NAMES.put("Sector", new String[]{"Sektoren", "sectors"});
        NAMES.put("ActorLevel", new String[]{"Ebenen der Akteure", "levels of actors"});
        NAMES.put("ServiceForm", new String[]{"Angebotsformen", "forms of service"});
        NAMES.put("FunderLevel", new String[]{"Ebenen der Fördergeber", "levels of funders"});
        NAMES.put("Renewal", new String[]{"Förderrhythmus", "renewal of funding"});
        NAMES.put("Visibility", new String[]{"Sichtbarkeit", "visibility"});
        NAMES.put(PROPERTIES, new String[]{"Felder ohne HSDS-Entsprechung",
                "fields without an HSDS equivalent; the value is in attribute.value"});
    }

    /** Vocabulary nodes bundled with the model, for labels and hierarchy when a snapshot does not hold them. */
    private static final Map<String, Dataset.NodeRecord> BUNDLED = new HashMap<>();
    private static final Map<String, String> BUNDLED_PARENTS = new HashMap<>();

    static {
        Dataset vocabularies = DatasetParser.parse("vocabularies.json", Resources.read("/model/vocabularies.json"));
        vocabularies.nodes().forEach(n -> BUNDLED.put(n.label() + ":" + n.key(), n));
        vocabularies.relationships().stream().filter(r -> r.spec().type().equals("PART_OF"))
                .forEach(r -> BUNDLED_PARENTS.put(r.spec().fromLabel() + ":" + r.from(), r.to()));
    }

    private Taxonomies() {
    }

    /** Taxonomies in the order they are written: vocabulary nodes, fixed vocabularies, properties. */
    static List<String> order() {
        return List.copyOf(NAMES.keySet());
    }

    static boolean isNodeVocabulary(String taxonomy) {
        return GraphSpec.vocabularyLabels().contains(taxonomy);
    }

    static boolean isFixedVocabulary(String taxonomy) {
        return Terms.get().vocabularies().containsKey(taxonomy);
    }

    static String uri(String taxonomy) {
        return taxonomy.equals(PROPERTIES) ? PROPERTY_URN : VOCABULARY_URN + taxonomy;
    }

    static String termUri(String taxonomy, String code) {
        return uri(taxonomy) + ":" + code;
    }

    /** The taxonomy a URI names, if it is one of ours. */
    static Optional<String> fromUri(@Nullable String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        if (uri.equals(PROPERTY_URN)) {
            return Optional.of(PROPERTIES);
        }
        if (uri.startsWith(VOCABULARY_URN)) {
            String name = uri.substring(VOCABULARY_URN.length());
            if (isNodeVocabulary(name) || isFixedVocabulary(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** Taxonomy and code named by a term URI of ours, e.g. {@code urn:kim-graph:vocabulary:TargetGroup:REFUGEES}. */
    static Optional<String[]> fromTermUri(@Nullable String termUri) {
        if (termUri == null) {
            return Optional.empty();
        }
        if (termUri.startsWith(PROPERTY_URN + ":")) {
            return Optional.of(new String[]{PROPERTIES, termUri.substring(PROPERTY_URN.length() + 1)});
        }
        if (termUri.startsWith(VOCABULARY_URN)) {
            String rest = termUri.substring(VOCABULARY_URN.length());
            int colon = rest.indexOf(':');
            if (colon > 0 && fromUri(VOCABULARY_URN + rest.substring(0, colon)).isPresent()) {
                return Optional.of(new String[]{rest.substring(0, colon), rest.substring(colon + 1)});
            }
        }
        return Optional.empty();
    }

    static String name(String taxonomy) {
        String[] names = NAMES.get(taxonomy);
        return "kim-graph: " + (names == null ? taxonomy : names[0]);
    }

    static String description(String taxonomy) {
        String[] names = NAMES.get(taxonomy);
        String en = names == null ? taxonomy : names[1];
        return (names == null ? taxonomy : names[0]) + " im Kommunalen Integrationsmanagement (kim-graph " + en + ")";
    }

    /**
     * The German and English label of a term: from the snapshot (a tenant's own vocabulary nodes), else the
     * bundled vocabularies, else {@code terms.json}; the key itself when nothing knows it.
     */
    static String[] labels(String taxonomy, String code, java.util.function.BiFunction<String, String,
            Optional<Dataset.NodeRecord>> snapshot) {
        if (taxonomy.equals(PROPERTIES)) {
            return new String[]{code, "kim-graph-Feld " + code + " (kim-graph field " + code + ")"};
        }
        if (isNodeVocabulary(taxonomy)) {
            Dataset.NodeRecord node = snapshot.apply(taxonomy, code).orElse(BUNDLED.get(taxonomy + ":" + code));
            if (node != null && node.properties().get("labelDe") instanceof String de) {
                Object en = node.properties().get("labelEn");
                return new String[]{de, en instanceof String e ? e : de};
            }
            return new String[]{code, code};
        }
        return Terms.get().term(taxonomy, code).map(t -> new String[]{t.de(), t.en()})
                .orElse(new String[]{code, code});
    }

    /** The parent of a field of action in the bundled hierarchy, if any. */
    static @Nullable String parent(String taxonomy, String code) {
        return BUNDLED_PARENTS.get(taxonomy + ":" + code);
    }
}
