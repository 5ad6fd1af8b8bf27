package de.kimgraph.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import de.kimgraph.exchange.graphml.GexfFormat;
import de.kimgraph.exchange.graphml.GraphMlFormat;
import de.kimgraph.exchange.kumu.KumuFormat;
import de.kimgraph.model.bootstrap.GraphBootstrap;
import de.kimgraph.model.dataset.DatasetLoader;
import de.kimgraph.model.dataset.LoadResult;
import de.kimgraph.model.embedded.EmbeddedNeo4j;
import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * GraphML, GEXF and Kumu carry the whole graph of a tenant through a network tool's file: export the demo district
 * from the database, import the file into an empty database (migrations and reference data only), export again:
 * the same bytes, the same graph, and a second import changes nothing.
 */
class NetworkFormatsRoundTripTest {

    private static final String DEMO = ExchangeFixtures.DEMO_TENANT;

    private static final Driver SOURCE = TestNeo4j.get().withDemo().driver();
    private static EmbeddedNeo4j empty;
    private static Driver target;

    @BeforeAll
    static void startAnEmptyDatabase() throws IOException {
        Path directory = Files.createTempDirectory("kim-graph-network-round-trip");
        empty = EmbeddedNeo4j.start(directory, 0);
        target = GraphDatabase.driver(empty.boltUri(), AuthTokens.none());
        GraphBootstrap.run(target, false);
    }

    @AfterAll
    static void stop() {
        target.close();
        empty.close();
    }

    @BeforeEach
    void emptyTheTarget() {
        target.executableQuery("MATCH (n {tenant: $tenant}) DETACH DELETE n").withParameters(Map.of("tenant", DEMO))
                .execute();
    }

    private static Format format(String id) {
        return switch (id) {
            case "graphml" -> new GraphMlFormat();
            case "gexf" -> new GexfFormat();
            default -> new KumuFormat();
        };
    }

    private static byte[] export(Driver driver, Format format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(new GraphExporter(driver).export(ExportScope.wholeTenant(DEMO)), out);
        return out.toByteArray();
    }

    private static LoadResult load(Format format, byte[] file) throws IOException {
        return new Importer(target, m -> { }).run(format, "export." + format.extension(),
                new ByteArrayInputStream(file), ReadOptions.forTenant(DEMO), DatasetLoader.Caller.SYSTEM, false);
    }

    private static Map<String, Object> census(Driver driver) {
        return driver.executableQuery("""
                MATCH (n {tenant: $tenant}) WHERE NOT n:AuditEvent
                WITH count(n) AS nodes, count(n.validTo) AS ended, collect(DISTINCT labels(n)[0]) AS labels
                MATCH ()-[r {tenant: $tenant}]->()
                RETURN nodes, ended, size(labels) AS labels, count(r) AS relationships, count(r.validTo) AS endedRels,
                       round(sum(coalesce(r.share, 0.0)), 6) AS shares, count(r.key) AS keyed
                """).withParameters(Map.of("tenant", DEMO)).execute().records().getFirst().asMap();
    }

    @ParameterizedTest
    @ValueSource(strings = {"graphml", "gexf", "kumu"})
    void exportImportExportGivesTheSameFileAndTheSameGraph(String id) throws IOException {
        Format format = format(id);
        byte[] first = export(SOURCE, format);

        LoadResult loaded = load(format, first);
        byte[] second = export(target, format);

        assertThat(loaded.created()).isPositive();
        assertThat(new String(second, StandardCharsets.UTF_8)).isEqualTo(new String(first, StandardCharsets.UTF_8));
        assertThat(census(target)).isEqualTo(census(SOURCE));
        LoadResult again = load(format, first);
        assertThat(again.created() + again.changed() + again.ended()).isZero();
        assertThat(again.unchanged()).isEqualTo(loaded.created());
    }
}
