package de.kimgraph.queries.entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kimgraph.queries.access.ReadRule;
import org.jspecify.annotations.Nullable;

/**
 * Turns a list filter into Cypher predicates over {@code n} and their parameters (without the read rule's, which
 * the caller binds). Values only ever travel as
 * parameters; the predicates are fixed strings of the {@link Catalog}.
 */
public final class Filters {

    /** Validity of {@code n} on {@code $asOf}; validFrom and validTo are inclusive. */
    public static final String VALID_N = validity("n");

    private static final Set<String> COMMON = Set.of("asOf", "search", "tenant", "keys");
    private static final int MAX_SEARCH = 200;

    /**
     * The predicates (joined with AND) and their parameters, and the {@code MATCH} that binds {@code n}: with an
     * area filter on actors, bodies or services it starts from the area and walks down its tree (a Kreis reaches
     * its own records only, instead of testing every record of the Land); otherwise all nodes of the label.
     */
    public record Where(String cypher, Map<String, Object> parameters, String match) {
    }

    /** How actors, bodies and services hang from an area: the anchors of {@link Where#match()}. */
    private static final Map<String, String> AREA_ANCHORS = Map.of("Actor", "<-[:BASED_IN]-", "Body", "<-[:COVERS]-",
            "Service", "<-[:SERVES]-");

    private Filters() {
    }

    /** The filter's predicates, with the read rule applied to the records they pass through. */
    public static Where where(EntityType type, @Nullable Map<String, Object> filter, ReadRule rule) {
        Map<String, Object> given = filter == null ? Map.of() : filter;
        List<String> predicates = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        Object asOf = given.get("asOf");
        parameters.put("asOf", asOf instanceof LocalDate d ? d : LocalDate.now());
        predicates.add(VALID_N);
        for (Map.Entry<String, Object> entry : given.entrySet()) {
            String name = entry.getKey();
            Object value = entry.getValue();
            if (value == null || name.equals("asOf")) {
                continue;
            }
            switch (name) {
                case "search" -> {
                    String search = value.toString().strip();
                    if (search.length() > MAX_SEARCH) {
                        throw new UnsupportedFilterException("Suchbegriff zu lang (höchstens " + MAX_SEARCH + " Zeichen).",
                                "Search term too long (at most " + MAX_SEARCH + " characters).");
                    }
                    predicates.add("toLower(coalesce(n.name, n.title, n.labelDe, '')) CONTAINS toLower($search)");
                    parameters.put("search", search);
                }
                case "tenant" -> {
                    predicates.add("n.tenant = $tenant");
                    parameters.put("tenant", value);
                }
                case "keys" -> {
                    predicates.add("n.key IN $keys");
                    parameters.put("keys", value);
                }
                default -> {
                    String predicate = type.filters().get(name);
                    if (predicate == null) {
                        throw new UnsupportedFilterException(
                                "Filter '" + name + "' wird für " + type.typeName() + " nicht unterstützt; möglich: "
                                        + String.join(", ", supported(type)) + ".",
                                "Filter '" + name + "' is not supported for " + type.typeName() + ".");
                    }
                    // an area filter with an anchor is the MATCH itself (the same pattern, walked from the area)
                    if (!(name.equals("area") && AREA_ANCHORS.containsKey(type.label()))) {
                        predicates.add(predicate);
                    }
                    parameters.put(name, value);
                }
            }
        }
        String anchor = AREA_ANCHORS.get(type.label());
        String match = given.get("area") != null && anchor != null
                ? "MATCH (:Area {key: $area})<-[:PART_OF*0..]-(:Area)%s(n:`%s`)\nWITH DISTINCT n".formatted(anchor,
                type.label())
                : "MATCH (n:`%s`)".formatted(type.label());
        return new Where(rule.compile(String.join("\n  AND ", predicates)), parameters, match);
    }

    private static List<String> supported(EntityType type) {
        List<String> names = new ArrayList<>(type.filters().keySet());
        names.addAll(COMMON);
        return names;
    }

    /** Validity of the node or relationship {@code variable} on {@code $asOf}; validFrom and validTo are inclusive. */
    public static String validity(String variable) {
        return "(%1$s.validFrom IS NULL OR %1$s.validFrom <= $asOf) AND (%1$s.validTo IS NULL OR %1$s.validTo >= $asOf)"
                .formatted(variable);
    }
}
