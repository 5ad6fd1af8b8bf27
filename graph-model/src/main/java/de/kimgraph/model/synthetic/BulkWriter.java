package de.kimgraph.model.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.spec.RelationshipSpec;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Values;

/**
 * Writes generated datasets into an empty tenant without the loader's checks and diff, in batched transactions:
 * the set-up of the benchmarks, which need all of NRW in minutes. The records are the same as
 * {@link de.kimgraph.model.dataset.DatasetLoader} writes (properties, {@code version} 1), without audit events.
 * The generator's records are valid by construction: {@code SyntheticNetworkTest} loads them through the
 * validating loader. Not for imports: existing records are not merged but duplicated.
 */
public final class BulkWriter {

    private static final int BATCH = 10_000;

    private BulkWriter() {
    }

    public static void write(Driver driver, List<Dataset> datasets, Consumer<String> progress) {
        Map<String, List<Map<String, Object>>> nodes = new LinkedHashMap<>();
        Map<RelationshipSpec, List<Map<String, Object>>> relationships = new LinkedHashMap<>();
        for (Dataset dataset : datasets) {
            for (Dataset.NodeRecord node : dataset.nodes()) {
                nodes.computeIfAbsent(node.label(), l -> new ArrayList<>())
                        .add(Map.of("key", node.key(), "props", node.properties()));
            }
            for (Dataset.RelationshipRecord rel : dataset.relationships()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("from", rel.from());
                row.put("to", rel.to());
                Map<String, Object> props = new LinkedHashMap<>(rel.properties());
                if (rel.key() != null) {
                    props.put("key", rel.key());
                }
                row.put("props", props);
                relationships.computeIfAbsent(rel.spec(), s -> new ArrayList<>()).add(row);
            }
        }
        long started = System.nanoTime();
        long written = 0;
        for (Map.Entry<String, List<Map<String, Object>>> entry : nodes.entrySet()) {
            written += batches(driver, """
                    UNWIND $rows AS row
                    CREATE (n:`%s`) SET n = row.props, n.key = row.key, n.version = 1""".formatted(entry.getKey()),
                    entry.getValue());
            progress.accept("%s: %,d (%,d records in %d s)".formatted(entry.getKey(), entry.getValue().size(), written,
                    (System.nanoTime() - started) / 1_000_000_000));
        }
        for (Map.Entry<RelationshipSpec, List<Map<String, Object>>> entry : relationships.entrySet()) {
            RelationshipSpec spec = entry.getKey();
            written += batches(driver, """
                    UNWIND $rows AS row
                    MATCH (a:`%s` {key: row.from})
                    MATCH (b:`%s` {key: row.to})
                    CREATE (a)-[r:`%s`]->(b) SET r = row.props, r.version = 1"""
                    .formatted(spec.fromLabel(), spec.toLabel(), spec.type()), entry.getValue());
            progress.accept("%s (%s→%s): %,d (%,d records in %d s)".formatted(spec.type(), spec.fromLabel(),
                    spec.toLabel(), entry.getValue().size(), written, (System.nanoTime() - started) / 1_000_000_000));
        }
    }

    private static long batches(Driver driver, String cypher, List<Map<String, Object>> rows) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            List<Map<String, Object>> batch = rows.subList(i, Math.min(rows.size(), i + BATCH));
            try (var session = driver.session()) {
                session.executeWriteWithoutResult(tx -> tx.run(cypher, Values.parameters("rows", batch)).consume());
            }
        }
        return rows.size();
    }
}
