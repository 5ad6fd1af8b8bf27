package de.kimgraph.api.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.kimgraph.api.ApiTest;
import de.kimgraph.model.testing.TestNeo4j;
import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every role reads, over HTTP with real tokens, on a second tenant "Kreis Nachbartal" (fixture
 * {@code access-nachbartal.json}, tenant B) next to the demo district (tenant A): every path — lists, look-ups,
 * nested links, counts, each analytic root field, the interface-paper export — is asked about B, and the answer
 * must hold B's internal records (keys and contact channels) exactly for the roles that may see them.
 */
class AccessMatrixTest extends ApiTest {

    static final String A = "999990000000";
    static final String B = "999970000000";

    /** Internal records of B and internal contact channels of B (values that only B's insiders may see). */
    static final List<String> INTERNAL_OF_B = List.of("nt-leistungen-intern", "nt-kerngruppe-intern",
            "nt-fallmanagement-intern", "nt-stelle-intern", "nt-m-ki-kern-intern", "nt-m-mso-lg-intern",
            "nt-r-ki-mso-intern", "nt-r-ki-leistungen-intern", "Kerngruppe intern", "Leistungen intern");
    /** Contact channels of B's published records: inside the tenant only. */
    static final List<String> CONTACTS_OF_B = List.of("ki@nachbartal.example", "+49 0000 1000",
            "info@mso-nachbartal.example", "kim@nachbartal.example");
    static final List<String> PUBLISHED_OF_B = List.of("nt-ki", "nt-mso", "nt-lenkungsgruppe", "nt-beratung",
            "nt-rolle-koordination", "nt-m-ki-lg", "nt-r-mso-ki");

    @BeforeAll
    static void load() {
        TestNeo4j.get().withDemo().load("/fixtures/access-nachbartal.json");
    }

    @Test
    void coordinatorOfAnotherTenantSeesOnlyPublishedRecordsOfBAndNoContacts() {
        String answer = everyPath(as(AccessRole.COORDINATOR, A));
        assertThat(answer).doesNotContain(INTERNAL_OF_B).doesNotContain(CONTACTS_OF_B).contains(PUBLISHED_OF_B);
        assertThat(exports(as(AccessRole.COORDINATOR, A))).doesNotContain(INTERNAL_OF_B).doesNotContain(CONTACTS_OF_B);
    }

    @Test
    void coordinatorAndAdministrationOfBSeeEverythingOfB() {
        for (AccessRole role : List.of(AccessRole.COORDINATOR, AccessRole.ADMINISTRATION)) {
            String answer = everyPath(as(role, B));
            assertThat(answer).as(role.name()).contains(INTERNAL_OF_B).contains(CONTACTS_OF_B).contains(PUBLISHED_OF_B);
        }
        assertThat(exports(as(AccessRole.COORDINATOR, B))).contains("Kerngruppe intern");
    }

    @Test
    void adminSeesEverything() {
        assertThat(everyPath(ADMIN)).contains(INTERNAL_OF_B).contains(CONTACTS_OF_B);
    }

    @Test
    void dashboardAndStateSeePublishedRecordsOnlyWithoutContacts() {
        for (Principal principal : List.of(as(AccessRole.DASHBOARD, B), new Principal("land", null,
                java.util.EnumSet.of(AccessRole.STATE), null))) {
            String answer = everyPath(principal);
            assertThat(answer).as(principal.actingRole().name()).doesNotContain(INTERNAL_OF_B)
                    .doesNotContain(CONTACTS_OF_B).contains(PUBLISHED_OF_B);
            assertThat(exports(principal)).doesNotContain(INTERNAL_OF_B).doesNotContain(CONTACTS_OF_B);
        }
    }

    @Test
    void stateCountsAcrossTenantsIncludingInternalRecordsButListsOnlyPublishedOnes() {
        Principal state = new Principal("land", null, java.util.EnumSet.of(AccessRole.STATE), null);
        JsonNode data = graphQl(state).execute("accessEveryPath", Map.of("area", B)).path("data");
        assertThat(counts(data.path("byKind"))).containsEntry("MUNICIPAL_UNIT", 2L).containsEntry("MIGRANT_ORGANISATION", 1L);
        assertThat(data.at("/actors/totalCount").asLong()).isEqualTo(2);

        JsonNode outsider = graphQl(as(AccessRole.COORDINATOR, A)).execute("accessEveryPath", Map.of("area", B)).path("data");
        assertThat(counts(outsider.path("byKind"))).containsEntry("MUNICIPAL_UNIT", 1L);
    }

    @Test
    void partnerSeesPublishedRecordsAndItsOwnOrganisationsRecordsAndTheContactsOfItsTenant() {
        String answer = everyPath(as(AccessRole.PARTNER, B, "nt-mso"));
        assertThat(answer).contains(PUBLISHED_OF_B).contains("nt-m-mso-lg-intern").contains(CONTACTS_OF_B)
                .doesNotContain("nt-leistungen-intern", "nt-kerngruppe-intern", "nt-fallmanagement-intern",
                        "nt-stelle-intern", "nt-r-ki-leistungen-intern", "nt-m-ki-kern-intern");
        assertThat(answer).as("relations to its own organisation").contains("nt-r-ki-mso-intern");
        String foreignPartner = everyPath(as(AccessRole.PARTNER, A, "diakonie-auental"));
        assertThat(foreignPartner).doesNotContain(INTERNAL_OF_B).doesNotContain(CONTACTS_OF_B);
    }

    @Test
    void lookUpAndNestedFieldsOfAnOutsiderAreEmptyNotErrors() {
        JsonNode answer = graphQl(as(AccessRole.COORDINATOR, A)).execute("accessEveryPath", Map.of("area", B));
        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        JsonNode data = answer.path("data");
        assertThat(data.path("internalActor").isNull()).isTrue();
        assertThat(data.path("internalBody").isNull()).isTrue();
        assertThat(data.at("/ki/email").isNull()).isTrue();
        assertThat(data.at("/ki/key").asString()).isEqualTo("nt-ki");
        assertThat(data.at("/lenkungsgruppe/members").valueStream().map(m -> m.at("/actor/key").asString()).toList())
                .containsExactly("nt-ki");
        assertThat(data.at("/positions/totalCount").asLong()).isZero();

        JsonNode insider = graphQl(as(AccessRole.COORDINATOR, B)).execute("accessEveryPath", Map.of("area", B)).path("data");
        assertThat(insider.at("/lenkungsgruppe/members").valueStream().map(m -> m.at("/actor/key").asString()).toList())
                .containsExactlyInAnyOrder("nt-ki", "nt-mso");
        assertThat(insider.at("/ki/email").asString()).isEqualTo("ki@nachbartal.example");
    }

    @Test
    void demoDistrictInternalRecordsAreHiddenFromDashboards() {
        String query = "{ positions(filter: {area: \"" + A + "\"}) { totalCount } body(key: \"body-kim-kerngruppe\") { key } }";
        JsonNode dashboard = graphQl(as(AccessRole.DASHBOARD, A)).post(query, Map.of()).path("data");
        assertThat(dashboard.at("/positions/totalCount").asLong()).isZero();
        assertThat(dashboard.path("body").isNull()).isTrue();
        JsonNode coordinator = graphQl(as(AccessRole.COORDINATOR, A)).post(query, Map.of()).path("data");
        assertThat(coordinator.at("/positions/totalCount").asLong()).isGreaterThan(20);
        assertThat(coordinator.at("/body/key").asString()).isEqualTo("body-kim-kerngruppe");
    }

    /** The answers of every read path about tenant B, as one text. */
    private String everyPath(Principal principal) {
        var client = graphQl(principal);
        Map<String, Object> area = Map.of("area", B);
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answers.put("entities", client.execute("accessEveryPath", area));
        answers.put("networkHealth", client.execute("networkHealth", area));
        answers.put("network", client.execute("network", area));
        answers.put("interfacePoints", client.execute("interfacePoints", area));
        answers.put("whoDoesWhat", client.execute("whoDoesWhat", area));
        answers.put("duplicateStructures", client.execute("duplicateStructures", area));
        answers.put("coverageFindings", client.execute("coverageFindings", area));
        answers.put("fundingCliffs", client.execute("fundingCliffs", Map.of("area", B, "endingBefore", "2100-01-01")));
        answers.put("diff", client.execute("diff", Map.of("area", B, "from", "2000-01-01", "to", "2100-01-01")));
        for (String paper : List.of("NETWORKS", "RESPONSIBILITIES", "PROJECTS_AND_CONTACTS", "ASSOCIATIONS")) {
            answers.put("paper " + paper, client.execute("interfacePaper", Map.of("area", B, "paper", paper)));
        }
        answers.forEach((name, answer) -> assertThat(answer.path("errors").isMissingNode())
                .as(name + " for " + principal.actingRole() + ": " + answer.path("errors")).isTrue());
        return answers.values().stream().map(JsonNode::toString).collect(Collectors.joining("\n"));
    }

    private String exports(Principal principal) {
        HttpClient http = HttpClient.newHttpClient();
        StringBuilder all = new StringBuilder();
        for (String paper : List.of("networks", "responsibilities", "projects-and-contacts", "associations")) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/exports/interface-papers/" + paper + ".csv?area=" + B))
                        .header("Authorization", "Bearer " + token(principal)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(paper).isEqualTo(200);
                all.append(response.body());
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return all.toString();
    }

    private static Map<String, Long> counts(JsonNode groups) {
        return groups.valueStream().collect(Collectors.toMap(g -> g.path("key").asString(), g -> g.path("count").asLong()));
    }
}
