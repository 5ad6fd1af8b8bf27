package de.kimgraph.exchange.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import de.kimgraph.exchange.ExportScope;
import de.kimgraph.exchange.Format;
import de.kimgraph.exchange.Formats;
import de.kimgraph.exchange.GraphExporter;
import de.kimgraph.exchange.ReadOptions;
import de.kimgraph.exchange.Snapshot;
import de.kimgraph.model.bootstrap.GraphBootstrap;
import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetLoader;
import de.kimgraph.model.dataset.LoadResult;
import de.kimgraph.model.embedded.EmbeddedNeo4j;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The round trip through databases: export the demo district from the graph as a workbook (and as CSV), import it
 * into an empty database that has only the migrations, the reference data and the district's own areas (which the
 * sheets do not carry), export again: the same bytes. Importing the file once more changes nothing; a dry run of the
 * export against the original database changes nothing but the visibility of the few links whose visibility differs
 * from their row's (a list cell has no visibility of its own).
 */
class SheetDatabaseRoundTripTest {

    private static final String DEMO = "999990000000";
    private static final Driver SOURCE = TestNeo4j.get().withDemo().driver();
    private static EmbeddedNeo4j empty;
    private static Driver target;
    private static Path directory;

    @BeforeAll
    static void startAnEmptyDatabaseWithTheDistrictsAreas() throws IOException {
        directory = Files.createTempDirectory("kim-graph-sheet-round-trip");
        empty = EmbeddedNeo4j.start(directory, 0);
        target = GraphDatabase.driver(empty.boltUri(), AuthTokens.none());
        GraphBootstrap.run(target, false);
        Dataset demo = new GraphExporter(SOURCE).export(ExportScope.wholeTenant(DEMO)).dataset();
        new DatasetLoader(target).load(new Dataset("areas", demo.nodes().stream()
                .filter(n -> n.label().equals(GraphSpec.AREA)).toList(), demo.relationships().stream()
                .filter(r -> r.spec().fromLabel().equals(GraphSpec.AREA)).toList()));
    }

    @AfterAll
    static void stop() throws IOException {
        target.close();
        empty.close();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static byte[] export(Driver driver, Format format) throws IOException {
        Snapshot snapshot = new GraphExporter(driver).export(ExportScope.wholeTenant(DEMO));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(snapshot, out);
        return out.toByteArray();
    }

    private static Dataset read(Format format, byte[] file) throws IOException {
        return format.read("auental." + format.extension(), new ByteArrayInputStream(file), ReadOptions.forTenant(DEMO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "csv"})
    void exportImportIntoAnEmptyDatabaseExportGivesTheSameFile(String id) throws IOException {
        Format format = Formats.get(id);
        target.executableQuery("MATCH (n {tenant: $t}) WHERE NOT n:Area DETACH DELETE n")
                .withParameters(java.util.Map.of("t", DEMO)).execute();
        byte[] exported = export(SOURCE, format);

        LoadResult first = new DatasetLoader(target).load(read(format, exported));
        LoadResult second = new DatasetLoader(target).load(read(format, exported));

        assertThat(first.created()).isPositive();
        assertThat(second.created() + second.changed() + second.ended()).isZero();
        assertThat(export(target, format)).isEqualTo(exported);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "csv"})
    void theExportImportedIntoTheOriginalChangesOnlyLinkVisibilities(String id) throws IOException {
        Format format = Formats.get(id);

        LoadResult dryRun = new DatasetLoader(SOURCE).dryRun(read(format, export(SOURCE, format)));

        assertThat(dryRun.created() + dryRun.ended()).isZero();
        assertThat(dryRun.changes()).allSatisfy(change -> {
            assertThat(change.kind()).isEqualTo(LoadResult.ChangeKind.CHANGED);
            assertThat(change.fields()).containsExactly("visibility");
            assertThat(List.of("ADDRESSES", "COVERS", "FEEDS_INTO", "PARTY_TO")).contains(change.label());
        });
        assertThat(dryRun.changed()).as("the demo's internal bodies and agreements with published links").isEqualTo(12);
    }
}
