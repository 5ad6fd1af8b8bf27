package de.kimgraph.queries.entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.queries.access.ReadRule;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads entities as property maps, which the GraphQL layer serves as they are: lists with keyset pagination on
 * the business key, look-ups by key, and links for many owners in one query (the batch loaders call
 * {@link #links}). The Cypher is assembled from the fixed fragments of the {@link Catalog}, one shape for all
 * entity types, rather than kept in one file per type; values are always parameters.
 *
 * <p>Every method takes the caller's {@link ReadRule} and applies it in the query: to the records read, to the
 * targets of a link and to first-class relationships (memberships, actor relations, funding, grants) with both
 * their ends; contact channels of actors and roles are masked in the projection. A record the caller may not
 * read is simply absent, as if it did not exist.
 */
@Component
@Transactional(readOnly = true)
public class EntityReader {

    /** Map entries of relationship objects naming their endpoints. */
    public static final String FROM = "_from";
    public static final String TO = "_to";
    public static final String FROM_LABEL = "_fromLabel";
    public static final String TO_LABEL = "_toLabel";

    private static final String VALID_T = Filters.validity("t");
    private static final String VALID_R = Filters.validity("r");

    /** Projection of a relationship {@code r} with its type and endpoint keys and labels. */
    public static final String RELATIONSHIP = "r{.*, type: type(r), _from: startNode(r).key, _to: endNode(r).key, "
            + "_fromLabel: labels(startNode(r))[0], _toLabel: labels(endNode(r))[0]}";

    private final Neo4jClient client;

    public EntityReader(Neo4jClient client) {
        this.client = client;
    }

    /** One page of items, sorted by key, and whether more follow. */
    public record Page(List<Map<String, Object>> items, boolean hasNext) {
    }

    public Page list(EntityType type, @Nullable Map<String, Object> filter, int first, @Nullable String afterKey,
                     ReadRule rule) {
        return list(type, filter, first, afterKey, rule, List.of());
    }

    /** One page, with the selected nested links read in the same statement ({@link Prefetch}). */
    public Page list(EntityType type, @Nullable Map<String, Object> filter, int first, @Nullable String afterKey,
                     ReadRule rule, List<Prefetch.Selection> selection) {
        Filters.Where where = Filters.where(type, filter, rule);
        Map<String, Object> parameters = parameters(rule, where.parameters());
        parameters.put("after", afterKey);
        parameters.put("limit", first + 1);
        String prefetch = Prefetch.entries(type.typeName(), "n", selection, rule);
        List<Map<String, Object>> items = new ArrayList<>(items(listCypher(type, where, rule, prefetch), parameters));
        boolean hasNext = items.size() > first;
        return new Page(hasNext ? items.subList(0, first) : items, hasNext);
    }

    /** The query of {@link #list}: one page after {@code $after}, at most {@code $limit} rows (public for profiling). */
    public static String listCypher(EntityType type, Filters.Where where, ReadRule rule) {
        return listCypher(type, where, rule, "");
    }

    /**
     * The query of {@link #list} with prefetched links added to the item projection. The page is cut before the
     * projection, so that the nested subqueries run for the page's items only.
     */
    public static String listCypher(EntityType type, Filters.Where where, ReadRule rule, String prefetch) {
        return """
                %s
                WHERE %s
                  AND %s
                  AND ($after IS NULL OR n.key > $after)
                WITH n ORDER BY n.key LIMIT $limit
                RETURN %s AS item
                ORDER BY n.key""".formatted(where.match(), rule.readable("n"), where.cypher(),
                Prefetch.splice(rule.projectionOf(type.label(), "n"), prefetch));
    }

    public long count(EntityType type, @Nullable Map<String, Object> filter, ReadRule rule) {
        Filters.Where where = Filters.where(type, filter, rule);
        String cypher = "%s WHERE %s AND %s RETURN count(n) AS count"
                .formatted(where.match(), rule.readable("n"), where.cypher());
        return client.query(cypher).bindAll(parameters(rule, where.parameters())).fetchAs(Long.class).one().orElse(0L);
    }

    /** A record by key if it is readable and valid on {@code asOf} (any validity when {@code asOf} is null). */
    public @Nullable Map<String, Object> byKey(String label, String key, @Nullable LocalDate asOf, ReadRule rule) {
        String cypher = """
                MATCH (n:`%s` {key: $key})
                WHERE ($asOf IS NULL OR (%s))
                  AND %s
                RETURN %s AS item""".formatted(label, Filters.VALID_N, rule.readable("n"), rule.projectionOf(label, "n"));
        Map<String, Object> parameters = parameters(rule, Map.of("key", key));
        parameters.put("asOf", asOf);
        return items(cypher, parameters).stream().findFirst().orElse(null);
    }

    /** Readable records by key regardless of validity: references name an exact record. */
    public Map<String, Map<String, Object>> byKeys(String label, Collection<String> keys, ReadRule rule) {
        String cypher = "MATCH (n:`%s`) WHERE n.key IN $keys AND %s RETURN %s AS item"
                .formatted(label, rule.readable("n"), rule.projectionOf(label, "n"));
        Map<String, Map<String, Object>> result = new HashMap<>();
        for (Map<String, Object> item : items(cypher, parameters(rule, Map.of("keys", List.copyOf(keys))))) {
            result.put((String) item.get("key"), item);
        }
        return result;
    }

    /** Readable keyed relationships of the given types by key (with readable ends), as relationship objects. */
    public Map<String, Map<String, Object>> relationshipsByKeys(Collection<String> types, Collection<String> keys,
                                                                ReadRule rule) {
        String union = String.join("|", types.stream().map(t -> "`" + t + "`").toList());
        String cypher = "MATCH (a)-[r:%s]->(b) WHERE r.key IN $keys AND %s AND %s AND %s RETURN %s AS item"
                .formatted(union, rule.readableRelationship("r"), rule.readable("a"), rule.readable("b"), RELATIONSHIP);
        Map<String, Map<String, Object>> result = new HashMap<>();
        for (Map<String, Object> item : items(cypher, parameters(rule, Map.of("keys", List.copyOf(keys))))) {
            result.put((String) item.get("key"), item);
        }
        return result;
    }

    /**
     * The readable targets (or relationships) of one link for many owners at once, valid on {@code asOf}. The
     * target must be readable; a first-class relationship (a link returning relationship objects) too.
     * Structural links (SERVES, IN_FIELD …) carry their owner's tenant and visibility and follow their ends.
     */
    public Map<String, List<Map<String, Object>>> links(Link link, Collection<String> ownerKeys, LocalDate asOf,
                                                        ReadRule rule) {
        String targetLabel = link.targetLabel();
        String projection = link.relationshipObject() ? RELATIONSHIP
                : targetLabel == null ? "t{.*}" : rule.projectionOf(targetLabel, "t");
        String readable = link.relationshipObject() ? rule.readable("t") + " AND " + rule.readableRelationship("r")
                : rule.readable("t");
        String cypher = """
                UNWIND $keys AS k
                MATCH (o:`%s` {key: k})
                MATCH %s
                WHERE %s AND %s
                  AND %s
                RETURN k AS owner, %s AS item
                ORDER BY k, t.key""".formatted(link.ownerLabel(), link.pattern(), VALID_T, VALID_R, readable, projection);
        Map<String, List<Map<String, Object>>> result = new LinkedHashMap<>();
        for (String key : ownerKeys) {
            result.put(key, new ArrayList<>());
        }
        Map<String, Object> parameters = parameters(rule, Map.of("keys", List.copyOf(ownerKeys), "asOf", asOf));
        client.query(cypher).bindAll(parameters).fetch().all()
                .forEach(row -> result.get((String) row.get("owner")).add(castMap(row.get("item"))));
        return result;
    }

    /** A seeded vocabulary (reference data, readable by every rule that reads reference data). */
    public List<Map<String, Object>> vocabulary(String label, ReadRule rule) {
        return items("MATCH (n:`%s`) WHERE %s RETURN n{.*} AS item ORDER BY n.key".formatted(label, rule.readable("n")),
                rule.parameters());
    }

    private static Map<String, Object> parameters(ReadRule rule, Map<String, Object> more) {
        Map<String, Object> parameters = new HashMap<>(rule.parameters());
        parameters.putAll(more);
        return parameters;
    }

    private List<Map<String, Object>> items(String cypher, Map<String, Object> parameters) {
        return client.query(cypher).bindAll(parameters).fetch().all().stream().map(row -> castMap(row.get("item")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
