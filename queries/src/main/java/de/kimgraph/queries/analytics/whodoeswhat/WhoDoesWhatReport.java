package de.kimgraph.queries.analytics.whodoeswhat;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@link WhoDoesWhat}. Records of the graph are their property maps (what the GraphQL layer serves
 * as {@code Service}, {@code Actor} …); the label lists are there for the interface papers.
 *
 * @param filters  the records of the filters given, by argument name ({@code field}, {@code targetGroup},
 *                 {@code legalDomain})
 * @param contacts the role contacts of the providers and responsible units, each once
 */
public record WhoDoesWhatReport(Map<String, Object> area, LocalDate asOf, Map<String, Map<String, Object>> filters,
                                List<ServiceEntry> services, List<UnitEntry> units, List<BodyEntry> bodies,
                                List<AssociationEntry> associations, List<Map<String, Object>> contacts) {

    public WhoDoesWhatReport {
        filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
        services = List.copyOf(services);
        units = List.copyOf(units);
        bodies = List.copyOf(bodies);
        associations = List.copyOf(associations);
        contacts = List.copyOf(contacts);
    }

    /**
     * A service that covers the area.
     *
     * @param areas            the areas it serves that are the area, a sub-area or an enclosing area
     * @param viaEnclosingArea it serves only enclosing areas (e.g. Kreis-wide), none inside the area itself
     * @param contacts         roles held in its providers, each with {@code actorKey}/{@code actorName}
     * @param programmes       funding programmes with their {@code share}
     */
    public record ServiceEntry(Map<String, Object> service, List<Map<String, Object>> areas, boolean viaEnclosingArea,
                               List<Map<String, Object>> providers, List<Map<String, Object>> contacts,
                               List<Map<String, Object>> fields, List<Map<String, Object>> targetGroups,
                               List<Map<String, Object>> legalDomains, List<Map<String, Object>> programmes) {

        public String key() {
            return (String) service.get("key");
        }
    }

    /**
     * A responsible unit.
     *
     * @param reasons  {@code PROVIDES_SERVICE} and/or {@code WORKS_UNDER_LEGAL_DOMAIN}
     * @param services the matching services it provides
     */
    public record UnitEntry(Map<String, Object> actor, List<String> reasons, List<Map<String, Object>> legalDomains,
                            List<Map<String, Object>> basedIn, List<Map<String, Object>> services,
                            List<Map<String, Object>> contacts) {

        public String key() {
            return (String) actor.get("key");
        }
    }

    /**
     * A body that covers the area and addresses the field.
     *
     * @param leads    CHAIR, CO_CHAIR and SECRETARIAT memberships as relationship objects (with {@code actorName})
     * @param contacts roles held in the leading actors
     */
    public record BodyEntry(Map<String, Object> body, List<Map<String, Object>> areas, boolean viaEnclosingArea,
                            List<Map<String, Object>> fields, List<Map<String, Object>> leads, long memberCount,
                            List<Map<String, Object>> contacts) {
    }

    /** An association working in the area, with its matching services and its bodies there. */
    public record AssociationEntry(Map<String, Object> actor, List<Map<String, Object>> services,
                                   List<Map<String, Object>> bodies, List<Map<String, Object>> basedIn,
                                   List<Map<String, Object>> contacts) {
    }
}
