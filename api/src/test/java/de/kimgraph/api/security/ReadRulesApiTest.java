package de.kimgraph.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import de.kimgraph.api.ApiTest;
import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What each role reads of the demo district over HTTP with real tokens: the demo tenant's coordinator and
 * administration everything (contacts included), a coordinator of another Kreis, the dashboard, the Land and a
 * partner only its published part (and the partner its own records), without contacts; the Land counts internal
 * records in aggregates. Internal records of the demo (README of the demo): the bodies {@code body-kim-kerngruppe}
 * and {@code body-kim-fallkonferenz}, two agreements, all positions, grants, pass-ons and handovers.
 */
class ReadRulesApiTest extends ApiTest {

    private static final String DEMO = "999990000000";
    private static final String OTHER = "999950000000";
    private static final List<String> INTERNAL_KEYS = List.of("body-kim-kerngruppe", "body-kim-fallkonferenz",
            "agr-rkw-abh-sozialamt", "agr-weiterleitung-kim-drk", "pos-kim-koordination-1", "grant-kim-kreis",
            "ho-abh-sozialamt-anerkennung", "ho-sozialamt-jobcenter-anerkennung", "mem-kim-kerngruppe-auental-ki");

    @Test
    void theTenantsOwnRolesReadInternalRecordsAndContacts() {
        for (AccessRole role : List.of(AccessRole.COORDINATOR, AccessRole.ADMINISTRATION)) {
            JsonNode ki = graphQl(as(role, DEMO)).execute("readRulesActor", Map.of("key", "auental-ki")).path("data");

            assertThat(ki.at("/actor/email").asString()).isEqualTo("integration@kreis-auental.example");
            assertThat(keys(ki.at("/actor/memberships"))).contains("mem-kim-kerngruppe-auental-ki");
            assertThat(keys(ki.at("/actor/positions"))).contains("pos-kim-koordination-1");
            assertThat(ki.at("/body/key").asString()).isEqualTo("body-kim-kerngruppe");
            assertThat(ki.at("/position/key").asString()).isEqualTo("pos-kim-koordination-1");
        }
    }

    @Test
    void otherKreiseTheDashboardTheLandAndPartnersReadOnlyThePublishedPart() {
        for (Principal principal : List.of(as(AccessRole.COORDINATOR, OTHER), as(AccessRole.ADMINISTRATION, OTHER),
                as(AccessRole.DASHBOARD, DEMO), as(AccessRole.STATE, null), as(AccessRole.PARTNER, DEMO, "caritas-auental"))) {
            JsonNode answer = graphQl(principal).execute("readRulesActor", Map.of("key", "auental-ki"));
            JsonNode ki = answer.path("data");

            assertThat(answer.path("errors").isMissingNode()).as(principal.toString()).isTrue();
            assertThat(ki.at("/actor/name").asString()).as(principal.toString()).startsWith("Kommunales Integrationszentrum");
            assertThat(ki.at("/body").isNull()).as(principal.toString()).isTrue();
            assertThat(ki.at("/position").isNull()).as(principal.toString()).isTrue();
            assertThat(ki.toString()).as(principal.toString()).doesNotContain(INTERNAL_KEYS);
            if (!principal.has(AccessRole.PARTNER)) {
                // a partner sees the contact channels of its own tenant, the others none of the demo's
                assertThat(ki.at("/actor/email").isNull()).as(principal.toString()).isTrue();
                assertThat(ki.toString()).as(principal.toString()).doesNotContain("@");
            }
            assertThat(keys(ki.at("/actor/memberships"))).as(principal.toString()).isNotEmpty();
            assertThat(ki.at("/actor/positions").size()).isZero();
        }
    }

    @Test
    void listsAndCountsFollowTheRuleAndTheLandCountsInternalRecords() {
        JsonNode own = graphQl(as(AccessRole.COORDINATOR, DEMO)).execute("readRulesLists").path("data");
        JsonNode other = graphQl(as(AccessRole.COORDINATOR, OTHER)).execute("readRulesLists").path("data");
        JsonNode dashboard = graphQl(as(AccessRole.DASHBOARD, DEMO)).execute("readRulesLists").path("data");
        JsonNode land = graphQl(as(AccessRole.STATE, null)).execute("readRulesLists").path("data");

        int ownBodies = own.at("/bodies/totalCount").asInt();
        // the two internal bodies (Kerngruppe, Fallkonferenz) are missing for another Kreis
        assertThat(ownBodies).isGreaterThan(10);
        assertThat(keys(own.at("/bodies/edges").valueStream().map(e -> e.path("node")).toList()))
                .contains("body-kim-kerngruppe", "body-kim-fallkonferenz");
        assertThat(other.at("/bodies/totalCount").asInt()).isEqualTo(ownBodies - 2);
        assertThat(own.at("/positions/totalCount").asInt()).isEqualTo(27);
        assertThat(other.at("/positions/totalCount").asInt()).isZero();
        assertThat(dashboard.at("/positions/totalCount").asInt()).isZero();
        assertThat(other.toString()).doesNotContain(INTERNAL_KEYS).doesNotContain("@");
        assertThat(own.at("/actors/edges").valueStream().map(e -> e.at("/node/email")).filter(e -> !e.isNull()).count())
                .isPositive();
        assertThat(sum(own.path("groupedCounts"))).isEqualTo(ownBodies);
        assertThat(sum(dashboard.path("groupedCounts"))).isEqualTo(ownBodies - 2);
        assertThat(sum(land.path("groupedCounts"))).isEqualTo(ownBodies);
    }

    @Test
    void analyticsOfAnotherKreisShowNoInternalEvidence() {
        Map<String, Object> area = Map.of("area", DEMO, "asOf", "2026-12-01");
        Principal other = as(AccessRole.COORDINATOR, OTHER);

        JsonNode ownInterfaces = graphQl(as(AccessRole.COORDINATOR, DEMO)).execute("interfacePoints", area);
        JsonNode otherInterfaces = graphQl(other).execute("interfacePoints", area);
        JsonNode otherDiff = graphQl(other).execute("diff", Map.of("area", DEMO, "from", "2023-12-31", "to", "2026-12-01"));
        JsonNode otherCliffs = graphQl(other).execute("fundingCliffs", area);
        JsonNode otherWho = graphQl(other).execute("whoDoesWhat", Map.of("area", DEMO, "asOf", "2026-12-01"));

        assertThat(ownInterfaces.toString()).contains("ho-sozialamt-jobcenter-anerkennung");
        for (JsonNode answer : List.of(otherInterfaces, otherDiff, otherCliffs, otherWho)) {
            assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
            assertThat(answer.toString()).doesNotContain(INTERNAL_KEYS).doesNotContain("@kreis-auental");
        }
    }

    @Test
    void theInterfacePaperExportReadsAsTheTokenAllows() throws Exception {
        Principal own = as(AccessRole.COORDINATOR, DEMO);
        Principal other = as(AccessRole.COORDINATOR, OTHER);

        assertThat(download(own, "networks")).contains("KIM-Kerngruppe");
        assertThat(download(other, "networks")).contains("Lenkungsgruppe").doesNotContain("KIM-Kerngruppe", "Fallkonferenz");
        assertThat(download(own, "projects-and-contacts")).contains("@");
        assertThat(download(other, "projects-and-contacts")).isNotBlank().doesNotContain("@");
    }

    private String download(Principal principal, String paper) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/exports/interface-papers/" + paper + ".md?area=" + DEMO + "&asOf=2026-12-01"))
                .header("Authorization", "Bearer " + token(principal)).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static List<String> keys(JsonNode list) {
        return keys(list.valueStream().toList());
    }

    private static List<String> keys(List<JsonNode> nodes) {
        return nodes.stream().map(n -> n.path("key").asString()).toList();
    }

    private static long sum(JsonNode groups) {
        return groups.valueStream().mapToLong(g -> g.path("count").asLong()).sum();
    }
}
