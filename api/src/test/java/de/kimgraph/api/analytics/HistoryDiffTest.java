package de.kimgraph.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** diff on the demo district against oracle #17 (history of memberships, the agreement of 2025). */
class HistoryDiffTest extends ReportTestSupport {

    private JsonNode diff(String area, String from, String to, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(Map.of("area", area, "from", from, "to", to));
        variables.putAll(more);
        return graphQl().execute("diff", variables);
    }

    private static JsonNode kind(JsonNode diff, String kind) {
        return diff.path("kinds").valueStream().filter(k -> k.path("kind").asString().equals(kind)).findFirst()
                .orElseThrow();
    }

    @Test
    void membershipsAddedAndEndedBetween2023And2026AreExactlyTheOracles() {
        JsonNode diff = diff(DEMO_KREIS, "2023-12-31", AS_OF, Map.of()).at("/data/diff");
        JsonNode memberships = kind(diff, "MEMBERSHIP");

        assertThat(texts(memberships.path("added"), "/key")).containsExactly("mem-ak-asyl-caritas-auental-2",
                "mem-auenstadt-nw-bildung-auental-ki", "mem-auenstadt-nw-teilhabe-mso-ukraine",
                "mem-austausch-kommunen-eichenborn-verwaltung", "mem-forum-mso-auental-kreistag-integration",
                "mem-kim-lenkungsgruppe-auental-jugendamt", "mem-kim-lenkungsgruppe-auental-kreistag-integration",
                "mem-kim-lenkungsgruppe-mso-verbund", "mem-netzwerk-ehrenamt-ini-fahrradwerkstatt-lindenfurt",
                "mem-netzwerk-ehrenamt-ini-frauentreff-auental");
        assertThat(texts(memberships.path("ended"), "/key")).containsExactly("mem-ak-asyl-bamf-regio",
                "mem-auenstadt-nw-arbeit-jobcenter-auental", "mem-kim-lenkungsgruppe-mso-ukraine",
                "mem-kim-lenkungsgruppe-vhs-auental");
        assertThat(memberships.path("addedCount").asInt()).isEqualTo(10);
        assertThat(memberships.path("endedCount").asInt()).isEqualTo(4);
        assertThat(memberships.at("/added/0/type").asString()).isEqualTo("MEMBERSHIP");
        assertThat(memberships.at("/added/0/membership/actor/key").asString()).isEqualTo("caritas-auental-2");
        assertThat(memberships.at("/added/0/membership/validFrom").asString()).isEqualTo("2025-09-01");
        assertThat(memberships.at("/ended/0/membership/validTo").asString()).isEqualTo("2024-03-31");
    }

    @Test
    void theOtherKindsShowTheAgreementOf2025AndTheNewAndEndedRecords() {
        JsonNode diff = diff(DEMO_KREIS, "2023-12-31", AS_OF, Map.of()).at("/data/diff");

        assertThat(texts(diff.path("kinds"), "/kind"))
                .containsExactly("ACTOR", "BODY", "SERVICE", "POSITION", "AGREEMENT", "MEMBERSHIP", "RELATION");
        assertThat(texts(kind(diff, "AGREEMENT").path("added"), "/key")).containsExactly("agr-rkw-abh-sozialamt");
        assertThat(texts(kind(diff, "ACTOR").path("added"), "/key")).containsExactly("caritas-auental-2");
        assertThat(kind(diff, "BODY").path("addedCount").asInt()).isZero();
        assertThat(kind(diff, "BODY").path("endedCount").asInt()).isZero();
        assertThat(texts(kind(diff, "SERVICE").path("added"), "/key"))
                .containsExactly("svc-awo-suedost", "svc-bildungswerk-eingliederung");
        assertThat(texts(kind(diff, "SERVICE").path("ended"), "/key")).containsExactly("svc-awo-gu-sozialarbeit");
        JsonNode relations = kind(diff, "RELATION");
        assertThat(texts(relations.path("added"), "/key")).containsExactly("cofin-stiftung-awo",
                "cofin-stiftung-ehrenamtsagentur", "cofin-stiftung-psz", "ho-abh-sozialamt-anerkennung",
                "ref-fahrradwerkstatt-lindenfurt-ehrenamtsagentur", "ref-frauentreff-auental-ehrenamtsagentur");
        assertThat(texts(relations.path("ended"), "/key")).containsExactly("coop-ki-sprachinstitut-alt");
        assertThat(relations.at("/added/3/relation/type").asString()).isEqualTo("HANDS_OVER_TO");
        assertThat(diff.path("addedCount").asInt()).isEqualTo(20);
        assertThat(diff.path("endedCount").asInt()).isEqualTo(6);
    }

    @Test
    void propertyChangesComeFromTheAuditTrailOnlyAndTheNoteSaysSo() {
        JsonNode diff = diff(DEMO_KREIS, "2023-12-31", "2024-12-31", Map.of()).at("/data/diff");

        assertThat(diff.path("changesTracked").asBoolean()).isTrue();
        assertThat(diff.path("note").asString()).contains("Änderungsprotokoll").contains("imports are not itemised");
        // the demo district was imported, not edited, and the audit trail did not exist in 2024
        assertThat(diff.path("kinds").valueStream().flatMap(k -> k.path("changed").valueStream())).isEmpty();
    }

    @Test
    void listsAreCappedButCountsStayComplete() {
        JsonNode memberships = kind(diff(DEMO_KREIS, "2023-12-31", AS_OF, Map.of("first", 3)).at("/data/diff"), "MEMBERSHIP");

        assertThat(memberships.path("added")).hasSize(3);
        assertThat(memberships.path("addedCount").asInt()).isEqualTo(10);
        assertThat(memberships.path("truncated").asBoolean()).isTrue();
    }

    @Test
    void aGemeindeSeesOnlyWhatReachesIt() {
        JsonNode diff = diff(TANNWALD, "2023-12-31", AS_OF, Map.of()).at("/data/diff");

        // Auenstadt's networks cover Auenstadt only, so their changes are not Tannwald's
        assertThat(texts(kind(diff, "MEMBERSHIP").path("added"), "/key")).doesNotContain(
                "mem-auenstadt-nw-bildung-auental-ki", "mem-auenstadt-nw-teilhabe-mso-ukraine")
                .contains("mem-kim-lenkungsgruppe-mso-verbund");
        assertThat(texts(kind(diff, "MEMBERSHIP").path("ended"), "/key"))
                .doesNotContain("mem-auenstadt-nw-arbeit-jobcenter-auental");
        // the refugee social work in Tannwald's shelter ended in 2023
        assertThat(texts(kind(diff, "SERVICE").path("ended"), "/key")).containsExactly("svc-awo-gu-sozialarbeit");
    }

    @Test
    void rejectsAnEmptyOrReversedIntervalAndAnUnknownArea() {
        assertThat(errorType(diff(DEMO_KREIS, AS_OF, "2023-12-31", Map.of()))).isEqualTo("BAD_REQUEST");
        assertThat(errorType(diff(DEMO_KREIS, AS_OF, AS_OF, Map.of()))).isEqualTo("BAD_REQUEST");
        assertThat(errorType(diff("000000000000", "2023-12-31", AS_OF, Map.of()))).isEqualTo("BAD_REQUEST");
        assertThat(errorType(diff(DEMO_KREIS, "2023-12-31", AS_OF, Map.of("first", 0)))).isEqualTo("BAD_REQUEST");
    }
}
