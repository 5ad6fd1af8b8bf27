package de.kimgraph.model.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import de.kimgraph.model.audit.AuditEvent;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.RelationshipSpec;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Values;
import org.jspecify.annotations.Nullable;

/**
 * Writes a validated {@link Dataset}: first every reference is checked (against the file and the database),
 * then all records are merged in one transaction, so a bad file writes nothing. Merging is on keys (nodes and
 * keyed relationships) or endpoints, and only records whose properties differ are touched, so loading the same
 * file twice reports zero changes. A dry run does the same work and rolls back.
 *
 * <p>Every load is recorded in the audit trail, in the same transaction: one {@code IMPORT} event with the counts
 * per label, per tenant the file touched (one event for the usual single-tenant file), naming the caller.
 */
public final class DatasetLoader {

    private static final int BATCH = 5_000;
    private static final String NO_TENANT = "";

    /**
     * After {@code MERGE} of {@code $x} (a node or relationship): touch it only when a property differs, so that an
     * unchanged record keeps its version, and count created, changed and unchanged records.
     */
    private static final String MERGE_TAIL = """
              ON CREATE SET $x.version = 0
            WITH $x, row, $x.version = 0 AS created
            WITH $x, row, created,
                 created OR any(k IN keys(row.props) WHERE $x[k] IS NULL OR $x[k] <> row.props[k]) AS touched
            FOREACH (_ IN CASE WHEN touched THEN [1] ELSE [] END |
              SET $x += row.props, $x.version = $x.version + 1)
            RETURN row.props.tenant AS tenant,
                   count(CASE WHEN created THEN 1 END) AS created,
                   count(CASE WHEN touched AND NOT created THEN 1 END) AS changed,
                   count(CASE WHEN NOT touched THEN 1 END) AS unchanged
            """;

    private final Driver driver;
    private final Consumer<String> progress;

    public DatasetLoader(Driver driver, Consumer<String> progress) {
        this.driver = driver;
        this.progress = progress;
    }

    public DatasetLoader(Driver driver) {
        this(driver, message -> { });
    }

    /**
     * Who loads a dataset, for the audit trail.
     *
     * @param tenant the tenant of the caller's token (null for the service itself)
     */
    public record Caller(String subject, String role, @Nullable String tenant, @Nullable String comment) {

        /** The service itself: bootstrap and the embedded default. */
        public static final Caller SYSTEM = new Caller("system", "ADMIN", null, null);
    }

    /** Loads as the service itself (bootstrap, tests). */
    public LoadResult load(Dataset dataset) {
        return load(dataset, Caller.SYSTEM);
    }

    public LoadResult load(Dataset dataset, Caller caller) {
        return run(dataset, false, caller);
    }

    public LoadResult dryRun(Dataset dataset) {
        return run(dataset, true, Caller.SYSTEM);
    }

    private LoadResult run(Dataset dataset, boolean dryRun, Caller caller) {
        try (var session = driver.session(); Transaction tx = session.beginTransaction()) {
            List<Problem> problems = new ArrayList<>();
            checkReferences(tx, dataset, problems);
            checkShares(tx, dataset, problems);
            if (!problems.isEmpty()) {
                tx.rollback();
                throw new DatasetException(problems);
            }
            Map<String, LoadResult.Counts> counts = new LinkedHashMap<>();
            Map<String, Map<String, LoadResult.Counts>> byTenant = new LinkedHashMap<>();
            writeNodes(tx, dataset, counts, byTenant);
            writeRelationships(tx, dataset, counts, byTenant);
            audit(tx, dataset, caller, byTenant);
            if (dryRun) {
                tx.rollback();
            } else {
                tx.commit();
            }
            LoadResult result = new LoadResult(dataset.name(), dryRun, counts);
            progress.accept(result.toString());
            return result;
        }
    }

    /** One IMPORT event per tenant touched (records without a tenant count under none). */
    private static void audit(Transaction tx, Dataset dataset, Caller caller,
                              Map<String, Map<String, LoadResult.Counts>> byTenant) {
        if (byTenant.isEmpty()) {
            byTenant.put(NO_TENANT, Map.of());
        }
        byTenant.forEach((tenant, counts) -> {
            Map<String, Map<String, Long>> figures = new LinkedHashMap<>();
            counts.forEach((label, c) -> figures.put(label, Map.of("created", c.created(), "changed", c.changed(),
                    "unchanged", c.unchanged())));
            AuditEvent event = new AuditEvent(caller.subject(), caller.role(), NO_TENANT.equals(tenant) ? null : tenant,
                    caller.tenant(), AuditEvent.Operation.IMPORT, "Dataset", dataset.name(), List.of(), figures,
                    caller.comment());
            tx.run(AuditEvent.CYPHER, event.parameters()).consume();
        });
    }

    private void writeNodes(Transaction tx, Dataset dataset, Map<String, LoadResult.Counts> counts,
                            Map<String, Map<String, LoadResult.Counts>> byTenant) {
        Map<String, List<Map<String, Object>>> byLabel = new LinkedHashMap<>();
        for (Dataset.NodeRecord node : dataset.nodes()) {
            byLabel.computeIfAbsent(node.label(), l -> new ArrayList<>())
                    .add(Map.of("key", node.key(), "props", node.properties()));
        }
        for (Map.Entry<String, List<Map<String, Object>>> group : byLabel.entrySet()) {
            String cypher = """
                    UNWIND $rows AS row
                    MERGE (n:`%s` {key: row.key})
                    """.formatted(group.getKey()) + MERGE_TAIL.replace("$x", "n");
            counts.put(group.getKey(), batched(tx, cypher, group.getValue(), dataset.name() + " " + group.getKey(),
                    group.getKey(), byTenant));
        }
    }

    private void writeRelationships(Transaction tx, Dataset dataset, Map<String, LoadResult.Counts> counts,
                                    Map<String, Map<String, LoadResult.Counts>> byTenant) {
        Map<RelationshipSpec, List<Map<String, Object>>> bySpec = new LinkedHashMap<>();
        for (Dataset.RelationshipRecord rel : dataset.relationships()) {
            Map<String, Object> row = new HashMap<>();
            row.put("key", rel.key());
            row.put("from", rel.from());
            row.put("to", rel.to());
            row.put("props", rel.properties());
            bySpec.computeIfAbsent(rel.spec(), s -> new ArrayList<>()).add(row);
        }
        for (Map.Entry<RelationshipSpec, List<Map<String, Object>>> group : bySpec.entrySet()) {
            RelationshipSpec spec = group.getKey();
            String merge = spec.keyed() ? "MERGE (a)-[r:`%s` {key: row.key}]->(b)".formatted(spec.type())
                    : "MERGE (a)-[r:`%s`]->(b)".formatted(spec.type());
            String cypher = """
                    UNWIND $rows AS row
                    MATCH (a:`%s` {key: row.from})
                    MATCH (b:`%s` {key: row.to})
                    %s
                    """.formatted(spec.fromLabel(), spec.toLabel(), merge) + MERGE_TAIL.replace("$x", "r");
            String name = spec.type() + " (" + spec.fromLabel() + "→" + spec.toLabel() + ")";
            LoadResult.Counts c = batched(tx, cypher, group.getValue(), dataset.name() + " " + name, spec.type(), byTenant);
            counts.merge(spec.type(), c, LoadResult.Counts::plus);
        }
    }

    private LoadResult.Counts batched(Transaction tx, String cypher, List<Map<String, Object>> rows, String what,
                                      String label, Map<String, Map<String, LoadResult.Counts>> byTenant) {
        LoadResult.Counts total = new LoadResult.Counts(0, 0, 0);
        for (int start = 0; start < rows.size(); start += BATCH) {
            List<Map<String, Object>> batch = rows.subList(start, Math.min(rows.size(), start + BATCH));
            for (Record r : tx.run(cypher, Values.parameters("rows", batch)).list()) {
                LoadResult.Counts counts = new LoadResult.Counts(r.get("created").asLong(), r.get("changed").asLong(),
                        r.get("unchanged").asLong());
                total = total.plus(counts);
                String tenant = r.get("tenant").isNull() ? NO_TENANT : r.get("tenant").asString();
                byTenant.computeIfAbsent(tenant, t -> new LinkedHashMap<>()).merge(label, counts, LoadResult.Counts::plus);
            }
            if (rows.size() > BATCH) {
                progress.accept(what + ": " + Math.min(rows.size(), start + BATCH) + "/" + rows.size());
            }
        }
        return total;
    }

    /** Every endpoint and every key-valued property must name a record in the file or in the database. */
    private void checkReferences(Transaction tx, Dataset dataset, List<Problem> problems) {
        Map<String, Set<String>> inFile = new HashMap<>();
        for (Dataset.NodeRecord node : dataset.nodes()) {
            inFile.computeIfAbsent(node.label(), l -> new HashSet<>()).add(node.key());
        }
        record Reference(String label, String key, String location, String field) {
        }
        List<Reference> references = new ArrayList<>();
        for (Dataset.RelationshipRecord rel : dataset.relationships()) {
            references.add(new Reference(rel.spec().fromLabel(), rel.from(), rel.location(), "from"));
            references.add(new Reference(rel.spec().toLabel(), rel.to(), rel.location(), "to"));
            collectPropertyReferences(rel.spec().properties(), rel.properties(), rel.location(),
                    (label, key, field) -> references.add(new Reference(label, key, rel.location(), field)));
        }
        for (Dataset.NodeRecord node : dataset.nodes()) {
            collectPropertyReferences(GraphSpec.node(node.label()).properties(), node.properties(), node.location(),
                    (label, key, field) -> references.add(new Reference(label, key, node.location(), field)));
        }
        Map<String, Set<String>> missingByLabel = new HashMap<>();
        for (Reference ref : references) {
            if (!inFile.getOrDefault(ref.label(), Set.of()).contains(ref.key())) {
                missingByLabel.computeIfAbsent(ref.label(), l -> new HashSet<>()).add(ref.key());
            }
        }
        Map<String, Set<String>> inDatabase = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : missingByLabel.entrySet()) {
            Set<String> found = new HashSet<>(tx.run("MATCH (n:`%s`) WHERE n.key IN $keys RETURN n.key AS key"
                    .formatted(e.getKey()), Values.parameters("keys", List.copyOf(e.getValue())))
                    .list(r -> r.get("key").asString()));
            inDatabase.put(e.getKey(), found);
        }
        for (Reference ref : references) {
            if (!inFile.getOrDefault(ref.label(), Set.of()).contains(ref.key())
                    && !inDatabase.getOrDefault(ref.label(), Set.of()).contains(ref.key())) {
                problems.add(new Problem(ref.location(), ref.field(), "UNKNOWN_REFERENCE",
                        "Verweis auf unbekannten Eintrag " + ref.label() + " '" + ref.key() + "'.",
                        "Reference to unknown " + ref.label() + " '" + ref.key() + "'."));
            }
        }
    }

    private interface ReferenceSink {
        void add(String label, String key, String field);
    }

    private static void collectPropertyReferences(List<PropertySpec> specs, Map<String, Object> properties,
                                                  String location, ReferenceSink sink) {
        for (PropertySpec spec : specs) {
            if (!spec.referencesNodes() || !properties.containsKey(spec.name())) {
                continue;
            }
            Object value = properties.get(spec.name());
            String label = java.util.Objects.requireNonNull(spec.vocabulary());
            if (value instanceof List<?> list) {
                list.forEach(v -> sink.add(label, String.valueOf(v), spec.name()));
            } else if (value != null) {
                sink.add(label, String.valueOf(value), spec.name());
            }
        }
    }

    /** The funding shares of one position (file and database together) may not exceed one full position. */
    private void checkShares(Transaction tx, Dataset dataset, List<Problem> problems) {
        Map<String, Double> shares = new HashMap<>();
        Map<String, String> locations = new HashMap<>();
        Set<String> keysInFile = new HashSet<>();
        for (Dataset.RelationshipRecord rel : dataset.relationships()) {
            if (rel.spec().type().equals("FUNDED_BY") && rel.spec().fromLabel().equals(GraphSpec.POSITION)) {
                keysInFile.add(java.util.Objects.requireNonNull(rel.key()));
                if (rel.properties().get("share") instanceof Double share && rel.properties().get("validTo") == null) {
                    shares.merge(rel.from(), share, Double::sum);
                    locations.put(rel.from(), rel.location());
                }
                if (rel.properties().get("share") instanceof Double share && (share < 0 || share > 1)) {
                    problems.add(new Problem(rel.location(), "share", "INVALID_SHARE",
                            "Anteil muss zwischen 0 und 1 liegen.", "Share must lie between 0 and 1."));
                }
            }
        }
        if (shares.isEmpty()) {
            return;
        }
        tx.run("""
                MATCH (p:Position)-[f:FUNDED_BY]->(:FundingProgramme)
                WHERE p.key IN $positions AND NOT f.key IN $keys AND f.validTo IS NULL
                RETURN p.key AS position, sum(f.share) AS share
                """, Values.parameters("positions", List.copyOf(shares.keySet()), "keys", List.copyOf(keysInFile)))
                .forEachRemaining(r -> shares.merge(r.get("position").asString(), r.get("share").asDouble(), Double::sum));
        shares.forEach((position, share) -> {
            if (share > 1.0 + 1e-9) {
                problems.add(new Problem(locations.get(position), "share", "SHARES_EXCEED_POSITION",
                        "Die Förderanteile der Stelle " + position + " summieren sich auf " + share + " (> 1).",
                        "The funding shares of position " + position + " add up to " + share + " (> 1)."));
            }
        });
    }
}
