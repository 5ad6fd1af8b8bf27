package de.kimgraph.api.analytics;

import static de.kimgraph.api.analytics.FindingJson.evidence;
import static de.kimgraph.api.analytics.FindingJson.figure;
import static de.kimgraph.api.analytics.FindingJson.kinds;
import static de.kimgraph.api.analytics.FindingJson.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import de.kimgraph.api.ApiTest;
import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code networkHealth} over HTTP: on the demo district against its oracle (#16 isolated actor, #14 the volunteer
 * network) and on a small scenario network with an island, ended ties and isolated actors.
 */
class NetworkHealthTest extends ApiTest {

    private static final String KREIS = "999990000000";
    private static final String AS_OF = "2026-12-01";
    private static final String NETWORK_KREIS = "999932000000";

    @AfterEach
    void removeFixtures() {
        TestNeo4j.get().deleteTenant(NETWORK_KREIS);
    }

    private JsonNode networkHealth(String area, String asOf, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(more);
        variables.put("area", area);
        variables.put("asOf", asOf);
        JsonNode answer = graphQl().execute("networkHealth", variables);
        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        return answer.at("/data/networkHealth");
    }

    @Test
    void theDemoNetworkIsDenseConnectedAndCentralisedOnTheKi() {
        JsonNode report = networkHealth(KREIS, AS_OF, Map.of());

        assertThat(report.path("actorCount").asInt()).isEqualTo(54);
        // the Land ministry and the federal JMD grant office are based outside the Kreis
        assertThat(report.path("externalPartners").asInt()).isEqualTo(2);
        assertThat(report.path("tieCount").asInt()).isEqualTo(301);
        assertThat(report.path("density").asDouble()).isEqualTo(0.2103);
        assertThat(report.path("componentCount").asInt()).isEqualTo(2);
        assertThat(report.path("componentSizes").valueStream().map(JsonNode::asInt)).containsExactly(53, 1);
        assertThat(report.path("degreeCentralisation").asDouble()).isEqualTo(0.5457);
        assertThat(report.path("isolatedCount").asInt()).isEqualTo(1);
    }

    @Test
    void theKreishandwerkerschaftIsTheOnlyIsolatedActorAndNothingElseIsReported() {
        JsonNode report = networkHealth(KREIS, AS_OF, Map.of());

        assertThat(kinds(report)).containsExactly("ISOLATED_ACTOR");
        JsonNode isolated = ofKind(report, "ISOLATED_ACTOR").getFirst();
        assertThat(evidence(isolated, "ACTOR")).containsExactly("kreishandwerkerschaft-auental");
        assertThat(isolated.at("/evidence/0/actor/name").asString()).isEqualTo("Kreishandwerkerschaft Auental (fiktiv)");
        assertThat(isolated.path("explanation").asString()).contains("Kreishandwerkerschaft Auental (fiktiv)");
    }

    @Test
    void theVolunteerCommunityMatchesTheVolunteerNetworkBody() {
        JsonNode report = networkHealth(KREIS, AS_OF, Map.of());

        JsonNode communities = report.path("communities");
        assertThat(communities.valueStream().mapToInt(c -> c.path("size").asInt()).sum()).isEqualTo(53);
        assertThat(communities.valueStream().filter(c -> c.at("/body/key").asString().equals("body-netzwerk-ehrenamt")))
                .singleElement().satisfies(c -> {
                    assertThat(c.path("actors").valueStream().map(a -> a.path("key").asString()))
                            .containsExactly("ehrenamtsagentur-auental", "ini-fahrradwerkstatt-lindenfurt",
                                    "ini-frauentreff-auental", "ini-helferkreis-quellingen", "ini-sprachcafe-birkenhain",
                                    "ini-willkommen-tannwald", "stiftung-zusammenhalt");
                    assertThat(c.path("jaccard").asDouble()).isEqualTo(0.8571);
                    assertThat(c.path("sharedMembers").asInt()).isEqualTo(6);
                    assertThat(c.path("bodyMembers").asInt()).isEqualTo(6);
                });
        assertThat(report.path("modularity").asDouble()).isPositive();
    }

    @Test
    void aSmallNetworkWithAnIslandIsFragmentedAndItsEndedTiesLeaveActorsIsolated() {
        TestNeo4j.get().load("/fixtures/health-network.json");

        JsonNode report = networkHealth(NETWORK_KREIS, AS_OF, Map.of());

        assertThat(report.path("actorCount").asInt()).isEqualTo(12);
        assertThat(report.path("tieCount").asInt()).isEqualTo(10);
        assertThat(report.path("density").asDouble()).isEqualTo(0.1515);
        assertThat(report.path("componentSizes").valueStream().map(JsonNode::asInt)).containsExactly(6, 3, 1, 1, 1);
        assertThat(report.path("largestComponentShare").asDouble()).isEqualTo(0.5);
        // degrees 2,2,3,3,2,2,2,2,2,0,0,0: Σ(3 − d) = 16 over 11 · 10
        assertThat(report.path("degreeCentralisation").asDouble()).isEqualTo(0.1455);
        assertThat(report.path("modularity").asDouble()).isEqualTo(0.565);
        assertThat(kinds(report)).containsExactly("ISOLATED_ACTOR", "ISOLATED_ACTOR", "ISOLATED_ACTOR",
                "FRAGMENTED_NETWORK");
        // the cooperation and the membership ended on 2025-12-31; net-iso never had ties
        assertThat(ofKind(report, "ISOLATED_ACTOR")).extracting(f -> evidence(f, "ACTOR").getFirst())
                .containsExactly("net-ended-membership", "net-ended-relation", "net-iso");
        JsonNode fragmented = ofKind(report, "FRAGMENTED_NETWORK").getFirst();
        assertThat(figure(fragmented, "largestComponent")).isEqualTo(6);
        assertThat(figure(fragmented, "islands")).isEqualTo(1);
        assertThat(evidence(fragmented, "ACTOR")).containsExactly("net-c1", "net-c2", "net-c3",
                "net-ended-membership", "net-ended-relation", "net-iso");
        assertThat(report.path("communities").valueStream()
                .map(c -> c.path("index").asInt() + ":" + c.at("/body/key").asString("-") + ":" + c.path("jaccard").asDouble()))
                .containsExactly("1:net-body-kreis:1.0", "2:-:0.0", "3:net-body-insel:1.0");
    }

    @Test
    void earlierTheEndedTiesStillCount() {
        TestNeo4j.get().load("/fixtures/health-network.json");

        JsonNode report = networkHealth(NETWORK_KREIS, "2025-06-01", Map.of());

        assertThat(ofKind(report, "ISOLATED_ACTOR")).extracting(f -> evidence(f, "ACTOR").getFirst())
                .containsExactly("net-iso");
        assertThat(report.path("componentSizes").valueStream().map(JsonNode::asInt)).containsExactly(8, 3, 1);
    }

    @Test
    void densityAndIslandThresholdsAreArguments() {
        TestNeo4j.get().load("/fixtures/health-network.json");

        JsonNode strict = networkHealth(NETWORK_KREIS, AS_OF, Map.of("minDensity", 0.2));
        JsonNode lenient = networkHealth(NETWORK_KREIS, AS_OF, Map.of("minIslandSize", 4));

        assertThat(ofKind(strict, "LOW_DENSITY")).singleElement()
                .satisfies(f -> assertThat(figure(f, "density")).isEqualTo(0.1515));
        assertThat(ofKind(lenient, "LOW_DENSITY")).isEmpty();
        // without the island rule the largest part (6 of 12) is still below the default share 0.8
        assertThat(ofKind(lenient, "FRAGMENTED_NETWORK")).singleElement()
                .satisfies(f -> assertThat(figure(f, "islands")).isZero());
    }

    @Test
    void theDemoIsNotLowDensityAtTheDefaultButAtAStricterThreshold() {
        assertThat(ofKind(networkHealth(KREIS, AS_OF, Map.of()), "LOW_DENSITY")).isEmpty();
        assertThat(ofKind(networkHealth(KREIS, AS_OF, Map.of("minDensity", 0.25)), "LOW_DENSITY")).hasSize(1);
    }
}
