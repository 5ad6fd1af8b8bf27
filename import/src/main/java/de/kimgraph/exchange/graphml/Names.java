package de.kimgraph.exchange.graphml;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.Terms;

/**
 * German names of node labels and relationship types, for the network tools whose users see them (Kumu element
 * and connection types, Gephi edge labels), and the way back from a name to the model. Label names come from the
 * {@code EvidenceType} vocabulary of {@code terms.json} and the six actor relations from {@code RelationType}, so
 * the API and the exports use the same words; the structural relationship types have their names here.
 *
 * <p>Every name is unique, so a German name read back from a file names exactly one label or type.
 */
public final class Names {

    private static final Map<String, String> LABEL_TERMS = Map.ofEntries(
            Map.entry(GraphSpec.AREA, "AREA"), Map.entry(GraphSpec.ACTOR, "ACTOR"), Map.entry(GraphSpec.ROLE, "ROLE"),
            Map.entry(GraphSpec.BODY, "BODY"), Map.entry(GraphSpec.SERVICE, "SERVICE"),
            Map.entry(GraphSpec.PROGRAMME, "PROGRAMME"), Map.entry(GraphSpec.REQUIREMENT, "REQUIREMENT"),
            Map.entry(GraphSpec.POSITION, "POSITION"), Map.entry(GraphSpec.AGREEMENT, "AGREEMENT"),
            Map.entry(GraphSpec.FIELD, "FIELD"), Map.entry(GraphSpec.TARGET_GROUP, "TARGET_GROUP"),
            Map.entry(GraphSpec.LEGAL_DOMAIN, "LEGAL_DOMAIN"),
            Map.entry(GraphSpec.RESIDENCE_STATUS, "RESIDENCE_STATUS"));

    /** Relationship types that are not actor relations (those have their names in {@code RelationType}). */
    private static final Map<String, String> TYPE_NAMES = Map.ofEntries(
            Map.entry("PART_OF", "ist Teil von"),
            Map.entry("BASED_IN", "hat Sitz in"),
            Map.entry("WORKS_UNDER", "arbeitet im Rechtskreis"),
            Map.entry("HELD_IN", "ist Funktion in"),
            Map.entry("MEMBER_OF", "ist Mitglied in"),
            Map.entry("MANDATES", "mandatiert"),
            Map.entry("FEEDS_INTO", "arbeitet zu"),
            Map.entry("DOCKS_ONTO", "dockt an"),
            Map.entry("REPLACES", "ersetzt"),
            Map.entry("ADDRESSES", "befasst sich mit"),
            Map.entry("COVERS", "ist zuständig für"),
            Map.entry("PROVIDES", "bietet an"),
            Map.entry("IN_FIELD", "im Handlungsfeld"),
            Map.entry("FOR_GROUP", "für die Zielgruppe"),
            Map.entry("SERVES", "wird angeboten in"),
            Map.entry("UNDER", "im Rechtskreis"),
            Map.entry("FUNDED_BY", "gefördert aus"),
            Map.entry("FUNDS", "finanziert"),
            Map.entry("GRANTS", "bewilligt Mittel an"),
            Map.entry("PASSES_ON", "leitet Mittel weiter an"),
            Map.entry("REQUIRES", "setzt voraus"),
            Map.entry("CONCERNS", "betrifft"),
            Map.entry("IN_UNIT", "ist Stelle in"),
            Map.entry("PARTY_TO", "ist Partei von"),
            Map.entry("GOVERNS", "regelt"),
            Map.entry("ADJACENT_TO", "grenzt an"));

    private static final Map<String, String> LABEL_DE = new LinkedHashMap<>();
    private static final Map<String, String> TYPE_DE = new LinkedHashMap<>();
    private static final Map<String, String> LABEL_BY_NAME = new LinkedHashMap<>();
    private static final Map<String, String> TYPE_BY_NAME = new LinkedHashMap<>();

    static {
        for (var node : GraphSpec.nodes()) {
            String term = LABEL_TERMS.get(node.label());
            String de = term == null ? node.label()
                    : Terms.get().term("EvidenceType", term).map(Terms.Term::de).orElse(node.label());
            LABEL_DE.put(node.label(), de);
            unique(LABEL_BY_NAME, de, node.label());
            unique(LABEL_BY_NAME, node.label(), node.label());
        }
        for (var rel : GraphSpec.relationships()) {
            String type = rel.type();
            if (TYPE_DE.containsKey(type)) {
                continue;
            }
            String de = Terms.get().term("RelationType", type).map(Terms.Term::de)
                    .orElseGet(() -> TYPE_NAMES.getOrDefault(type, type));
            TYPE_DE.put(type, de);
            unique(TYPE_BY_NAME, de, type);
            unique(TYPE_BY_NAME, type, type);
        }
    }

    private Names() {
    }

    private static void unique(Map<String, String> index, String name, String target) {
        String previous = index.put(name.toLowerCase(Locale.ROOT), target);
        if (previous != null && !previous.equals(target)) {
            throw new IllegalStateException("German name " + name + " is used for " + previous + " and " + target);
        }
    }

    /** The German name of a node label, e.g. {@code Akteur} for {@code Actor}. */
    public static String labelDe(String label) {
        return LABEL_DE.getOrDefault(label, label);
    }

    /** The German name of a relationship type, e.g. {@code ist Mitglied in} for {@code MEMBER_OF}. */
    public static String typeDe(String type) {
        return TYPE_DE.getOrDefault(type, type);
    }

    /** The label named by its German name or by the label itself, ignoring case. */
    public static Optional<String> label(String name) {
        return Optional.ofNullable(LABEL_BY_NAME.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /** The relationship type named by its German name or by the type itself, ignoring case. */
    public static Optional<String> type(String name) {
        return Optional.ofNullable(TYPE_BY_NAME.get(name.strip().toLowerCase(Locale.ROOT)));
    }
}
