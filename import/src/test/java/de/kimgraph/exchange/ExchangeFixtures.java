package de.kimgraph.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import de.kimgraph.model.bootstrap.GraphBootstrap;
import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetParser;
import de.kimgraph.model.dataset.Resources;
import de.kimgraph.model.testing.TestNeo4j;

/** The demo district as a snapshot, and a comparison of datasets that ignores order, for format tests. */
public final class ExchangeFixtures {

    public static final String DEMO_TENANT = "999990000000";

    private ExchangeFixtures() {
    }

    /** Removes the tenant's records and the audit events its imports wrote. */
    public static void deleteTenant(String tenant) {
        TestNeo4j.get().deleteTenant(tenant);
        TestNeo4j.get().driver().executableQuery("MATCH (e:AuditEvent {tenant: $tenant}) DELETE e")
                .withParameters(Map.of("tenant", tenant)).execute();
    }

    /** Asserts that the database holds nothing of the tenant: no record and no audit event of a load. */
    public static void assertNothingWritten(String tenant) {
        assertThat(TestNeo4j.get().driver().executableQuery("MATCH (n {tenant: $t}) RETURN count(n) AS n")
                .withParameters(Map.of("t", tenant)).execute().records().getFirst().get("n").asLong()).isZero();
    }

    public static Dataset demo() {
        return DatasetParser.parse("auental.json", Resources.read(GraphBootstrap.DEMO));
    }

    /**
     * The demo as an exporter would give it: the demo's records, and the vocabulary nodes its relationships
     * point to as referenced nodes.
     */
    public static Snapshot demoSnapshot() {
        return snapshot(demo());
    }

    /** A snapshot of the whole demo tenant holding {@code dataset}, with the vocabulary nodes it points to. */
    public static Snapshot snapshot(Dataset dataset) {
        Dataset vocabularies = DatasetParser.parse("vocabularies.json", Resources.read(GraphBootstrap.VOCABULARIES));
        Map<String, Dataset.NodeRecord> vocabulary = new LinkedHashMap<>();
        vocabularies.nodes().forEach(n -> vocabulary.put(Snapshot.id(n.label(), n.key()), n));
        Map<String, Dataset.NodeRecord> referenced = new TreeMap<>();
        for (Dataset.RelationshipRecord r : dataset.relationships()) {
            for (String id : List.of(Snapshot.id(r.spec().fromLabel(), r.from()), Snapshot.id(r.spec().toLabel(), r.to()))) {
                if (vocabulary.containsKey(id)) {
                    referenced.put(id, vocabulary.get(id));
                }
            }
        }
        return new Snapshot(ExportScope.wholeTenant(DEMO_TENANT), dataset, referenced);
    }

    public static byte[] write(Format format, Snapshot snapshot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            format.write(snapshot, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static Dataset read(Format format, String fileName, byte[] bytes, ReadOptions options) {
        try {
            return format.read(fileName, new ByteArrayInputStream(bytes), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The records of a dataset by identity ({@code Label:key}, {@code TYPE from→to key}) with their properties,
     * sorted, so that two datasets compare equal when they hold the same graph in any order.
     */
    public static Map<String, Map<String, Object>> records(Dataset dataset) {
        Map<String, Map<String, Object>> records = new TreeMap<>();
        dataset.nodes().forEach(n -> records.put(Snapshot.id(n.label(), n.key()), new TreeMap<>(n.properties())));
        dataset.relationships().forEach(r -> records.put(r.spec().type() + " " + Snapshot.id(r.spec().fromLabel(), r.from())
                + "→" + Snapshot.id(r.spec().toLabel(), r.to()) + (r.key() == null ? "" : " " + r.key()),
                new TreeMap<>(r.properties())));
        return records;
    }
}
