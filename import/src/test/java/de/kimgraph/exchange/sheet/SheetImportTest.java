package de.kimgraph.exchange.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.exchange.Format;
import de.kimgraph.exchange.Formats;
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

/**
 * The filled template, imported into the real Neo4j: every sheet lands as the graph model says, a bad row writes
 * nothing and is named by sheet, row and column, and the second import changes nothing. The same for CSV.
 */
class SheetImportTest {

    static final String TENANT = "999940000000";
    private static final String VIERSEN = "051660000000";
    private static final String VIERSEN_STADT = "051660032032";

    private final Driver driver = TestNeo4j.get().withDemo().driver();
    private final DatasetLoader loader = new DatasetLoader(driver);
    private final Format xlsx = Formats.get("xlsx");
    private final Format csv = Formats.get("csv");

    @AfterEach
    void removeWhatTheTestWrote() {
        driver.executableQuery("MATCH (n {tenant: $t}) DETACH DELETE n").withParameters(Map.of("t", TENANT)).execute();
    }

    static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }

    /** A small fictional network touching every sheet, written the way people fill the template. */
    static Workbooks network() {
        return Workbooks.filled()
                .row("Akteure", row("Schlüssel", "sh-kreis", "Name", "Kreisverwaltung Sh (fiktiv)", "Art", "Behörde",
                        "Sektor", "Öffentlicher Sektor", "Ebene", "Kreis", "Sitz", VIERSEN,
                        "Rechtskreise", "Aufenthaltsgesetz; SGB_II", "Kennungen", "ARS 999940000000",
                        "Gültig ab", LocalDate.of(2024, 1, 1), "Sichtbarkeit", "Veröffentlicht"))
                .row("Akteure", row("Schlüssel", "sh-abh", "Name", "Ausländerbehörde Sh (fiktiv)", "Art", "AUTHORITY",
                        "Teil von", "sh-kreis", "Sitz", 51660032032L, "Rechtskreise", "aufenthg",
                        "Zuletzt geprüft", "15.11.2026"))
                .emptyRow("Akteure")
                .row("Akteure", row("Schlüssel", "sh-traeger", "Name", "Freier Träger Sh (fiktiv)", "Art", "Freier Träger",
                        "E-Mail", "info@traeger-sh.example", "Gültig ab", "01.02.2023", "Quelle", "Netzwerkkarte 2026"))
                .row("Gremien", row("Schlüssel", "sh-lenkung", "Name", "Lenkungsgruppe Sh", "Typ",
                        "Steuerungsgremium (Lenkungsgruppe)", "Status", "Aktiv", "Hierarchieebenen",
                        "Leitungsebene; MIDDLE_MANAGEMENT", "Geschäftsordnung", "ja", "Handlungsfelder",
                        "Arbeit und Wirtschaft; HOUSING", "Gebiete", VIERSEN, "Mandatiert", "sh-ag"))
                .row("Gremien", row("Schlüssel", "sh-ag", "Name", "AG Wohnen Sh", "Typ", "Arbeitsgruppe",
                        "Berichtet an", "sh-lenkung"))
                .row("Mitgliedschaften", row("Akteur", "sh-kreis", "Gremium", "sh-lenkung", "Rolle", "Vorsitz/Federführung",
                        "Hierarchieebene", "Leitungsebene"))
                .row("Mitgliedschaften", row("Schlüssel", "sh-m-traeger", "Akteur", "sh-traeger", "Gremium", "sh-ag",
                        "Rolle", "Mitglied", "Im Auftrag von", "sh-kreis"))
                .row("Angebote", row("Schlüssel", "sh-beratung", "Name", "Beratung Sh", "Form", "Fallarbeit",
                        "Träger", "sh-traeger", "Handlungsfelder", "Migrationsberatung", "Zielgruppen", "Geflüchtete; WOMEN",
                        "Gebiete", VIERSEN_STADT + "; " + VIERSEN, "Rechtskreise", "SGB_II",
                        "Aufenthaltsstatus", "Duldung; ASYLUM_SEEKER", "Sprachen", "de; ar", "Kapazität", 40,
                        "Mindestalter", 18, "Befristet", "nein", "Förderprogramm", "sh-prog", "Förderanteil", "50 %"))
                .row("Förderprogramme", row("Schlüssel", "sh-prog", "Name", "Programm Sh", "Fördergeber", "sh-kreis",
                        "Fördergeberebene", "Kreis", "Verlängerung", "Jährlich",
                        "Förderperiode bis", LocalDate.of(2027, 12, 31)))
                .row("Förderprogramme", row("Schlüssel", "sh-prog2", "Name", "Stiftungsprogramm Sh",
                        "Fördergeberebene", "Stiftung"))
                .row("Stellen", row("Schlüssel", "sh-stelle", "Bezeichnung", "Koordination Sh", "Funktion", "Koordination",
                        "Stellenanteil", 1.0, "Organisationseinheit", "sh-kreis", "Unbefristet", "nein",
                        "Vertragsende", LocalDate.of(2027, 12, 31), "Förderprogramm", "sh-prog", "Förderanteil", 0.8,
                        "Förderung gültig ab", LocalDate.of(2024, 1, 1)))
                .row("Stellen", row("Schlüssel", "sh-stelle", "Förderprogramm", "sh-prog2", "Förderanteil", "0,2",
                        "Förderschlüssel", "sh-f-stelle-stiftung"))
                .row("Vereinbarungen", row("Schlüssel", "sh-koop", "Titel", "Kooperationsvereinbarung Sh",
                        "Art", "Kooperationsvereinbarung", "Parteien", "sh-kreis; sh-traeger", "Regelt Gremien", "sh-ag",
                        "Regelt Angebote", "sh-beratung", "Gültig ab", LocalDate.of(2024, 1, 1)))
                .row("Beziehungen", row("Art", "kooperiert mit", "Von", "sh-kreis", "An", "sh-traeger",
                        "Vereinbarung", "sh-koop"))
                .row("Beziehungen", row("Schlüssel", "sh-ho", "Art", "übergibt Fälle an", "Von", "sh-abh", "An", "sh-kreis",
                        "Von Rechtskreis", "Asylgesetz", "Zu Rechtskreis", "SGB_II", "Auslöser", "Anerkennung",
                        "Übergabeweg", "E-Mail", "Feste Ansprechperson", "ja"))
                .row("Beziehungen", row("Art", "beaufsichtigt", "Von", "sh-kreis", "An", "sh-abh",
                        "Aufsichtsart", "Dienstaufsicht"))
                .row("Beziehungen", row("Art", "GRANTS", "Von", "sh-prog", "An", "sh-traeger", "Betrag", 12000));
    }

    private Dataset read(Format format, String name, byte[] bytes) throws IOException {
        return format.read(name, new ByteArrayInputStream(bytes), new ReadOptions(TENANT, name, null));
    }

    private List<Record> query(String cypher) {
        return driver.executableQuery(cypher).withParameters(Map.of("t", TENANT)).execute().records();
    }

    private Record one(String cypher) {
        return query(cypher).getFirst();
    }

    @Test
    void importsTheFilledTemplateIntoTheGraphAndTheSecondImportChangesNothing() throws IOException {
        byte[] file = network().xlsx();

        LoadResult first = loader.load(read(xlsx, "netz.xlsx", file));

        assertThat(first.created()).isPositive();
        assertNetwork();
        LoadResult second = loader.load(read(xlsx, "netz.xlsx", file));
        assertThat(second.created() + second.changed() + second.ended()).isZero();
        assertThat(second.unchanged()).isEqualTo(first.created());
    }

    @Test
    void importsTheSameNetworkFromCsvFilesWithSemicolonsOrCommas() throws IOException {
        LoadResult first = loader.load(read(csv, "netz.zip", network().csvZip(false)));
        assertNetwork();

        LoadResult fromCommas = loader.load(read(csv, "netz.zip", network().csvZip(true)));
        assertThat(fromCommas.created() + fromCommas.changed() + fromCommas.ended()).isZero();
        assertThat(fromCommas.unchanged()).isEqualTo(first.created());
    }

    @Test
    void readsASingleCsvFileNamedAfterItsSheet() throws IOException {
        String akteure = Workbooks.csv(network().sheets().get("Akteure"), false);

        Dataset dataset = read(csv, "Akteure.csv", akteure.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(dataset.nodes()).extracting(Dataset.NodeRecord::key, Dataset.NodeRecord::location)
                .containsExactly(tuple("sh-kreis", "Akteure.csv, Zeile 2"), tuple("sh-abh", "Akteure.csv, Zeile 3"),
                        tuple("sh-traeger", "Akteure.csv, Zeile 5"));
    }

    private void assertNetwork() {
        Record kreis = one("""
                MATCH (a:Actor {key: 'sh-kreis'})-[:BASED_IN]->(area:Area)
                RETURN a.kind AS kind, a.sector AS sector, a.level AS level, a.tenant AS tenant, a.validFrom AS validFrom,
                       a.visibility AS visibility, a.identifiers AS identifiers, area.key AS area,
                       COLLECT { MATCH (a)-[:WORKS_UNDER]->(d) RETURN d.key ORDER BY d.key } AS domains""");
        assertThat(kreis.get("kind").asString()).isEqualTo("AUTHORITY");
        assertThat(kreis.get("sector").asString()).isEqualTo("PUBLIC");
        assertThat(kreis.get("level").asString()).isEqualTo("DISTRICT");
        assertThat(kreis.get("tenant").asString()).isEqualTo(TENANT);
        assertThat(kreis.get("validFrom").asLocalDate()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(kreis.get("visibility").asString()).isEqualTo("PUBLISHED");
        assertThat(kreis.get("identifiers").asList()).containsExactly("ARS 999940000000");
        assertThat(kreis.get("area").asString()).isEqualTo(VIERSEN);
        assertThat(kreis.get("domains").asList()).containsExactly("AUFENTHG", "SGB_II");

        Record abh = one("""
                MATCH (a:Actor {key: 'sh-abh'})-[:PART_OF]->(p:Actor), (a)-[:BASED_IN]->(area:Area),
                      (a)-[:WORKS_UNDER]->(d:LegalDomain)
                RETURN p.key AS parent, area.key AS area, d.key AS domain, a.lastVerified AS verified,
                       a.visibility AS visibility, a.source AS source""");
        assertThat(abh.get("parent").asString()).isEqualTo("sh-kreis");
        assertThat(abh.get("area").asString()).as("an ARS typed as a number keeps its leading zero")
                .isEqualTo(VIERSEN_STADT);
        assertThat(abh.get("domain").asString()).isEqualTo("AUFENTHG");
        assertThat(abh.get("verified").asLocalDate()).isEqualTo(LocalDate.of(2026, 11, 15));
        assertThat(abh.get("visibility").asString()).isEqualTo("INTERNAL");
        assertThat(one("MATCH (a:Actor {key: 'sh-traeger'}) RETURN a.validFrom AS v, a.source AS s").get("v")
                .asLocalDate()).isEqualTo(LocalDate.of(2023, 2, 1));
        assertThat(query("MATCH (a:Actor {tenant: $t}) RETURN a.key")).hasSize(3);

        Record lenkung = one("""
                MATCH (b:Body {key: 'sh-lenkung'})-[:MANDATES]->(ag:Body)-[:FEEDS_INTO]->(b), (b)-[:COVERS]->(area:Area)
                RETURN b.type AS type, b.status AS status, b.hierarchyLevels AS levels, b.rulesOfProcedure AS rules,
                       ag.key AS ag, area.key AS area,
                       COLLECT { MATCH (b)-[:ADDRESSES]->(f) RETURN f.key ORDER BY f.key } AS fields""");
        assertThat(lenkung.get("type").asString()).isEqualTo("STEERING_BODY");
        assertThat(lenkung.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(lenkung.get("levels").asList()).containsExactly("LEADERSHIP", "MIDDLE_MANAGEMENT");
        assertThat(lenkung.get("rules").asBoolean()).isTrue();
        assertThat(lenkung.get("ag").asString()).isEqualTo("sh-ag");
        assertThat(lenkung.get("area").asString()).isEqualTo(VIERSEN);
        assertThat(lenkung.get("fields").asList()).containsExactly("HOUSING", "WORK_ECONOMY");

        assertThat(query("""
                MATCH (a:Actor)-[m:MEMBER_OF]->(b:Body) WHERE m.tenant = $t
                RETURN m.key AS key, a.key AS actor, b.key AS body, m.role AS role, m.hierarchyLevel AS level,
                       m.onBehalfOf AS onBehalfOf ORDER BY key"""))
                .extracting(r -> r.get("key").asString(), r -> r.get("actor").asString(), r -> r.get("body").asString(),
                        r -> r.get("role").asString(), r -> r.get("level").asString(null),
                        r -> r.get("onBehalfOf").asString(null))
                .containsExactly(tuple("sh-kreis~sh-lenkung", "sh-kreis", "sh-lenkung", "CHAIR", "LEADERSHIP", null),
                        tuple("sh-m-traeger", "sh-traeger", "sh-ag", "MEMBER", null, "sh-kreis"));

        Record service = one("""
                MATCH (p:Actor)-[:PROVIDES]->(s:Service {key: 'sh-beratung'})-[:IN_FIELD]->(f:FieldOfAction),
                      (s)-[:UNDER]->(d:LegalDomain), (s)-[fb:FUNDED_BY]->(prog:FundingProgramme)
                RETURN p.key AS provider, s.form AS form, s.eligibleStatuses AS statuses, s.languages AS languages,
                       s.capacity AS capacity, s.minAge AS minAge, s.timeLimited AS limited, f.key AS field, d.key AS domain,
                       fb.key AS fundingKey, fb.share AS share, prog.key AS programme,
                       COLLECT { MATCH (s)-[:FOR_GROUP]->(g) RETURN g.key ORDER BY g.key } AS groups,
                       COLLECT { MATCH (s)-[:SERVES]->(a) RETURN a.key ORDER BY a.key } AS areas""");
        assertThat(service.get("provider").asString()).isEqualTo("sh-traeger");
        assertThat(service.get("form").asString()).isEqualTo("CASE_WORK");
        assertThat(service.get("statuses").asList()).containsExactly("TOLERATED", "ASYLUM_SEEKER");
        assertThat(service.get("languages").asList()).containsExactly("de", "ar");
        assertThat(service.get("capacity").asLong()).isEqualTo(40);
        assertThat(service.get("minAge").asLong()).isEqualTo(18);
        assertThat(service.get("limited").asBoolean()).isFalse();
        assertThat(service.get("field").asString()).isEqualTo("MIGRATION_COUNSELLING");
        assertThat(service.get("domain").asString()).isEqualTo("SGB_II");
        assertThat(service.get("fundingKey").asString()).isEqualTo("sh-beratung~sh-prog");
        assertThat(service.get("share").asDouble()).isEqualTo(0.5);
        assertThat(service.get("groups").asList()).containsExactly("REFUGEES", "WOMEN");
        assertThat(service.get("areas").asList()).containsExactly(VIERSEN, VIERSEN_STADT);

        Record programme = one("""
                MATCH (f:Actor)-[:FUNDS]->(p:FundingProgramme {key: 'sh-prog'})
                RETURN f.key AS funder, p.funderLevel AS level, p.renewal AS renewal, p.periodEnd AS end""");
        assertThat(programme.get("funder").asString()).isEqualTo("sh-kreis");
        assertThat(programme.get("level").asString()).isEqualTo("DISTRICT");
        assertThat(programme.get("renewal").asString()).isEqualTo("ANNUAL");
        assertThat(programme.get("end").asLocalDate()).isEqualTo(LocalDate.of(2027, 12, 31));

        assertThat(query("""
                MATCH (u:Actor)<-[:IN_UNIT]-(p:Position {key: 'sh-stelle'})-[f:FUNDED_BY]->(prog:FundingProgramme)
                RETURN f.key AS key, prog.key AS programme, f.share AS share, f.validFrom AS validFrom, u.key AS unit,
                       p.fte AS fte, p.function AS function, p.permanent AS permanent, p.contractEnd AS contractEnd
                ORDER BY key"""))
                .extracting(r -> r.get("key").asString(), r -> r.get("programme").asString(),
                        r -> r.get("share").asDouble(), r -> r.get("validFrom").isNull() ? null : r.get("validFrom").asLocalDate(),
                        r -> r.get("unit").asString(), r -> r.get("fte").asDouble(), r -> r.get("function").asString(),
                        r -> r.get("permanent").asBoolean(), r -> r.get("contractEnd").asLocalDate())
                .containsExactly(
                        tuple("sh-f-stelle-stiftung", "sh-prog2", 0.2, null, "sh-kreis", 1.0, "COORDINATION", false,
                                LocalDate.of(2027, 12, 31)),
                        tuple("sh-stelle~sh-prog", "sh-prog", 0.8, LocalDate.of(2024, 1, 1), "sh-kreis", 1.0, "COORDINATION",
                                false, LocalDate.of(2027, 12, 31)));

        Record agreement = one("""
                MATCH (g:Agreement {key: 'sh-koop'})
                RETURN g.kind AS kind, g.validFrom AS validFrom,
                       COLLECT { MATCH (a)-[:PARTY_TO]->(g) RETURN a.key ORDER BY a.key } AS parties,
                       COLLECT { MATCH (g)-[:GOVERNS]->(x) RETURN labels(x)[0] + ':' + x.key ORDER BY x.key } AS governs""");
        assertThat(agreement.get("kind").asString()).isEqualTo("COOPERATION_AGREEMENT");
        assertThat(agreement.get("validFrom").asLocalDate()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(agreement.get("parties").asList()).containsExactly("sh-kreis", "sh-traeger");
        assertThat(agreement.get("governs").asList()).containsExactly("Body:sh-ag", "Service:sh-beratung");

        assertThat(query("""
                MATCH (a)-[r]->(b) WHERE r.tenant = $t AND type(r) IN
                      ['COOPERATES_WITH', 'HANDS_OVER_TO', 'SUPERVISES', 'GRANTS']
                RETURN type(r) AS type, r.key AS key, a.key AS from, b.key AS to, r.agreement AS agreement,
                       r.kind AS kind, r.fromDomain AS fromDomain, r.toDomain AS toDomain, r.medium AS medium,
                       r.namedContact AS namedContact, r.amount AS amount ORDER BY type"""))
                .extracting(r -> r.get("type").asString(), r -> r.get("key").asString(), r -> r.get("from").asString(),
                        r -> r.get("to").asString(), r -> r.get("agreement").asString(null),
                        r -> r.get("kind").asString(null), r -> r.get("fromDomain").asString(null),
                        r -> r.get("toDomain").asString(null), r -> r.get("medium").asString(null),
                        r -> r.get("namedContact").isNull() ? null : r.get("namedContact").asBoolean(),
                        r -> r.get("amount").isNull() ? null : r.get("amount").asDouble())
                .containsExactly(
                        tuple("COOPERATES_WITH", "sh-kreis~COOPERATES_WITH~sh-traeger", "sh-kreis", "sh-traeger", "sh-koop",
                                null, null, null, null, null, null),
                        tuple("GRANTS", "sh-prog~GRANTS~sh-traeger", "sh-prog", "sh-traeger", null, null, null, null, null,
                                null, 12000.0),
                        tuple("HANDS_OVER_TO", "sh-ho", "sh-abh", "sh-kreis", null, null, "ASYLG", "SGB_II", "EMAIL", true,
                                null),
                        tuple("SUPERVISES", "sh-kreis~SUPERVISES~sh-abh", "sh-kreis", "sh-abh", null, "ADMINISTRATIVE",
                                null, null, null, null, null));
    }

    @Test
    void aBadRowWritesNothingAndIsNamedBySheetRowAndColumn() throws IOException {
        Workbooks bad = network();
        bad.sheets().get("Akteure").set(3, row("Schlüssel", "sh-traeger", "Name", "Freier Träger Sh (fiktiv)",
                "Art", "Wohlfahrtsträger"));
        byte[] file = bad.xlsx();

        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> read(xlsx, "netz.xlsx", file))
                .satisfies(e -> assertThat(e.problems())
                        .extracting(Problem::location, Problem::field, Problem::code)
                        .containsExactly(tuple("Akteure, Zeile 5", "Art (kind)", "UNKNOWN_TERM")))
                .withMessageContaining("Wohlfahrtsträger");
        assertThat(query("MATCH (n {tenant: $t}) RETURN n")).isEmpty();
    }

    @Test
    void anUnknownReferenceFailsTheLoadWritesNothingAndNamesTheRow() throws IOException {
        Workbooks bad = network();
        bad.sheets().get("Mitgliedschaften").set(1, row("Schlüssel", "sh-m-traeger", "Akteur", "sh-traeger",
                "Gremium", "sh-gibt-es-nicht", "Rolle", "Mitglied"));
        Dataset dataset = read(xlsx, "netz.xlsx", bad.xlsx());

        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> loader.load(dataset))
                .satisfies(e -> {
                    assertThat(e.problems()).extracting(Problem::location, Problem::field, Problem::code)
                            .containsExactly(tuple("Mitgliedschaften, Zeile 3", "to", "UNKNOWN_REFERENCE"));
                    assertThat(SheetLayout.describe(e.problems().getFirst()).field()).isEqualTo("Gremium (to)");
                })
                .withMessageContaining("sh-gibt-es-nicht");
        byte[] file = bad.xlsx();
        assertThatExceptionOfType(DatasetException.class).as("the Importer names the column itself")
                .isThrownBy(() -> new Importer(driver, m -> { }).run(xlsx, "netz.xlsx", new ByteArrayInputStream(file),
                        ReadOptions.forTenant(TENANT), DatasetLoader.Caller.SYSTEM, true))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::location, Problem::field)
                        .containsExactly(tuple("Mitgliedschaften, Zeile 3", "Gremium (to)")));
        assertThat(query("MATCH (n {tenant: $t}) WHERE NOT n:AuditEvent RETURN n")).isEmpty();
    }

    @Test
    void anUnknownVocabularyTermInAListCellNamesTheColumnInItsLocation() throws IOException {
        Workbooks bad = network();
        bad.sheets().get("Angebote").getFirst().put("Handlungsfelder", "Migrationsberatung; Gartenbau");
        Dataset dataset = read(xlsx, "netz.xlsx", bad.xlsx());

        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> loader.load(dataset))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::location, Problem::code)
                        .containsExactly(tuple("Angebote, Zeile 2, Spalte Handlungsfelder (IN_FIELD)", "UNKNOWN_REFERENCE")));
    }

    @Test
    void unknownAndMissingColumnsAreProblemsNamingSheetAndColumn() throws IOException {
        String akteure = "\uFEFFSchlüssel;Name;Farbe\r\nsh-x;Akteur X;blau\r\n";

        assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> read(csv, "Akteure.csv", akteure.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::location, Problem::field, Problem::code)
                        .contains(tuple("Akteure.csv, Zeile 1", "Farbe", "UNKNOWN_COLUMN"),
                                tuple("Akteure.csv, Zeile 1", "Art (kind)", "MISSING_COLUMN")))
                .withMessageContaining("Unbekannte Spalte „Farbe“ im Tabellenblatt Akteure");
    }

    @Test
    void aContinuationRowThatContradictsItsFirstRowIsAProblem() throws IOException {
        Workbooks bad = network();
        bad.sheets().get("Stellen").get(1).put("Bezeichnung", "Andere Stelle");

        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> read(xlsx, "netz.xlsx", bad.xlsx()))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::location, Problem::field, Problem::code)
                        .containsExactly(tuple("Stellen, Zeile 3", "Schlüssel (key)", "CONFLICTING_ROW")));
    }

    @Test
    void aColumnThatDoesNotApplyToTheRelationTypeIsAProblem() throws IOException {
        Workbooks bad = network();
        bad.sheets().get("Beziehungen").getFirst().put("Aufsichtsart", "Fachaufsicht");

        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> read(xlsx, "netz.xlsx", bad.xlsx()))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::location, Problem::field, Problem::code)
                        .containsExactly(tuple("Beziehungen, Zeile 2", "Aufsichtsart (kind)", "INAPPLICABLE_COLUMN")));
    }
}
