package de.kimgraph.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.NodeSpec;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.RelationshipSpec;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;

/**
 * Reads the part of the graph an {@link ExportScope} names into a {@link Snapshot}, in one read transaction (so
 * the export is consistent and routes to a read replica in a cluster).
 *
 * <p>For an area, the export starts from what lies in it: the tenant's areas inside it, actors based there, bodies
 * covering it and services serving it or provided by those actors. It then takes the tenant's records one step
 * away (members of those bodies, programmes funding those services, units of positions …) and, until nothing new
 * comes, the records that belong to one of them (roles, positions, agreements, requirements). Relationships are
 * exported when both ends are exported, or one end is exported and the other is reference data (NRW areas,
 * vocabularies) or a published record of another tenant; those other ends are the snapshot's referenced nodes. So
 * an export is closed: importing it into a database with the same reference data finds every end.
 */
public final class GraphExporter {

    /** Labels of records that only exist as part of another record. */
    private static final List<String> OWNED = List.of(GraphSpec.ROLE, GraphSpec.POSITION, GraphSpec.AGREEMENT,
            GraphSpec.REQUIREMENT);

    private static final String VALID = """
            (%1$s.validFrom IS NULL OR $asOf IS NULL OR %1$s.validFrom <= $asOf)
            AND (%1$s.validTo IS NULL OR $asOf IS NULL OR %1$s.validTo >= $asOf)""";

    private static final String VISIBLE = "($internal OR %1$s.visibility = 'PUBLISHED')";

    private final Driver driver;

    public GraphExporter(Driver driver) {
        this.driver = driver;
    }

    public Snapshot export(ExportScope scope) {
        try (var session = driver.session(SessionConfig.builder().withDefaultAccessMode(
                org.neo4j.driver.AccessMode.READ).build())) {
            return session.executeRead(tx -> read(tx, scope));
        }
    }

    private Snapshot read(TransactionContext tx, ExportScope scope) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("tenant", scope.tenant());
        parameters.put("area", scope.area());
        parameters.put("asOf", scope.asOf());
        parameters.put("internal", scope.includeInternal());
        String node = VALID.formatted("n") + " AND " + VISIBLE.formatted("n");

        Set<String> selected = new HashSet<>();
        if (scope.area() == null) {
            for (NodeSpec spec : GraphSpec.nodes()) {
                selected.addAll(ids(tx, "MATCH (n:`%s` {tenant: $tenant}) WHERE %s RETURN elementId(n) AS id"
                        .formatted(spec.label(), node), parameters));
            }
        } else {
            selected.addAll(ids(tx, """
                    MATCH (area:Area {key: $area})
                    MATCH (inside:Area)-[:PART_OF*0..]->(area)
                    CALL (inside) {
                      WITH inside AS n RETURN n
                      UNION
                      MATCH (n:Actor)-[:BASED_IN]->(inside) RETURN n
                      UNION
                      MATCH (n:Body)-[:COVERS]->(inside) RETURN n
                      UNION
                      MATCH (n:Service)-[:SERVES]->(inside) RETURN n
                      UNION
                      MATCH (n:Service)<-[:PROVIDES]-(:Actor)-[:BASED_IN]->(inside) RETURN n
                    }
                    WITH DISTINCT n WHERE n.tenant = $tenant AND %s
                    RETURN elementId(n) AS id
                    """.formatted(node), parameters));
            parameters.put("ids", List.copyOf(selected));
            selected.addAll(ids(tx, """
                    MATCH (s)--(n) WHERE elementId(s) IN $ids AND n.tenant = $tenant AND NOT n:Area AND %s
                    RETURN DISTINCT elementId(n) AS id
                    """.formatted(node), parameters));
            while (true) {
                parameters.put("ids", List.copyOf(selected));
                parameters.put("owned", OWNED);
                List<String> more = ids(tx, """
                        MATCH (s)--(n) WHERE elementId(s) IN $ids AND n.tenant = $tenant
                          AND any(l IN labels(n) WHERE l IN $owned) AND %s
                        RETURN DISTINCT elementId(n) AS id
                        """.formatted(node), parameters);
                if (!selected.addAll(more)) {
                    break;
                }
            }
        }
        parameters.put("ids", List.copyOf(selected));

        List<Dataset.NodeRecord> nodes = new ArrayList<>();
        tx.run("MATCH (n) WHERE elementId(n) IN $ids RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS p",
                parameters).forEachRemaining(r -> {
            String label = label(r.get("labels"));
            if (label == null) {
                return;
            }
            Map<String, Object> properties = properties(GraphSpec.node(label).properties(), r.get("p"), label, scope);
            String key = String.valueOf(properties.remove("key"));
            nodes.add(new Dataset.NodeRecord(label, key, properties, label + " " + key));
        });
        List<String> labelOrder = GraphSpec.nodes().stream().map(NodeSpec::label).toList();
        nodes.sort(Comparator.<Dataset.NodeRecord>comparingInt(n -> labelOrder.indexOf(n.label()))
                .thenComparing(Dataset.NodeRecord::key));

        List<Dataset.RelationshipRecord> relationships = new ArrayList<>();
        Map<String, Dataset.NodeRecord> referenced = new LinkedHashMap<>();
        String relationship = VALID.formatted("r") + " AND (r.key IS NULL OR " + VISIBLE.formatted("r") + ")";
        tx.run("""
                MATCH (a)-[r]->(b)
                WHERE elementId(a) IN $ids AND (elementId(b) IN $ids OR b.tenant = 'REFERENCE'
                        OR b.tenant <> $tenant AND b.visibility = 'PUBLISHED')
                  AND coalesce(r.tenant, $tenant) = $tenant AND %1$s
                RETURN a.key AS from, labels(a) AS fromLabels, b.key AS to, labels(b) AS toLabels, type(r) AS type,
                       properties(r) AS p, elementId(b) IN $ids AS inside, true AS otherIsTo, properties(b) AS other
                UNION ALL
                MATCH (a)-[r]->(b)
                WHERE elementId(b) IN $ids AND NOT elementId(a) IN $ids
                  AND (a.tenant = 'REFERENCE' OR a.tenant <> $tenant AND a.visibility = 'PUBLISHED')
                  AND coalesce(r.tenant, $tenant) = $tenant AND %1$s
                RETURN a.key AS from, labels(a) AS fromLabels, b.key AS to, labels(b) AS toLabels, type(r) AS type,
                       properties(r) AS p, false AS inside, false AS otherIsTo, properties(a) AS other
                """.formatted(relationship), parameters).forEachRemaining(r -> {
            String fromLabel = label(r.get("fromLabels"));
            String toLabel = label(r.get("toLabels"));
            RelationshipSpec spec = fromLabel == null || toLabel == null ? null
                    : GraphSpec.relationships(r.get("type").asString()).stream()
                    .filter(s -> s.fromLabel().equals(fromLabel) && s.toLabel().equals(toLabel)).findFirst()
                    .orElse(null);
            if (spec == null) {
                return;
            }
            Map<String, Object> properties = properties(spec.properties(), r.get("p"), null, scope);
            Object key = properties.remove("key");
            String from = r.get("from").asString();
            String to = r.get("to").asString();
            relationships.add(new Dataset.RelationshipRecord(spec, key == null ? null : String.valueOf(key), from, to,
                    properties, spec.type() + " " + (key == null ? from + "→" + to : key)));
            if (!r.get("inside").asBoolean()) {
                String otherLabel = r.get("otherIsTo").asBoolean() ? toLabel : fromLabel;
                Map<String, Object> otherProperties = properties(GraphSpec.node(otherLabel).properties(),
                        r.get("other"), otherLabel, scope);
                String otherKey = String.valueOf(otherProperties.remove("key"));
                referenced.putIfAbsent(Snapshot.id(otherLabel, otherKey),
                        new Dataset.NodeRecord(otherLabel, otherKey, otherProperties, otherLabel + " " + otherKey));
            }
        });
        List<String> typeOrder = GraphSpec.relationships().stream()
                .map(s -> s.type() + "|" + s.fromLabel() + "|" + s.toLabel()).toList();
        relationships.sort(Comparator.<Dataset.RelationshipRecord>comparingInt(r -> typeOrder.indexOf(
                        r.spec().type() + "|" + r.spec().fromLabel() + "|" + r.spec().toLabel()))
                .thenComparing(Dataset.RelationshipRecord::from)
                .thenComparing(Dataset.RelationshipRecord::to)
                .thenComparing(r -> r.key() == null ? "" : r.key()));
        Map<String, Dataset.NodeRecord> sortedReferenced = new LinkedHashMap<>();
        referenced.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sortedReferenced.put(e.getKey(), e.getValue()));
        String name = "kim-graph " + scope.tenant() + (scope.area() == null ? "" : " " + scope.area())
                + (scope.asOf() == null ? "" : " " + scope.asOf());
        return new Snapshot(scope, new Dataset(name, nodes, relationships), sortedReferenced);
    }

    private static List<String> ids(TransactionContext tx, String cypher, Map<String, Object> parameters) {
        return tx.run(cypher, parameters).list(r -> r.get("id").asString());
    }

    private static @Nullable String label(Value labels) {
        for (Value label : labels.values()) {
            if (GraphSpec.hasNode(label.asString())) {
                return label.asString();
            }
        }
        return null;
    }

    /** The stored properties the model knows, without {@code version}; contacts only when the scope allows. */
    private static Map<String, Object> properties(List<PropertySpec> specs, Value stored, @Nullable String label,
                                                  ExportScope scope) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (PropertySpec spec : specs) {
            if (spec.name().equals("version")) {
                continue;
            }
            Value value = stored.get(spec.name());
            if (value.isNull()) {
                continue;
            }
            if (!scope.includeContacts() && (GraphSpec.ACTOR.equals(label) || GraphSpec.ROLE.equals(label))
                    && (spec.name().equals("email") || spec.name().equals("phone"))) {
                continue;
            }
            result.put(spec.name(), value.asObject());
        }
        return result;
    }
}
