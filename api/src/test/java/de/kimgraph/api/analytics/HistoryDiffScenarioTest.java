package de.kimgraph.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * DOMAIN.md §6 "A KIM municipality, two tiers" as the fixture {@code history-memberships.json} (Kreis Wandelbach,
 * fictional): between 2023-12-31 and 2026-12-01 the Jobcenter left the Lenkungsgruppe (membership ended), the VHS
 * was dissolved (its open membership ends with it), the round table was dissolved (so was the KI's secretariat
 * there), a new MSO joined, a working group on housing was founded; the Jobcenter was a guest in the Kerngruppe
 * only during 2024 (valid on neither date: not in the diff); a network in Wandelbach-Süd got a member.
 */
class HistoryDiffScenarioTest extends ReportTestSupport {

    private static final String KREIS = "999941000000";
    private static final String MITTE = "999941001001";
    private static final String SUED = "999941002002";

    @BeforeAll
    static void load() {
        TestNeo4j.get().withDemo().load("/fixtures/history-memberships.json");
    }

    @AfterAll
    static void remove() {
        TestNeo4j.get().deleteTenant(KREIS);
    }

    private JsonNode kind(String area, String kind) {
        JsonNode diff = graphQl().execute("diff", Map.of("area", area, "from", "2023-12-31", "to", AS_OF)).at("/data/diff");
        return diff.path("kinds").valueStream().filter(k -> k.path("kind").asString().equals(kind)).findFirst()
                .orElseThrow();
    }

    @Test
    void anEndedMembershipCountsAsEndedAndSoDoMembershipsOfEndedActorsAndBodies() {
        JsonNode memberships = kind(KREIS, "MEMBERSHIP");

        assertThat(texts(memberships.path("ended"), "/key")).containsExactly("hx-m-lg-jobcenter", "hx-m-lg-vhs", "hx-m-rt-ki");
        assertThat(texts(memberships.path("added"), "/key")).containsExactly("hx-m-ag-ki", "hx-m-lg-mso-neu", "hx-m-sued-ini");
    }

    @Test
    void aMembershipThatBeganAndEndedInBetweenIsInNeitherList() {
        JsonNode memberships = kind(KREIS, "MEMBERSHIP");

        assertThat(texts(memberships.path("added"), "/key")).doesNotContain("hx-m-kg-jobcenter-interim");
        assertThat(texts(memberships.path("ended"), "/key")).doesNotContain("hx-m-kg-jobcenter-interim", "hx-m-lg-ki",
                "hx-m-kg-abh");
    }

    @Test
    void actorsBodiesServicesAndRelationsAddedAndEnded() {
        assertThat(texts(kind(KREIS, "ACTOR").path("added"), "/key")).containsExactly("hx-mso-neu");
        assertThat(texts(kind(KREIS, "ACTOR").path("ended"), "/key")).containsExactly("hx-vhs");
        assertThat(texts(kind(KREIS, "BODY").path("added"), "/key")).containsExactly("hx-ag-wohnen");
        assertThat(texts(kind(KREIS, "BODY").path("ended"), "/key")).containsExactly("hx-runder-tisch");
        assertThat(texts(kind(KREIS, "SERVICE").path("added"), "/key")).containsExactly("hx-svc-neu");
        assertThat(texts(kind(KREIS, "SERVICE").path("ended"), "/key")).containsExactly("hx-svc-alt");
        assertThat(texts(kind(KREIS, "RELATION").path("added"), "/key")).containsExactly("hx-ref-mso-ki");
        assertThat(texts(kind(KREIS, "RELATION").path("ended"), "/key")).containsExactly("hx-coop-ki-abh");
        assertThat(kind(KREIS, "POSITION").path("addedCount").asInt()).isZero();
    }

    @Test
    void theAreaDecidesWhatBelongsToTheDiff() {
        assertThat(texts(kind(MITTE, "MEMBERSHIP").path("added"), "/key")).containsExactly("hx-m-ag-ki", "hx-m-lg-mso-neu");
        assertThat(texts(kind(SUED, "MEMBERSHIP").path("added"), "/key"))
                .containsExactly("hx-m-ag-ki", "hx-m-lg-mso-neu", "hx-m-sued-ini");
        assertThat(texts(kind(MITTE, "SERVICE").path("ended"), "/key")).containsExactly("hx-svc-alt");
        assertThat(kind(SUED, "SERVICE").path("ended")).isEmpty();
    }
}
