package de.kimgraph.exchange.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import de.kimgraph.exchange.ExportScope;
import de.kimgraph.exchange.GraphExporter;
import de.kimgraph.exchange.Importer;
import de.kimgraph.exchange.ReadOptions;
import de.kimgraph.exchange.Snapshot;
import de.kimgraph.model.bootstrap.GraphBootstrap;
import de.kimgraph.model.dataset.DatasetLoader;
import de.kimgraph.model.dataset.LoadResult;
import de.kimgraph.model.embedded.EmbeddedNeo4j;
import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The project's own format is round-trip exact: export the demo district, import the file into an empty database
 * (migrations and reference data only), export again: the same bytes, and the same graph.
 */
class JsonRoundTripTest {

    private static final String DEMO = "999990000000";

    private static final Driver SOURCE = TestNeo4j.get().withDemo().driver();
    private static EmbeddedNeo4j empty;
    private static Driver target;
    private static Path directory;

    @BeforeAll
    static void startAnEmptyDatabase() throws IOException {
        directory = Files.createTempDirectory("kim-graph-round-trip");
        empty = EmbeddedNeo4j.start(directory, 0);
        target = GraphDatabase.driver(empty.boltUri(), AuthTokens.none());
        GraphBootstrap.run(target, false);
    }

    @AfterAll
    static void stop() {
        target.close();
        empty.close();
    }

    private static byte[] export(Driver driver, ExportScope scope) throws IOException {
        Snapshot snapshot = new GraphExporter(driver).export(scope);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonFormat().write(snapshot, out);
        return out.toByteArray();
    }

    private static LoadResult load(Driver driver, byte[] file, boolean dryRun) throws IOException {
        return new Importer(driver, m -> { }).run(new JsonFormat(), "export.json", new ByteArrayInputStream(file),
                ReadOptions.forTenant(DEMO), DatasetLoader.Caller.SYSTEM, dryRun);
    }

    private static Map<String, Object> census(Driver driver) {
        return driver.executableQuery("""
                MATCH (n {tenant: $tenant})
                WITH count(n) AS nodes
                MATCH ()-[r {tenant: $tenant}]->()
                RETURN nodes, count(r) AS relationships, round(sum(coalesce(r.share, 0.0)), 6) AS shares
                """).withParameters(Map.of("tenant", DEMO)).execute().records().getFirst().asMap();
    }

    @Test
    void exportImportExportGivesTheSameFileAndTheSameGraph() throws IOException {
        byte[] first = export(SOURCE, ExportScope.wholeTenant(DEMO));

        LoadResult loaded = load(target, first, false);
        byte[] second = export(target, ExportScope.wholeTenant(DEMO));

        assertThat(loaded.created()).isPositive();
        assertThat(new String(second, StandardCharsets.UTF_8)).isEqualTo(new String(first, StandardCharsets.UTF_8));
        assertThat(census(target)).isEqualTo(census(SOURCE));
        LoadResult again = load(target, first, false);
        assertThat(again.created() + again.changed() + again.ended()).isZero();
        assertThat(again.unchanged()).isEqualTo(loaded.created());
    }

    @Test
    void theDemoExportCarriesInternalRecordsContactsAndHistory() throws IOException {
        String json = new String(export(SOURCE, ExportScope.wholeTenant(DEMO)), StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\n \"format\": \"kim-graph/1\",\n \"tenant\": \"999990000000\"");
        assertThat(json).contains("\"body-kim-kerngruppe\"", "\"visibility\": \"INTERNAL\"", "\"email\"",
                "\"validTo\"");
        assertThat(json).doesNotContain("\"version\"");
    }

    @Test
    void aPublicExportLeavesOutInternalRecordsAndContacts() throws IOException {
        String json = new String(export(SOURCE, new ExportScope(DEMO, null, null, false, false)),
                StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("\"body-kim-kerngruppe\"", "\"visibility\": \"INTERNAL\"", "\"email\"",
                "\"phone\"");
        assertThat(json).contains("\"visibility\": \"PUBLISHED\"");
    }

    @Test
    void anAreaExportAsOfADayIsClosedAndImportsIntoAnEmptyDatabase() throws IOException {
        ExportScope scope = new ExportScope(DEMO, "999990002002", LocalDate.parse("2026-12-01"), true, true);
        Snapshot snapshot = new GraphExporter(SOURCE).export(scope);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonFormat().write(snapshot, out);

        LoadResult dryRun = load(target, out.toByteArray(), true);

        assertThat(snapshot.dataset().nodes()).extracting(n -> n.label() + ":" + n.key())
                .contains("Area:999990002002").doesNotContain("Area:999990001001");
        assertThat(snapshot.dataset().nodes()).allSatisfy(n -> assertThat(n.properties().get("validTo"))
                .satisfiesAnyOf(v -> assertThat(v).isNull(),
                        v -> assertThat((LocalDate) v).isAfterOrEqualTo(LocalDate.parse("2026-12-01"))));
        assertThat(snapshot.dataset().nodes().size()).isLessThan(new GraphExporter(SOURCE)
                .export(ExportScope.wholeTenant(DEMO)).dataset().nodes().size());
        assertThat(snapshot.referenced()).containsKey("FieldOfAction:HOUSING");
        assertThat(dryRun.dryRun()).isTrue();
    }
}
