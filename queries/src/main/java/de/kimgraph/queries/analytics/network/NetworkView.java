package de.kimgraph.queries.analytics.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.queries.analytics.Rows;
import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.analytics.interfaces.Graph;
import de.kimgraph.queries.analytics.interfaces.GraphAlgorithms;
import de.kimgraph.queries.entity.Catalog;
import de.kimgraph.queries.entity.EntityType;
import de.kimgraph.queries.entity.Filters;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network of an area as the map draws it, in one answer: the actors and bodies that the lists
 * {@code actors(filter:)} and {@code bodies(filter:)} return for the same filter, the valid memberships among them
 * and the valid actor relations between them, with each node's degree, betweenness and community computed here
 * (on the graph of actors and bodies, memberships and relations as edges).
 *
 * <p>Two statements, one per label, each reading its nodes with their links in one pass ({@code COLLECT}
 * subqueries), instead of the pages of 500 with nested links that the lists need: a Kreis of 2,000 nodes is one
 * round trip. Filters have the list semantics ({@link Filters#where}), so the map and the lists agree; the caller's
 * read rule applies to every node, membership and relation, and to the other end of each.
 *
 * <p>Filters: {@code field} applies to actors and bodies; {@code targetGroup} and {@code legalDomain} to actors,
 * and then only bodies with a shown member remain; {@code bodyType} to bodies, and then only actors that are
 * members of a shown body remain. These conditions across the sides hold before the cap ({@code maxNodes}): the
 * side with its own filter is read first, and the other side is read among its partners.
 */
@Component
@Transactional(readOnly = true)
public class NetworkView {

    /** Nodes of each label read at most, unless the caller asks for fewer. */
    public static final int MAX_NODES = 20_000;

    private static final String RELATIONS = String.join("|", GraphSpec.ACTOR_RELATION_TYPES);

    private final Neo4jClient client;

    public NetworkView(Neo4jClient client) {
        this.client = client;
    }

    /** What to draw: the scope and the filters of the map (null = no filter). */
    public record Request(Scope scope, @Nullable String field, @Nullable String targetGroup,
                         @Nullable String legalDomain, @Nullable String bodyType, int maxNodes) {

        public Request {
            if (maxNodes < 1 || maxNodes > MAX_NODES) {
                throw new IllegalArgumentException("maxNodes: 1 bis " + MAX_NODES + " (1 to " + MAX_NODES + ")");
            }
        }
    }

    /**
     * A node: an actor or a body.
     *
     * @param kind        the actor's kind or the body's type
     * @param sector      the actor's sector (null for bodies)
     * @param legalDomain the first of the actor's legal domains by key (null when none, and for bodies)
     * @param betweenness normalised to 0..1 (see {@link GraphAlgorithms#betweenness(Graph)})
     * @param community   number of the node's community (Louvain), 1 = largest
     */
    public record Node(String key, String type, String name, @Nullable String kind, @Nullable String sector,
                       @Nullable String legalDomain, List<String> legalDomains, @Nullable String visibility,
                       int degree, double betweenness, int community) {
    }

    /**
     * A link: a membership (actor → body, {@code label} the role) or an actor relation ({@code label} its type).
     */
    public record Link(String key, String type, String source, String target, @Nullable String label) {
    }

    /**
     * The network.
     *
     * @param truncated whether the actors or the bodies were cut at {@code maxNodes} (first by key)
     */
    public record Result(List<Node> nodes, List<Link> links, boolean truncated, boolean betweennessSampled,
                         int communityCount) {
    }

    public Result read(Request request) {
        Scope scope = request.scope();
        Map<String, Object> actorFilter = new HashMap<>();
        actorFilter.put("area", scope.area());
        actorFilter.put("asOf", scope.asOf());
        actorFilter.put("field", request.field());
        actorFilter.put("targetGroup", request.targetGroup());
        actorFilter.put("legalDomain", request.legalDomain());
        Map<String, Object> bodyFilter = new HashMap<>();
        bodyFilter.put("area", scope.area());
        bodyFilter.put("asOf", scope.asOf());
        bodyFilter.put("field", request.field());
        bodyFilter.put("kind", request.bodyType());

        String actorLinks = """
                COLLECT {
                  MATCH (n)-[r:WORKS_UNDER]->(d:LegalDomain)
                  WHERE %s AND %s AND %s
                  RETURN DISTINCT d.key ORDER BY d.key
                } AS legalDomains,
                COLLECT {
                  MATCH (n)-[r:%s]->(t:Actor)
                  WHERE %s AND %s AND %s AND %s
                  RETURN {key: r.key, type: type(r), target: t.key}
                } AS links""".formatted(Filters.validity("r"), Filters.validity("d"), scope.read().readable("d"),
                RELATIONS, Filters.validity("r"),
                Filters.validity("t"), scope.read().readableRelationship("r"), scope.read().readable("t"));
        String bodyLinks = """
                COLLECT {
                  MATCH (n)<-[r:MEMBER_OF]-(t:Actor)
                  WHERE %s AND %s AND %s AND %s
                  RETURN {key: r.key, role: r.role, source: t.key}
                } AS links""".formatted(Filters.validity("r"), Filters.validity("t"),
                scope.read().readableRelationship("r"), scope.read().readable("t"));
        // A filter of one side narrows the other before the cap: with a body type the actors are members of the bodies
        // read first; with a target group or legal domain the bodies have a member among the actors read first.
        String validMember = Filters.validity("m") + " AND " + scope.read().readableRelationship("m");
        boolean actorOnlyFilter = request.targetGroup() != null || request.legalDomain() != null;
        Nodes actors;
        Nodes bodies;
        String actorMore = "n.sector AS sector, " + actorLinks;
        String bodyMore = "null AS sector, [] AS legalDomains, " + bodyLinks;
        if (request.bodyType() != null) {
            bodies = nodes(Catalog.BODY, bodyFilter, request, bodyMore, null, Map.of());
            actors = nodes(Catalog.ACTOR, actorFilter, request, actorMore,
                    "EXISTS { (n)-[m:MEMBER_OF]->(b:Body) WHERE b.key IN $shownBodies AND " + validMember + " }",
                    Map.of("shownBodies", keys(bodies.rows())));
        } else if (actorOnlyFilter) {
            actors = nodes(Catalog.ACTOR, actorFilter, request, actorMore, null, Map.of());
            bodies = nodes(Catalog.BODY, bodyFilter, request, bodyMore,
                    "EXISTS { (n)<-[m:MEMBER_OF]-(a:Actor) WHERE a.key IN $shownActors AND " + validMember + " }",
                    Map.of("shownActors", keys(actors.rows())));
        } else {
            actors = nodes(Catalog.ACTOR, actorFilter, request, actorMore, null, Map.of());
            bodies = nodes(Catalog.BODY, bodyFilter, request, bodyMore, null, Map.of());
        }

        List<Map<String, Object>> shownActors = actors.rows();
        Set<String> actorKeys = new HashSet<>(keys(shownActors));
        // with a body type and an actor filter both: the bodies left without a shown member go
        List<Map<String, Object>> shownBodies = !(actorOnlyFilter && request.bodyType() != null) ? bodies.rows()
                : bodies.rows().stream()
                .filter(b -> Rows.maps(b.get("links")).stream().anyMatch(m -> actorKeys.contains((String) m.get("source"))))
                .toList();

        Map<String, Integer> index = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>(shownActors);
        rows.addAll(shownBodies);
        rows.forEach(row -> index.put((String) row.get("key"), index.size()));
        List<Link> links = new ArrayList<>();
        Set<String> linkKeys = new HashSet<>();
        for (Map<String, Object> body : shownBodies) {
            for (Map<String, Object> m : Rows.maps(body.get("links"))) {
                String source = (String) m.get("source");
                if (actorKeys.contains(source) && linkKeys.add((String) m.get("key"))) {
                    links.add(new Link((String) m.get("key"), "MEMBERSHIP", source, (String) body.get("key"),
                            (String) m.get("role")));
                }
            }
        }
        for (Map<String, Object> actor : shownActors) {
            for (Map<String, Object> r : Rows.maps(actor.get("links"))) {
                String target = (String) r.get("target");
                if (actorKeys.contains(target) && linkKeys.add((String) r.get("key"))) {
                    links.add(new Link((String) r.get("key"), "RELATION", (String) actor.get("key"), target,
                            (String) r.get("type")));
                }
            }
        }

        Graph.Builder builder = new Graph.Builder(index.size());
        links.forEach(e -> builder.add(index.get(e.source()), index.get(e.target())));
        Graph graph = builder.build();
        GraphAlgorithms.Betweenness betweenness = GraphAlgorithms.betweenness(graph);
        int[] community = GraphAlgorithms.communities(graph);
        int communities = 0;
        for (int c : community) {
            communities = Math.max(communities, c + 1);
        }
        List<Node> nodes = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            boolean actor = i < shownActors.size();
            List<String> domains = Rows.strings(row.get("legalDomains"));
            nodes.add(new Node((String) row.get("key"), actor ? "ACTOR" : "BODY", (String) row.get("name"),
                    (String) row.get("kind"), (String) row.get("sector"), domains.isEmpty() ? null : domains.getFirst(),
                    domains, (String) row.get("visibility"), graph.degree(i),
                    Math.round(betweenness.values()[i] * 1e6) / 1e6, community[i] + 1));
        }
        return new Result(nodes, links, actors.truncated() || bodies.truncated(), betweenness.sampled(), communities);
    }

    private record Nodes(List<Map<String, Object>> rows, boolean truncated) {
    }

    private static List<String> keys(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> (String) row.get("key")).toList();
    }

    /**
     * The nodes of one label that the list of the same filter returns (and that pass {@code also}, when given), the
     * first {@code maxNodes} by key, with their links.
     */
    private Nodes nodes(EntityType type, Map<String, Object> filter, Request request, String more,
                        @Nullable String also, Map<String, Object> alsoParameters) {
        Filters.Where where = Filters.where(type, filter, request.scope().read());
        String kind = type == Catalog.BODY ? "n.type" : "n.kind";
        String cypher = """
                %s
                WHERE %s
                  AND %s
                  AND %s
                WITH n ORDER BY n.key LIMIT $limit
                RETURN n.key AS key, n.name AS name, %s AS kind, n.visibility AS visibility, %s
                ORDER BY key""".formatted(where.match(), request.scope().read().readable("n"), where.cypher(),
                also == null ? "true" : also, kind, more);
        Map<String, Object> parameters = new HashMap<>(request.scope().read().parameters());
        parameters.putAll(where.parameters());
        parameters.putAll(alsoParameters);
        parameters.put("limit", request.maxNodes() + 1);
        List<Map<String, Object>> rows = new ArrayList<>(client.query(cypher).bindAll(parameters).fetch().all());
        boolean truncated = rows.size() > request.maxNodes();
        return new Nodes(truncated ? rows.subList(0, request.maxNodes()) : rows, truncated);
    }
}
