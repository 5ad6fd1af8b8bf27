package de.kimgraph.queries.analytics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import de.kimgraph.queries.access.ReadRule;
import org.jspecify.annotations.Nullable;

/**
 * Where and when an analysis looks, and for whom: an area (by ARS; its sub-areas are included, and services or
 * bodies of enclosing areas count for it, since a Kreis-wide service covers its Gemeinden), a reference date, and
 * the caller's {@link ReadRule}.
 *
 * <p>Cypher of the analyses receives {@link #parameters()}: {@code $area}, {@code $asOf} and the rule's
 * parameters, and applies the rule with {@code READABLE(n)} / {@code READABLE_REL(r)} on every node and
 * first-class relationship whose data reaches the answer or influences a finding (see {@link CypherFiles}).
 */
public record Scope(String area, LocalDate asOf, ReadRule read) {

    /** Everything readable: for the service's own work and tests; requests pass the caller's rule. */
    public static Scope of(String area, @Nullable LocalDate asOf) {
        return of(area, asOf, ReadRule.ALL);
    }

    public static Scope of(String area, @Nullable LocalDate asOf, ReadRule read) {
        return new Scope(area, asOf == null ? LocalDate.now() : asOf, read);
    }

    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>(read.parameters());
        parameters.put("area", area);
        parameters.put("asOf", asOf);
        return parameters;
    }

    /** The parameters plus more. */
    public Map<String, Object> parameters(Map<String, ?> more) {
        Map<String, Object> parameters = parameters();
        parameters.putAll(more);
        return parameters;
    }
}
