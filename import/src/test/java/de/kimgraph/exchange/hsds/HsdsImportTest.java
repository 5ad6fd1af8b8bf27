package de.kimgraph.exchange.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import de.kimgraph.exchange.ExportScope;
import de.kimgraph.exchange.GraphExporter;
import de.kimgraph.exchange.Importer;
import de.kimgraph.exchange.ReadOptions;
import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetException;
import de.kimgraph.model.dataset.DatasetLoader;
import de.kimgraph.model.dataset.LoadResult;
import de.kimgraph.model.dataset.Problem;
import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/** HSDS packages imported into a real Neo4j: the resulting graph, idempotence, and bad rows that write nothing. */
class HsdsImportTest {

    static final String TENANT = "999920000000";

    private final Driver driver = TestNeo4j.get().withDemo().driver();
    private final DatasetLoader loader = new DatasetLoader(driver);
    private final HsdsFormat format = new HsdsFormat(HsdsFormatTest.DAY);

    @AfterEach
    void removeWhatTheTestWrote() {
        TestNeo4j.get().deleteTenant(TENANT);
    }

    private Dataset read(byte[] zip, String tenant) throws IOException {
        return format.read("huegelland.zip", new ByteArrayInputStream(zip),
                new ReadOptions(tenant, "huegelland.zip", null));
    }

    private List<Record> query(String cypher) {
        return driver.executableQuery(cypher).withParameters(Map.of("tenant", TENANT)).execute().records();
    }

    private long tenantNodes() {
        return query("MATCH (n:Actor|Role|FundingProgramme|Service {tenant: $tenant}) RETURN count(n) AS n")
                .getFirst().get("n").asLong();
    }

    @Test
    void importsAThirdPartyPackageIntoTheGraph() throws IOException {
        LoadResult result = loader.load(read(Packages.zip(Packages.huegelland()), TENANT));

        assertThat(result.created()).isEqualTo(2 + 2 + 1 + 2 + 1 + 1 + 2 + 2 + 1);
        assertThat(query("MATCH (a:Actor {tenant: $tenant}) RETURN a.key AS key, a.kind AS kind, a.visibility AS v, "
                + "a.source AS source ORDER BY key"))
                .extracting(r -> r.get("key").asString(), r -> r.get("kind").asString(), r -> r.get("v").asString(),
                        r -> r.get("source").asString())
                .containsExactly(tuple("hs-org-beratung", "FREE_PROVIDER", "INTERNAL", "huegelland.zip"),
                        tuple("hs-org-stadt", "AUTHORITY", "INTERNAL", "huegelland.zip"));
        assertThat(query("""
                MATCH (a:Actor {tenant: $tenant})-[:PROVIDES]->(s:Service)-[:SERVES]->(area:Area)
                RETURN a.key AS actor, s.key AS service, s.form AS form, area.name AS area ORDER BY service"""))
                .extracting(r -> r.get("actor").asString(), r -> r.get("service").asString(),
                        r -> r.get("form").asString(), r -> r.get("area").asString())
                .containsExactly(tuple("hs-org-beratung", "hs-svc-beratung", "OTHER", "Bielefeld"),
                        tuple("hs-org-beratung", "hs-svc-sprachcafe", "OTHER", "Münster"));
        assertThat(query("""
                MATCH (s:Service {key: 'hs-svc-beratung'})
                RETURN s.minAge AS minAge, s.languages AS languages, toString(s.lastVerified) AS verified,
                       [(s)-[:IN_FIELD]->(f) | f.key] AS fields, [(s)-[:FOR_GROUP]->(g) | g.key] AS groups,
                       [(s)-[f:FUNDED_BY]->(p)<-[:FUNDS]-(funder) | [f.key, p.name, funder.key]] AS funding"""))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("minAge").asLong()).isEqualTo(18);
                    assertThat(r.get("languages").asList()).containsExactly("ar", "uk");
                    assertThat(r.get("verified").asString()).isEqualTo("2026-10-01");
                    assertThat(r.get("fields").asList()).containsExactly("MIGRATION_COUNSELLING");
                    assertThat(r.get("groups").asList()).containsExactly("REFUGEES");
                    assertThat(r.get("funding").asList()).containsExactly(List.of(
                            "fb-hs-svc-beratung-hs-prog-integration", "Integrationsförderung Hügelstadt (fiktiv)",
                            "hs-org-stadt"));
                });
        assertThat(query("MATCH (s:Service {key: 'hs-svc-sprachcafe'})-[:IN_FIELD]->(f) RETURN f.labelDe AS field"))
                .extracting(r -> r.get("field").asString()).containsExactly("Sprachkurse");
    }

    @Test
    void theSecondImportChangesNothing() throws IOException {
        byte[] zip = Packages.zip(Packages.huegelland());
        LoadResult first = loader.load(read(zip, TENANT));
        LoadResult second = loader.load(read(zip, TENANT));

        assertThat(second.created()).isZero();
        assertThat(second.changed()).isZero();
        assertThat(second.unchanged()).isEqualTo(first.created());
    }

    @Test
    void aBadCellWritesNothingAndNamesFileLineAndColumn() {
        Map<String, String> files = Packages.huegelland();
        files.put("services.csv", files.get("services.csv").replace("17 Uhr\",active,,", "17 Uhr\",active,zwölf,"));

        assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> loader.load(read(Packages.zip(files), TENANT)))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::location, Problem::field, Problem::code)
                        .containsExactly(tuple("services.csv, Zeile 3", "minimum_age", "INVALID_VALUE")));
        assertThat(tenantNodes()).isZero();
    }

    @Test
    void anUnknownRegionalKeyWritesNothingAndNamesItsRow() {
        Map<String, String> files = Packages.huegelland();
        files.put("service_areas.csv", files.get("service_areas.csv").replace("regionalKey/057110000000",
                "regionalKey/059990000000"));

        assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> loader.load(read(Packages.zip(files), TENANT)))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::location, Problem::code, Problem::messageEn)
                        .containsExactly(tuple("service_areas.csv, Zeile 2", "UNKNOWN_REFERENCE",
                                "Reference to unknown Area '059990000000'.")));
        assertThat(tenantNodes()).isZero();
    }

    private byte[] export(ExportScope scope) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(new GraphExporter(driver).export(scope), out);
        return out.toByteArray();
    }

    @Test
    void importExportImportExportThroughTheDatabaseIsByteEqualAndChangesNothing() throws IOException {
        LoadResult imported = loader.load(read(Packages.zip(Packages.huegelland()), TENANT));
        byte[] first = export(ExportScope.wholeTenant(TENANT));

        LoadResult again = new Importer(driver, m -> { }).run(format, "export.zip", new ByteArrayInputStream(first),
                ReadOptions.forTenant(TENANT), DatasetLoader.Caller.SYSTEM, false);
        byte[] second = export(ExportScope.wholeTenant(TENANT));

        assertThat(again.created() + again.changed() + again.ended()).as(again.toString()).isZero();
        assertThat(again.unchanged()).isEqualTo(imported.created());
        assertThat(Packages.unzip(second)).isEqualTo(Packages.unzip(first));
        assertThat(second).isEqualTo(first);
        Map<String, String> files = Packages.unzip(first);
        assertThat(Packages.rows(files.get("service_areas.csv"))).extracting(a -> a.get("name"), a -> a.get("uri"))
                .containsExactly(
                        tuple("Bielefeld", "http://dcat-ap.de/def/politicalGeocoding/regionalKey/057110000000"),
                        tuple("Münster", "http://dcat-ap.de/def/politicalGeocoding/regionalKey/055150000000"));
        assertThat(Packages.rows(files.get("taxonomy_terms.csv"))).extracting(t -> t.get("code"), t -> t.get("name"))
                .contains(tuple("MIGRATION_COUNSELLING", "Migrationsberatung"), tuple("REFUGEES", "Geflüchtete"));
    }

    @Test
    void theDemoExportReadBackChangesNothingInTheDatabaseItCameFrom() throws IOException {
        byte[] zip = export(ExportScope.wholeTenant(HsdsFormatTest.DEMO_TENANT));
        Dataset back = format.read("auental-hsds.zip", new ByteArrayInputStream(zip),
                ReadOptions.forTenant(HsdsFormatTest.DEMO_TENANT));

        LoadResult dryRun = loader.dryRun(back);

        assertThat(dryRun.created()).as(dryRun.toString()).isZero();
        assertThat(dryRun.changed()).as(dryRun.toString()).isZero();
        assertThat(dryRun.unchanged()).isEqualTo(back.nodes().size() + back.relationships().size());
        assertThat(back.nodes()).filteredOn(n -> n.label().equals("Service")).hasSize(45);
    }

    @Test
    void aPublicExportOfAnAreaHasOnlyItsPublishedServicesAndNoContacts() throws IOException {
        Map<String, String> files = Packages.unzip(export(new ExportScope(HsdsFormatTest.DEMO_TENANT, "999990002002",
                null, false, false)));

        assertThat(Packages.rows(files.get("services.csv"))).isNotEmpty().hasSizeLessThan(45);
        assertThat(Packages.rows(files.get("organizations.csv"))).allSatisfy(o -> assertThat(o.get("email")).isEmpty());
        assertThat(Packages.rows(files.get("contacts.csv"))).allSatisfy(c -> assertThat(c.get("email")).isEmpty());
        assertThat(Packages.rows(files.get("attributes.csv"))).filteredOn(a -> a.get("link_type").equals("visibility"))
                .extracting(a -> a.get("label")).containsOnly("Veröffentlicht");
        assertThat(Packages.rows(files.get("service_areas.csv"))).extracting(a -> a.get("uri"))
                .contains("http://dcat-ap.de/def/politicalGeocoding/regionalKey/999990002002");
    }
}
