package de.kimgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Reads of the demo district over HTTP, checked against its oracle (graph-model/src/main/resources/demo/README.md). */
class DemoNetworkTest extends ApiTest {

    private static final String KREIS = "999990000000";
    private static final String AS_OF = "2026-12-01";

    @Test
    void theLenkungsgruppeListsItsMembersWithTheirRoles() {
        JsonNode body = graphQl().execute("bodyMembers", Map.of("key", "body-kim-lenkungsgruppe", "asOf", AS_OF))
                .at("/data/body");

        assertThat(body.at("/type").asString()).isEqualTo("STEERING_BODY");
        JsonNode members = body.path("members");
        assertThat(members).hasSize(14);
        assertThat(members.valueStream().filter(m -> m.path("role").asString().equals("CHAIR"))
                .map(m -> m.at("/actor/key").asString())).containsExactly("auental-dezernat-3");
        assertThat(members.valueStream().filter(m -> m.path("role").asString().equals("SECRETARIAT"))
                .map(m -> m.at("/actor/key").asString())).containsExactly("auental-ki");
        assertThat(members.valueStream().map(m -> m.at("/actor/key").asString()))
                .contains("jobcenter-auental", "bamf-regio", "caritas-auental", "auental-kreistag-integration")
                .doesNotContain("vhs-auental", "mso-ukraine");
        assertThat(body.path("fedBy").valueStream().map(b -> b.path("key").asString()))
                .contains("body-kim-kerngruppe", "body-kim-fallkonferenz", "body-kim-planungskonferenz");
    }

    @Test
    void membershipsFollowTheReferenceDate() {
        JsonNode members = graphQl().execute("bodyMembers", Map.of("key", "body-kim-lenkungsgruppe", "asOf", "2024-01-01"))
                .at("/data/body/members");

        assertThat(members.valueStream().map(m -> m.at("/actor/key").asString()))
                .contains("vhs-auental", "mso-ukraine")
                .doesNotContain("auental-jugendamt", "mso-verbund", "auental-kreistag-integration");
        assertThat(members).hasSize(13);
    }

    @Test
    void servicesFilterByAreaFieldAndTargetGroup() {
        JsonNode all = graphQl().execute("servicesFiltered", Map.of("filter", Map.of("area", KREIS, "asOf", AS_OF)))
                .at("/data/services");
        JsonNode southEast = graphQl().execute("servicesFiltered", Map.of("filter", Map.of("area", KREIS,
                "targetGroup", "SOUTH_EAST_EUROPE", "asOf", AS_OF))).at("/data/services");
        JsonNode tannwald = graphQl().execute("servicesFiltered", Map.of("filter", Map.of("area", "999990002002",
                "field", "SOCIAL_SECURITY", "asOf", AS_OF))).at("/data/services");

        assertThat(all.path("totalCount").asInt()).isEqualTo(44);
        assertThat(southEast.path("edges").valueStream().map(e -> e.at("/node/key").asString()))
                .contains("svc-awo-suedost", "svc-drk-suedost");
        assertThat(tannwald.path("totalCount").asInt()).isZero();
    }

    @Test
    void groupedCountsListEveryGroupIncludingEmptyOnes() {
        JsonNode byField = graphQl().execute("counts", Map.of("entity", "BODY", "by", "FIELD",
                "filter", Map.of("area", KREIS, "asOf", AS_OF))).at("/data/groupedCounts");
        JsonNode byArea = graphQl().execute("counts", Map.of("entity", "ACTOR", "by", "AREA",
                "filter", Map.of("area", KREIS, "asOf", AS_OF))).at("/data/groupedCounts");

        assertThat(byField).hasSize(15);
        assertThat(byField.valueStream().filter(g -> g.path("key").asString().equals("HOUSING"))
                .map(g -> g.path("count").asInt())).containsExactly(0);
        assertThat(byArea).hasSize(9);
        assertThat(byArea.valueStream().mapToInt(g -> g.path("count").asInt()).sum()).isPositive();
    }

    @Test
    void anUnsupportedFilterIsABadRequestNamingIt() {
        JsonNode answer = graphQl().post("{ roles(filter: {field: \"HOUSING\"}) { totalCount } }", Map.of());

        assertThat(answer.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(answer.at("/errors/0/message").asString()).contains("field").contains("Role");
    }
}
