package de.kimgraph.model.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;

import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

class DatasetLoaderTest {

    private static final String TENANT = "test-dataset-loader";

    private final Driver driver = TestNeo4j.get().withDemo().driver();
    private final DatasetLoader loader = new DatasetLoader(driver);

    private static final String GOOD = """
            {
              "format": "kim-graph/1",
              "tenant": "test-dataset-loader",
              "source": "test",
              "nodes": {
                "Actor": [
                  {"key": "tdl-a", "name": "Träger A", "kind": "FREE_PROVIDER", "validFrom": "2024-01-01"},
                  {"key": "tdl-b", "name": "Träger B", "kind": "WELFARE_ASSOCIATION"}
                ],
                "Body": [ {"key": "tdl-net", "name": "Netzwerk", "type": "EXCHANGE_PLATFORM"} ]
              },
              "relationships": {
                "MEMBER_OF": [
                  {"key": "tdl-m1", "from": "tdl-a", "to": "tdl-net", "role": "CHAIR"},
                  {"key": "tdl-m2", "from": "tdl-b", "to": "tdl-net", "role": "MEMBER"}
                ],
                "BASED_IN": [ {"from": "tdl-a", "to": "051580028028"} ]
              }
            }""";

    private static Dataset parse(String json) {
        return DatasetParser.parse("test.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private long count(String cypher) {
        return driver.executableQuery(cypher).execute().records().getFirst().get(0).asLong();
    }

    @AfterEach
    void removeWhatTheTestWrote() {
        driver.executableQuery("MATCH (n {tenant: $t}) DETACH DELETE n")
                .withParameters(java.util.Map.of("t", TENANT)).execute();
    }

    @Test
    void loadsAFileAndTheSecondLoadChangesNothing() {
        LoadResult first = loader.load(parse(GOOD));
        assertThat(first.created()).isEqualTo(6);

        LoadResult second = loader.load(parse(GOOD));
        assertThat(second.created()).isZero();
        assertThat(second.changed()).isZero();
        assertThat(second.unchanged()).isEqualTo(6);
        assertThat(count("MATCH (:Actor {tenant: 'test-dataset-loader'})-[m:MEMBER_OF]->(:Body) RETURN count(m)"))
                .isEqualTo(2);
    }

    @Test
    void aChangedPropertyIsReportedAsChangedAndBumpsTheVersion() {
        loader.load(parse(GOOD));
        LoadResult result = loader.load(parse(GOOD.replace("\"Träger B\"", "\"Träger B e.V.\"")));

        assertThat(result.changed()).isEqualTo(1);
        assertThat(count("MATCH (a:Actor {key: 'tdl-b'}) WHERE a.name = 'Träger B e.V.' RETURN a.version"))
                .isEqualTo(2);
    }

    @Test
    void newAndChangedRecordsOfOneFileAreListedInFileOrder() {
        loader.load(parse(GOOD));
        String mixed = GOOD.replace("{\"key\": \"tdl-b\", \"name\": \"Träger B\"",
                        "{\"key\": \"tdl-c\", \"name\": \"Träger C\", \"kind\": \"FREE_PROVIDER\"},\n"
                                + "{\"key\": \"tdl-b\", \"name\": \"Träger B e.V.\"")
                .replace("\"BASED_IN\": [", "\"BASED_IN\": [ {\"from\": \"tdl-c\", \"to\": \"051580028028\"},");

        LoadResult result = loader.load(parse(mixed));

        assertThat(result.counts().get("Actor")).isEqualTo(new LoadResult.Counts(1, 1, 0, 1));
        assertThat(result.counts().get("BASED_IN")).isEqualTo(new LoadResult.Counts(1, 0, 0, 1));
        assertThat(result.changes()).extracting(c -> c.kind() + " " + c.label() + " " + c.key() + " " + c.fields()
                        + " " + c.before() + " " + c.location())
                .containsExactly(
                        "CREATED Actor tdl-c [] {} test.json: nodes.Actor[1]",
                        "CHANGED Actor tdl-b [name] {name=Träger B} test.json: nodes.Actor[2]",
                        "CREATED BASED_IN tdl-c→051580028028 [] {} test.json: relationships.BASED_IN[0]");
        assertThat(count("MATCH (a:Actor {key: 'tdl-c'})-[r:BASED_IN {tenant: 'test-dataset-loader'}]->(:Area) "
                + "RETURN a.version + r.version")).isEqualTo(2);
    }

    @Test
    void aFileWithOneBadRowWritesNothingAndNamesTheRow() {
        String bad = GOOD.replace("\"kind\": \"WELFARE_ASSOCIATION\"", "\"kind\": \"WOHLFAHRT\"");

        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> loader.load(parse(bad)))
                .satisfies(e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.location()).isEqualTo("test.json: nodes.Actor[1]");
                    assertThat(p.field()).isEqualTo("kind");
                    assertThat(p.code()).isEqualTo("UNKNOWN_TERM");
                    assertThat(p.messageDe()).contains("WOHLFAHRT");
                }));
        assertThat(count("MATCH (n {tenant: 'test-dataset-loader'}) RETURN count(n)")).isZero();
    }

    @Test
    void anUnknownReferenceIsReportedBeforeAnythingIsWritten() {
        String bad = GOOD.replace("\"to\": \"051580028028\"", "\"to\": \"059999999999\"");

        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> loader.load(parse(bad)))
                .satisfies(e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.location()).isEqualTo("test.json: relationships.BASED_IN[0]");
                    assertThat(p.code()).isEqualTo("UNKNOWN_REFERENCE");
                }));
        assertThat(count("MATCH (n {tenant: 'test-dataset-loader'}) RETURN count(n)")).isZero();
    }

    @Test
    void aDryRunReportsTheDiffAndWritesNothing() {
        LoadResult result = loader.dryRun(parse(GOOD));

        assertThat(result.dryRun()).isTrue();
        assertThat(result.created()).isEqualTo(6);
        assertThat(count("MATCH (n {tenant: 'test-dataset-loader'}) RETURN count(n)")).isZero();
    }

    @Test
    void rejectsFundingSharesAboveOnePosition() {
        String json = """
                {"format": "kim-graph/1", "tenant": "test-dataset-loader",
                 "nodes": {"Position": [{"key": "tdl-p", "title": "Koordination", "function": "COORDINATION", "fte": 1.0}],
                           "FundingProgramme": [{"key": "tdl-f1", "name": "P1"}, {"key": "tdl-f2", "name": "P2"}]},
                 "relationships": {"FUNDED_BY": [
                   {"key": "tdl-s1", "fromLabel": "Position", "from": "tdl-p", "to": "tdl-f1", "share": 0.7},
                   {"key": "tdl-s2", "fromLabel": "Position", "from": "tdl-p", "to": "tdl-f2", "share": 0.5}]}}""";

        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> loader.load(parse(json)))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::code)
                        .containsExactly("SHARES_EXCEED_POSITION"));
    }

    @Test
    void parserReportsEveryProblemWithItsLocation() {
        String json = """
                {"format": "kim-graph/1", "tenant": "t",
                 "nodes": {"Actor": [{"key": "x", "kind": "FREE_PROVIDER", "colour": "red"},
                                     {"key": "x", "name": "X", "kind": "FREE_PROVIDER", "validFrom": "2025-02-01", "validTo": "2025-01-01"}],
                           "Gremium": []}}""";

        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> parse(json))
                .satisfies(e -> assertThat(e.problems()).extracting(p -> p.location() + " " + p.field() + " " + p.code())
                        .containsExactlyInAnyOrder(
                                "test.json: nodes.Actor[0] colour UNKNOWN_PROPERTY",
                                "test.json: nodes.Actor[0] name REQUIRED",
                                "test.json: nodes.Actor[1] key DUPLICATE_KEY",
                                "test.json: nodes.Actor[1] validTo INVALID_DATE_RANGE",
                                "test.json: nodes.Gremium label UNKNOWN_LABEL"));
    }

    @Test
    void aDryRunListsEachChangedRecordWithItsFormerValuesAndEndedRecordsApart() {
        loader.load(parse(GOOD));
        String edited = GOOD.replace("\"Träger B\"", "\"Träger B e.V.\"")
                .replace("\"role\": \"MEMBER\"}", "\"role\": \"MEMBER\", \"validTo\": \"2026-06-30\"}");

        LoadResult result = loader.dryRun(parse(edited));

        assertThat(result.changed()).isEqualTo(1);
        assertThat(result.ended()).isEqualTo(1);
        assertThat(result.unchanged()).isEqualTo(4);
        assertThat(result.complete()).isTrue();
        assertThat(result.changes()).extracting(c -> c.kind() + " " + c.label() + " " + c.key() + " " + c.fields()
                        + " " + c.before() + " " + c.location())
                .containsExactly(
                        "CHANGED Actor tdl-b [name] {name=Träger B} test.json: nodes.Actor[1]",
                        "ENDED MEMBER_OF tdl-m2 [validTo] {validTo=null} test.json: relationships.MEMBER_OF[1]");
        assertThat(count("MATCH (a:Actor {key: 'tdl-b'}) WHERE a.name = 'Träger B' RETURN count(a)")).isEqualTo(1);
    }

    @Test
    void aCallerOtherThanAdminWritesOnlyItsOwnTenant() {
        DatasetLoader.Caller coordinator = new DatasetLoader.Caller("sub-1", "COORDINATOR", "999990000000", null);

        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> loader.load(parse(GOOD), coordinator))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::code).containsOnly("FOREIGN_TENANT")
                        .hasSize(6));
        assertThat(count("MATCH (n {tenant: 'test-dataset-loader'}) RETURN count(n)")).isZero();
    }

    @Test
    void aKeyOfAnotherTenantIsNotTakenOver() {
        String takeover = GOOD.replace("\"tdl-a\", \"name\"", "\"caritas-auental\", \"name\"")
                .replace("\"from\": \"tdl-a\"", "\"from\": \"caritas-auental\"");

        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> loader.load(parse(takeover)))
                .satisfies(e -> assertThat(e.problems()).extracting(p -> p.location() + " " + p.code())
                        .containsExactly("test.json: nodes.Actor[0] KEY_OF_OTHER_TENANT"));
        assertThat(count("MATCH (a:Actor {key: 'caritas-auental'}) RETURN count(CASE WHEN a.tenant = '999990000000' THEN 1 END)"))
                .isEqualTo(1);
    }

    @Test
    void aKeyedRelationshipKeepsItsEnds() {
        loader.load(parse(GOOD));
        String moved = GOOD.replace("{\"key\": \"tdl-m2\", \"from\": \"tdl-b\"", "{\"key\": \"tdl-m2\", \"from\": \"tdl-a\"");

        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> loader.load(parse(moved)))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::code).contains("ENDPOINTS_CHANGED"));
    }

    @Test
    void twoMembershipsOfOneActorInOneBodyMayNotOverlap() {
        loader.load(parse(GOOD));
        String second = GOOD.replace("{\"key\": \"tdl-m2\", \"from\": \"tdl-b\", \"to\": \"tdl-net\", \"role\": \"MEMBER\"}",
                "{\"key\": \"tdl-m3\", \"from\": \"tdl-a\", \"to\": \"tdl-net\", \"role\": \"MEMBER\", \"validFrom\": \"2025-01-01\"}");

        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> loader.load(parse(second)))
                .satisfies(e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo("OVERLAPPING_VALIDITY");
                    assertThat(p.location()).isEqualTo("test.json: relationships.MEMBER_OF[1]");
                    assertThat(p.messageDe()).contains("tdl-m3", "tdl-m1");
                }));
        String after = second.replace("\"role\": \"CHAIR\"}", "\"role\": \"CHAIR\", \"validTo\": \"2024-12-31\"}");
        assertThat(loader.dryRun(parse(after)).created()).isEqualTo(1);
    }

    @Test
    void aNewRecordThatLooksLikeAnExistingOneIsWrittenAndReportedForReview() {
        loader.load(parse(GOOD));
        String json = """
                {"format": "kim-graph/1", "tenant": "test-dataset-loader",
                 "nodes": {"Actor": [{"key": "tdl-b2", "name": "TRÄGER  A e. V.", "kind": "FREE_PROVIDER"}]}}""";

        LoadResult result = loader.load(parse(json));

        assertThat(result.created()).isEqualTo(1);
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("POSSIBLE_DUPLICATE");
            assertThat(w.location()).isEqualTo("test.json: nodes.Actor[0]");
            assertThat(w.messageDe()).contains("tdl-a");
        });
        assertThat(loader.load(parse(json)).warnings()).isEmpty();
    }
}
