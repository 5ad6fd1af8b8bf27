package de.kimgraph.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * DOMAIN.md §6 "Rheine" and "a Kreis-wide service covering its Gemeinden" as the fixture
 * {@code whodoeswhat-kreisweit.json} (Kreis Wegental, fictional): in the larger town Ahrfeld a steering group of
 * the town's integration unit and the Caritas; the Caritas runs a Kreis-wide migration counselling and a town-only
 * refugee counselling funded by the town; the Kreis ABH (seated in Ahrfeld) works under the AufenthG for the whole
 * Kreis; a counselling service and a Caritas role ended in 2025, an MSO left the counselling network in 2025.
 */
class WhoDoesWhatScenarioTest extends ReportTestSupport {

    private static final String KREIS = "999942000000";
    private static final String AHRFELD = "999942001001";
    private static final String DORFHEIM = "999942002002";

    @BeforeAll
    static void load() {
        TestNeo4j.get().withDemo().load("/fixtures/whodoeswhat-kreisweit.json");
    }

    @AfterAll
    static void remove() {
        TestNeo4j.get().deleteTenant(KREIS);
    }

    private JsonNode who(String area, Map<String, Object> filters) {
        Map<String, Object> variables = new HashMap<>(Map.of("area", area, "asOf", AS_OF));
        variables.putAll(filters);
        return graphQl().execute("whoDoesWhat", variables).at("/data/whoDoesWhat");
    }

    @Test
    void theKreisWideServiceCoversTheSmallGemeindeAndTheTownOnlyServiceDoesNot() {
        JsonNode who = who(DORFHEIM, Map.of("field", "MIGRATION_COUNSELLING"));

        assertThat(texts(who.path("services"), "/service/key")).containsExactly("wx-svc-mbe-kreis");
        assertThat(who.at("/services/0/viaEnclosingArea").asBoolean()).isTrue();
        assertThat(texts(who.at("/services/0/areas"), "/key")).containsExactly(KREIS);
        assertThat(texts(who.at("/services/0/providers"), "/key")).containsExactly("wx-caritas");
        // the ended role is no contact any more
        assertThat(texts(who.path("contacts"), "/key")).containsExactly("wx-role-caritas");
        assertThat(texts(who.path("contacts"), "/phone")).containsExactly("+49 0000 1234");
        assertThat(texts(who.path("bodies"), "/body/key")).containsExactly("wx-nw-beratung");
        assertThat(who.at("/bodies/0/viaEnclosingArea").asBoolean()).isTrue();
        assertThat(texts(who.at("/bodies/0/leads"), "/key")).containsExactly("wx-m-nb-caritas");
        // the MSO's membership ended in 2025: two members are left
        assertThat(who.at("/bodies/0/memberCount").asInt()).isEqualTo(2);
    }

    @Test
    void theTownSeesBothItsOwnAndTheKreisWideServiceButNoEndedOne() {
        JsonNode who = who(AHRFELD, Map.of("field", "MIGRATION_COUNSELLING"));

        assertThat(texts(who.path("services"), "/service/key")).containsExactly("wx-svc-beratung-stadt", "wx-svc-mbe-kreis");
        assertThat(texts(who.path("services"), "/viaEnclosingArea")).containsExactly("false", "true");
        assertThat(texts(who.at("/services/0/programmes"), "/key")).containsExactly("wx-prog-stadt");
        assertThat(texts(who.path("responsibleUnits"), "/actor/key")).containsExactly("wx-caritas");
        assertThat(texts(who.at("/responsibleUnits/0/services"), "/key"))
                .containsExactly("wx-svc-beratung-stadt", "wx-svc-mbe-kreis");
        // the steering group addresses SOCIAL_SECURITY, the parent field, not migration counselling
        assertThat(texts(who.path("bodies"), "/body/key")).containsExactly("wx-nw-beratung");
    }

    @Test
    void aFieldIncludesItsSubFields() {
        JsonNode who = who(KREIS, Map.of("field", "EDUCATION_LANGUAGE"));

        assertThat(texts(who.path("services"), "/service/key")).containsExactly("wx-svc-sprachkurs");
        assertThat(texts(who.path("bodies"), "/body/key")).containsExactly("wx-nw-sprache");
        assertThat(texts(who.path("associations"), "/actor/key")).isEmpty();
    }

    @Test
    void theKreisAuthorityIsResponsibleInEveryGemeindeUnderItsLegalDomain() {
        JsonNode who = who(DORFHEIM, Map.of("legalDomain", "AUFENTHG"));

        assertThat(texts(who.path("responsibleUnits"), "/actor/key")).containsExactly("wx-kreis-abh", "wx-caritas");
        assertThat(texts(who.at("/responsibleUnits/0/reasons"), "")).containsExactly("PROVIDES_SERVICE",
                "WORKS_UNDER_LEGAL_DOMAIN");
        assertThat(texts(who.at("/responsibleUnits/0/contacts"), "/key")).containsExactly("wx-role-abh");
        // without a field the bodies are those where a responsible unit sits: not the language network
        assertThat(texts(who.path("bodies"), "/body/key")).containsExactly("wx-nw-beratung");
    }

    @Test
    void withoutFiltersTheGemeindeGetsItsWholeDirectory() {
        JsonNode who = who(DORFHEIM, Map.of());

        assertThat(texts(who.path("services"), "/service/key"))
                .containsExactly("wx-svc-treff", "wx-svc-bleiberecht", "wx-svc-sprachkurs", "wx-svc-mbe-kreis");
        assertThat(texts(who.path("associations"), "/actor/key")).containsExactly("wx-caritas", "wx-mso");
        assertThat(texts(who.path("bodies"), "/body/key")).containsExactly("wx-nw-beratung", "wx-nw-sprache");
        assertThat(texts(who.path("responsibleUnits"), "/actor/key"))
                .containsExactly("wx-kreis-abh", "wx-caritas", "wx-kreis-ki", "wx-mso");
    }

    @Test
    void theFixtureDoesNotLeakIntoTheDemoDistrict() {
        JsonNode who = who(DEMO_KREIS, Map.of("field", "MIGRATION_COUNSELLING"));

        assertThat(texts(who.path("services"), "/service/key")).noneMatch(k -> k.startsWith("wx-"));
    }
}
