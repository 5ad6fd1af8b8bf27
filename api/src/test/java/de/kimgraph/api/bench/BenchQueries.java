package de.kimgraph.api.bench;

/**
 * The questions of the bench runner: the service's GraphQL documents and, for the entity queries and grouped
 * counts, the best hand-written Cypher for the same answer (the lower bound). Variables: {@code $tenant} (the
 * Kreis, or null for the Land), {@code $area} (the Kreis or the Land), {@code $asOf} (today).
 */
final class BenchQueries {

    private BenchQueries() {
    }

    static final String VALID = "(%1$s.validFrom IS NULL OR %1$s.validFrom <= $asOf) AND (%1$s.validTo IS NULL OR %1$s.validTo >= $asOf)";

    static String valid(String variable) {
        return VALID.formatted(variable);
    }

    // --- entity lists with two levels of nesting -------------------------------------------------------------

    static final String ACTORS_NESTED = """
            query($filter: EntityFilter) { actors(filter: $filter, first: 100) { edges { node {
              key name kind sector
              memberships { role body { key name type } }
              services { key name fields { key labelDe } } } } } }""";

    static final String ACTORS_NESTED_CYPHER = """
            MATCH (n:Actor)
            WHERE ($tenant IS NULL OR n.tenant = $tenant) AND %s
            WITH n ORDER BY n.key LIMIT 100
            RETURN n.key AS key, n.name AS name, n.kind AS kind, n.sector AS sector,
              COLLECT { MATCH (n)-[r:MEMBER_OF]->(b:Body) WHERE %s AND %s
                        WITH r, b ORDER BY b.key RETURN {role: r.role, body: {key: b.key, name: b.name, type: b.type}} } AS memberships,
              COLLECT { MATCH (n)-[p:PROVIDES]->(s:Service) WHERE %s AND %s
                        WITH s ORDER BY s.key
                        RETURN {key: s.key, name: s.name, fields: COLLECT {
                          MATCH (s)-[i:IN_FIELD]->(f:FieldOfAction) WHERE %s AND %s
                          WITH f ORDER BY f.key RETURN {key: f.key, labelDe: f.labelDe} }} } AS services
            """.formatted(valid("n"), valid("r"), valid("b"), valid("p"), valid("s"), valid("i"), valid("f"));

    static final String BODIES_NESTED = """
            query($filter: EntityFilter) { bodies(filter: $filter, first: 100) { edges { node {
              key name type
              members { role actor { key name services { key name } } } } } } }""";

    static final String BODIES_NESTED_CYPHER = """
            MATCH (n:Body)
            WHERE ($tenant IS NULL OR n.tenant = $tenant) AND %s
            WITH n ORDER BY n.key LIMIT 100
            RETURN n.key AS key, n.name AS name, n.type AS type,
              COLLECT { MATCH (a:Actor)-[r:MEMBER_OF]->(n) WHERE %s AND %s
                        WITH r, a ORDER BY a.key
                        RETURN {role: r.role, actor: {key: a.key, name: a.name, services: COLLECT {
                          MATCH (a)-[p:PROVIDES]->(s:Service) WHERE %s AND %s
                          WITH s ORDER BY s.key RETURN {key: s.key, name: s.name} }}} } AS members
            """.formatted(valid("n"), valid("r"), valid("a"), valid("p"), valid("s"));

    static final String SERVICES_NESTED = """
            query($filter: EntityFilter) { services(filter: $filter, first: 100) { edges { node {
              key name form
              providers { key name memberships { body { key name } } }
              areas { key name } fields { key } targetGroups { key } } } } }""";

    static final String SERVICES_NESTED_CYPHER = """
            MATCH (n:Service)
            WHERE ($tenant IS NULL OR n.tenant = $tenant) AND %s
            WITH n ORDER BY n.key LIMIT 100
            RETURN n.key AS key, n.name AS name, n.form AS form,
              COLLECT { MATCH (a:Actor)-[p:PROVIDES]->(n) WHERE %s AND %s
                        WITH a ORDER BY a.key
                        RETURN {key: a.key, name: a.name, memberships: COLLECT {
                          MATCH (a)-[r:MEMBER_OF]->(b:Body) WHERE %s AND %s
                          WITH b ORDER BY b.key RETURN {body: {key: b.key, name: b.name}} }} } AS providers,
              COLLECT { MATCH (n)-[s:SERVES]->(x:Area) WHERE %s AND %s WITH x ORDER BY x.key
                        RETURN {key: x.key, name: x.name} } AS areas,
              COLLECT { MATCH (n)-[i:IN_FIELD]->(f:FieldOfAction) WHERE %s AND %s WITH f ORDER BY f.key
                        RETURN {key: f.key} } AS fields,
              COLLECT { MATCH (n)-[g:FOR_GROUP]->(t:TargetGroup) WHERE %s AND %s WITH t ORDER BY t.key
                        RETURN {key: t.key} } AS targetGroups
            """.formatted(valid("n"), valid("p"), valid("a"), valid("r"), valid("b"), valid("s"), valid("x"),
            valid("i"), valid("f"), valid("g"), valid("t"));

    // --- grouped counts ---------------------------------------------------------------------------------------

    static final String COUNT_SERVICES_BY_FIELD = """
            query($area: ID!) { groupedCounts(entity: SERVICE, by: FIELD, filter: {area: $area}) { key count } }""";

    /** From the area down its tree, then each field with its sub-fields (groups without services left out). */
    static final String COUNT_SERVICES_BY_FIELD_CYPHER = """
            MATCH (:Area {key: $area})<-[:PART_OF*0..]-(:Area)<-[:SERVES]-(n:Service)
            WHERE %s
            WITH DISTINCT n
            MATCH (n)-[:IN_FIELD]->(:FieldOfAction)-[:PART_OF*0..]->(g:FieldOfAction)
            WITH g, count(DISTINCT n) AS count
            RETURN g.key AS key, count
            """.formatted(valid("n"));

    static final String COUNT_ACTORS_BY_KIND = """
            query($area: ID!) { groupedCounts(entity: ACTOR, by: KIND, filter: {area: $area}) { key count } }""";

    static final String COUNT_ACTORS_BY_KIND_CYPHER = """
            MATCH (:Area {key: $area})<-[:PART_OF*0..]-(:Area)<-[:BASED_IN]-(n:Actor)
            WHERE %s
            WITH DISTINCT n
            RETURN n.kind AS key, count(n) AS count
            """.formatted(valid("n"));

    // --- analytic root fields ---------------------------------------------------------------------------------

    static final String WHO_DOES_WHAT = """
            query($area: ID!) { whoDoesWhat(area: $area) {
              services { service { key name } providers { key } viaEnclosingArea }
              bodies { body { key } memberCount } responsibleUnits { actor { key } } contacts { key }
              associations { actor { key } } } }""";

    static final String COVERAGE_GAPS = """
            query($area: ID!) { coverageGaps(area: $area) {
              summary { cells none thin covered } findings { kind severity } } }""";

    static final String DUPLICATE_STRUCTURES = """
            query($area: ID!) { duplicateStructures(area: $area) { findings { kind severity } } }""";

    static final String INTERFACE_POINTS = """
            query($area: ID!) { interfacePoints(area: $area) { actorCount tieCount betweennessSampled
              findings { kind severity } } }""";

    static final String NETWORK_HEALTH = """
            query($area: ID!) { networkHealth(area: $area) { actorCount tieCount density componentCount
              modularity isolatedCount findings { kind } } }""";

    static final String FUNDING_CLIFFS = """
            query($area: ID!) { fundingCliffs(area: $area, endingBefore: "2028-01-01") {
              programmes { fundedFte ends } findings { kind severity } } }""";

    static final String DIFF = """
            query($area: ID!) { diff(area: $area, from: "2025-01-01", to: "2026-11-30") {
              addedCount endedCount kinds { addedCount endedCount changedCount } } }""";

    /** The network map's one request (web/src/queries.ts), for the whole area. */
    static final String NETWORK = """
            query($area: ID!) { network(area: $area, maxNodes: 20000) { truncated communityCount
              nodes { key type name kind sector legalDomain visibility degree betweenness community }
              links { key type source target label } } }""";

    static final String INTERFACE_PAPER = """
            query($area: ID!) { interfacePaper(area: $area, paper: NETWORKS) }""";
}
