package de.kimgraph.queries.analytics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where and when an analysis looks: an area (by ARS; its sub-areas are included, and services or bodies of
 * enclosing areas count for it, since a Kreis-wide service covers its Gemeinden), a reference date, and the
 * tenants whose data the caller may see ({@code null} = all; issue 4 supplies it from the token).
 *
 * <p>Cypher of the analyses receives {@link #parameters()}: {@code $area}, {@code $asOf}, {@code $tenants}, and
 * starts its patterns with the tenant predicate {@code ($tenants IS NULL OR n.tenant IN $tenants)}.
 */
public record Scope(String area, LocalDate asOf, @Nullable List<String> tenants) {

    public static Scope of(String area, @Nullable LocalDate asOf) {
        return new Scope(area, asOf == null ? LocalDate.now() : asOf, null);
    }

    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("area", area);
        parameters.put("asOf", asOf);
        parameters.put("tenants", tenants);
        return parameters;
    }

    /** The parameters plus more. */
    public Map<String, Object> parameters(Map<String, ?> more) {
        Map<String, Object> parameters = parameters();
        parameters.putAll(more);
        return parameters;
    }
}
