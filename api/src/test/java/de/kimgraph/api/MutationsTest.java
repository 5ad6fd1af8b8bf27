package de.kimgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MutationsTest extends ApiTest {

    private static final String TENANT = "051580000000";
    private static final String RATINGEN = "051580028028";

    @AfterEach
    void removeWhatTheTestWrote() {
        driver.executableQuery("MATCH (n) WHERE n.key STARTS WITH 'test-mut-' DETACH DELETE n").execute();
    }

    private JsonNode createActor(String key, String name) {
        return graphQl().execute("createActor", Map.of("input", Map.of("key", key, "name", name, "kind", "FREE_PROVIDER",
                "tenant", TENANT, "basedIn", List.of(RATINGEN)))).at("/data/createActor");
    }

    @Test
    void createsAnActorWithItsLinks() {
        JsonNode payload = createActor("test-mut-a", "Beratungsstelle Test");

        assertThat(payload.path("errors")).isEmpty();
        assertThat(payload.at("/actor/version").asInt()).isEqualTo(1);
        assertThat(payload.at("/actor/basedIn/0/key").asString()).isEqualTo(RATINGEN);
        assertThat(count("MATCH (:Actor {key: 'test-mut-a'})-[:BASED_IN]->(:Area {key: '051580028028'}) RETURN count(*)"))
                .isEqualTo(1);
    }

    @Test
    void badInputReturnsTypedErrorsNamingTheFieldsAndWritesNothing() {
        JsonNode payload = graphQl().execute("createActor", Map.of("input", Map.of("key", "test-mut-bad",
                "name", "x".repeat(201), "kind", "FREE_PROVIDER", "tenant", "059999000000",
                "basedIn", List.of("000000000000")))).at("/data/createActor");

        assertThat(payload.path("actor").isNull()).isTrue();
        assertThat(payload.path("errors").valueStream().map(e -> e.path("code").asString() + "@" + e.path("field").asString()))
                .containsExactlyInAnyOrder("TOO_LONG@input.name", "UNKNOWN_TENANT@input.tenant",
                        "UNKNOWN_REFERENCE@input.basedIn");
        assertThat(payload.at("/errors/0/message").asString()).isNotBlank();
        assertThat(payload.at("/errors/0/messageEn").asString()).isNotBlank();
        assertThat(count("MATCH (n {key: 'test-mut-bad'}) RETURN count(n)")).isZero();
    }

    @Test
    void aMissingRequiredFieldIsATypedError() {
        JsonNode payload = graphQl().execute("createActor", Map.of("input", Map.of("key", "test-mut-noname",
                "kind", "FREE_PROVIDER", "tenant", TENANT))).at("/data/createActor");

        assertThat(payload.at("/errors/0/code").asString()).isEqualTo("REQUIRED");
        assertThat(payload.at("/errors/0/field").asString()).isEqualTo("input.name");
    }

    @Test
    void aStaleUpdateIsRejectedAndTheNewerChangeSurvives() {
        createActor("test-mut-s", "Alt");
        JsonNode first = graphQl().execute("updateActor", Map.of("key", "test-mut-s", "version", 1,
                "input", Map.of("name", "Neu"))).at("/data/updateActor");
        assertThat(first.at("/actor/version").asInt()).isEqualTo(2);

        JsonNode stale = graphQl().execute("updateActor", Map.of("key", "test-mut-s", "version", 1,
                "input", Map.of("name", "Überschrieben"))).at("/data/updateActor");

        assertThat(stale.path("actor").isNull()).isTrue();
        assertThat(stale.at("/errors/0/code").asString()).isEqualTo("STALE_VERSION");
        assertThat(count("MATCH (a:Actor {key: 'test-mut-s'}) WHERE a.name = 'Neu' AND a.version = 2 RETURN count(a)"))
                .isEqualTo(1);
    }

    @Test
    void ofTwoConcurrentEditsOfTheSameVersionExactlyOneWins() throws Exception {
        createActor("test-mut-c", "Parallel");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<JsonNode>> edits = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = "Bearbeitung " + i;
                edits.add(pool.submit(() -> graphQl().execute("updateActor", Map.of("key", "test-mut-c", "version", 1,
                        "input", Map.of("name", name))).at("/data/updateActor")));
            }
            List<JsonNode> results = new java.util.ArrayList<>();
            for (var edit : edits) {
                results.add(edit.get());
            }
            assertThat(results.stream().filter(r -> r.path("errors").isEmpty())).hasSize(1);
            assertThat(results.stream().filter(r -> r.at("/errors/0/code").asString().equals("STALE_VERSION")))
                    .hasSize(7);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("MATCH (a:Actor {key: 'test-mut-c'}) RETURN a.version")).isEqualTo(2);
    }

    @Test
    void replacingLinksEndsTheOldOnesSoHistoryStaysReadable() {
        createActor("test-mut-l", "Umzug");
        driver.executableQuery("MATCH (:Actor {key: 'test-mut-l'})-[r:BASED_IN]->() SET r.validFrom = date('2020-01-01')")
                .execute();

        JsonNode moved = graphQl().execute("updateActor", Map.of("key", "test-mut-l", "version", 1,
                "input", Map.of("basedIn", List.of("051580004004")))).at("/data/updateActor");

        assertThat(moved.at("/actor/basedIn").valueStream().map(a -> a.path("key").asString()))
                .containsExactly("051580004004");
        JsonNode before = graphQl().execute("actor", Map.of("key", "test-mut-l", "asOf", "2021-06-01")).at("/data/actor");
        assertThat(before.at("/basedIn/0/key").asString()).isEqualTo(RATINGEN);
    }

    @Test
    void endingSetsValidToAndChecksTheVersion() {
        createActor("test-mut-e", "Ende");
        String today = LocalDate.now().toString();

        JsonNode ended = graphQl().execute("endActor", Map.of("key", "test-mut-e", "version", 1, "validTo", today))
                .at("/data/endActor");
        JsonNode again = graphQl().execute("endActor", Map.of("key", "test-mut-e", "version", 1, "validTo", today))
                .at("/data/endActor");
        JsonNode missing = graphQl().execute("endActor", Map.of("key", "test-mut-none", "version", 1, "validTo", today))
                .at("/data/endActor");

        assertThat(ended.at("/actor/validTo").asString()).isEqualTo(today);
        assertThat(again.at("/errors/0/code").asString()).isEqualTo("STALE_VERSION");
        assertThat(missing.at("/errors/0/code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void membershipsAreAddedUpdatedAndEnded() {
        createActor("test-mut-m", "Mitglied");
        driver.executableQuery("CREATE (:Body {key: 'test-mut-body', name: 'Testnetz', type: 'EXCHANGE_PLATFORM', "
                + "tenant: '051580000000', version: 1, visibility: 'INTERNAL'})").execute();

        JsonNode added = graphQl().execute("addMembership", Map.of("input", Map.of("key", "test-mut-ms",
                "actor", "test-mut-m", "body", "test-mut-body", "role", "MEMBER", "hierarchyLevel", "OPERATIONAL")))
                .at("/data/addMembership");
        assertThat(added.path("errors")).isEmpty();
        assertThat(added.at("/membership/body/name").asString()).isEqualTo("Testnetz");

        JsonNode chair = graphQl().execute("updateMembership", Map.of("key", "test-mut-ms", "version", 1,
                "input", Map.of("role", "CHAIR"))).at("/data/updateMembership");
        assertThat(chair.at("/membership/role").asString()).isEqualTo("CHAIR");

        JsonNode moved = graphQl().execute("updateMembership", Map.of("key", "test-mut-ms", "version", 2,
                "input", Map.of("body", "other"))).at("/data/updateMembership");
        assertThat(moved.at("/errors/0/code").asString()).isEqualTo("IMMUTABLE_FIELD");

        JsonNode ended = graphQl().execute("endMembership", Map.of("key", "test-mut-ms", "version", 2,
                "validTo", "2020-01-01")).at("/data/endMembership");
        assertThat(ended.at("/membership/validTo").asString()).isEqualTo("2020-01-01");
        JsonNode actor = graphQl().execute("actor", Map.of("key", "test-mut-m")).at("/data/actor");
        assertThat(actor.path("memberships")).isEmpty();
    }

    @Test
    void aHandoverCarriesItsLegalDomains() {
        createActor("test-mut-h1", "Abgebende Stelle");
        createActor("test-mut-h2", "Aufnehmende Stelle");

        JsonNode added = graphQl().execute("addRelation", Map.of("input", Map.of("key", "test-mut-rel",
                "type", "HANDS_OVER_TO", "from", "test-mut-h1", "to", "test-mut-h2", "fromDomain", "ASYLBLG",
                "toDomain", "SGB_II", "medium", "NONE", "namedContact", false))).at("/data/addRelation");

        assertThat(added.path("errors")).isEmpty();
        assertThat(added.at("/relation/type").asString()).isEqualTo("HANDS_OVER_TO");
        assertThat(added.at("/relation/toDomain/key").asString()).isEqualTo("SGB_II");
        assertThat(added.at("/relation/from/key").asString()).isEqualTo("test-mut-h1");
    }

    @Test
    void fundingSharesOfAPositionCannotExceedOne() {
        createActor("test-mut-u", "Einheit");
        driver.executableQuery("""
                CREATE (:Position {key: 'test-mut-pos', title: 'Koordination', function: 'COORDINATION', fte: 1.0,
                                   tenant: '051580000000', version: 1, visibility: 'INTERNAL'}),
                       (:FundingProgramme {key: 'test-mut-p1', name: 'P1', tenant: '051580000000', version: 1, visibility: 'INTERNAL'}),
                       (:FundingProgramme {key: 'test-mut-p2', name: 'P2', tenant: '051580000000', version: 1, visibility: 'INTERNAL'})""")
                .execute();

        JsonNode first = graphQl().execute("addFunding", Map.of("input", Map.of("key", "test-mut-f1",
                "position", "test-mut-pos", "programme", "test-mut-p1", "share", 0.75))).at("/data/addFunding");
        JsonNode second = graphQl().execute("addFunding", Map.of("input", Map.of("key", "test-mut-f2",
                "position", "test-mut-pos", "programme", "test-mut-p2", "share", 0.5))).at("/data/addFunding");

        assertThat(first.path("errors")).isEmpty();
        assertThat(first.at("/funding/position/key").asString()).isEqualTo("test-mut-pos");
        assertThat(first.at("/funding/service").isNull()).isTrue();
        assertThat(second.at("/errors/0/code").asString()).isEqualTo("SHARES_EXCEED_POSITION");
        assertThat(count("MATCH (:Position {key: 'test-mut-pos'})-[f:FUNDED_BY]->() RETURN count(f)")).isEqualTo(1);
    }
}
