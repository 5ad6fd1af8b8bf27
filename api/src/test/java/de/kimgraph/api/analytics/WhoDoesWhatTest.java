package de.kimgraph.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** whoDoesWhat on the demo district: migration counselling in Auenstadt (oracle's coverage table), housing in Tannwald. */
class WhoDoesWhatTest extends ReportTestSupport {

    private JsonNode who(Map<String, Object> arguments) {
        Map<String, Object> variables = new HashMap<>(Map.of("asOf", AS_OF));
        variables.putAll(arguments);
        return graphQl().execute("whoDoesWhat", variables);
    }

    @Test
    void migrationCounsellingInAuenstadtListsTheMbeAndJmdServicesWithProvidersAndRoleContacts() {
        JsonNode who = who(Map.of("area", AUENSTADT, "field", "MIGRATION_COUNSELLING")).at("/data/whoDoesWhat");

        assertThat(texts(who.path("services"), "/service/key")).containsExactlyInAnyOrder("svc-awo-suedost",
                "svc-caritas-auenstadt-beratung", "svc-drk-suedost", "svc-jmd-awo", "svc-kim-cm-drk", "svc-mbe-caritas",
                "svc-mbe-diakonie");
        assertThat(service(who, "svc-mbe-caritas").at("/providers/0/key").asString()).isEqualTo("caritas-auental");
        assertThat(texts(service(who, "svc-mbe-caritas").path("contacts"), "/email"))
                .containsExactly("migration@caritas-auental.example");
        assertThat(texts(service(who, "svc-mbe-diakonie").path("contacts"), "/key")).containsExactly("role-diakonie-mbe");
        assertThat(texts(service(who, "svc-jmd-awo").path("providers"), "/key")).containsExactly("awo-auental");
        assertThat(texts(service(who, "svc-jmd-awo").path("contacts"), "/key")).containsExactly("role-awo-jmd");
        assertThat(texts(service(who, "svc-jmd-awo").path("programmes"), "/key")).containsExactly("prog-jmd");
        assertThat(texts(who.path("services"), "/viaEnclosingArea")).containsOnly("false");

        assertThat(texts(who.path("responsibleUnits"), "/actor/key"))
                .containsExactlyInAnyOrder("awo-auental", "caritas-auental", "diakonie-auental", "drk-auental");
        assertThat(texts(who.path("contacts"), "/key")).containsExactlyInAnyOrder("role-awo-jmd", "role-caritas-fachdienst",
                "role-diakonie-mbe", "role-drk-suedost");
        assertThat(texts(who.path("bodies"), "/body/key")).containsExactly("body-ak-asyl");
        assertThat(who.at("/bodies/0/leads/0/role").asString()).isEqualTo("CHAIR");
        assertThat(who.at("/bodies/0/leads/0/actor/key").asString()).isEqualTo("diakonie-auental");
    }

    @Test
    void aKreisWideServiceAppearsForAGemeindeAndAnotherGemeindesDoesNot() {
        JsonNode who = who(Map.of("area", TANNWALD, "field", "HOUSING")).at("/data/whoDoesWhat");

        assertThat(texts(who.path("services"), "/service/key"))
                .containsExactly("svc-tannwald-unterbringung", "svc-drk-wohnraum");
        assertThat(service(who, "svc-drk-wohnraum").path("viaEnclosingArea").asBoolean()).isTrue();
        assertThat(texts(service(who, "svc-drk-wohnraum").path("areas"), "/key")).containsExactly(DEMO_KREIS);
        assertThat(service(who, "svc-tannwald-unterbringung").path("viaEnclosingArea").asBoolean()).isFalse();
        // oracle #5: no body addresses HOUSING
        assertThat(who.path("bodies")).isEmpty();
    }

    @Test
    void theKreisRollsItsGemeindenDown() {
        JsonNode who = who(Map.of("area", DEMO_KREIS, "field", "HOUSING")).at("/data/whoDoesWhat");

        assertThat(texts(who.path("services"), "/service/key"))
                .containsExactly("svc-tannwald-unterbringung", "svc-auenstadt-unterbringung", "svc-drk-wohnraum");
    }

    @Test
    void aLegalDomainNamesTheUnitsWorkingUnderIt() {
        JsonNode who = who(Map.of("area", TANNWALD, "legalDomain", "AUFENTHG")).at("/data/whoDoesWhat");

        assertThat(texts(who.path("responsibleUnits"), "/actor/key"))
                .containsExactly("auental-abh", "bamf-regio", "vhs-auental");
        JsonNode abh = who.path("responsibleUnits").valueStream()
                .filter(u -> u.at("/actor/key").asString().equals("auental-abh")).findFirst().orElseThrow();
        assertThat(texts(abh.path("reasons"), "")).containsExactly("PROVIDES_SERVICE", "WORKS_UNDER_LEGAL_DOMAIN");
        assertThat(texts(abh.path("services"), "/key")).containsExactly("svc-abh-bleiberecht");
        // the BAMF regional office has no service there but works under the AufenthG for the Kreis
        assertThat(texts(who.path("responsibleUnits"), "/reasons/0")).containsExactly("PROVIDES_SERVICE",
                "WORKS_UNDER_LEGAL_DOMAIN", "PROVIDES_SERVICE");
        // Auenstadt's own ABH is responsible for Auenstadt only; the MBE services do not serve Tannwald
        assertThat(texts(who.path("responsibleUnits"), "/actor/key")).doesNotContain("auenstadt-abh", "caritas-auental");
    }

    @Test
    void rejectsUnknownFilters() {
        assertThat(errorType(who(Map.of("area", AUENSTADT, "field", "NO_SUCH_FIELD")))).isEqualTo("BAD_REQUEST");
        assertThat(errorType(who(Map.of("area", AUENSTADT, "targetGroup", "NOBODY")))).isEqualTo("BAD_REQUEST");
        assertThat(errorType(who(Map.of("area", "000000000000")))).isEqualTo("BAD_REQUEST");
    }

    private static JsonNode service(JsonNode who, String key) {
        return who.path("services").valueStream().filter(s -> s.at("/service/key").asString().equals(key)).findFirst()
                .orElseThrow();
    }
}
