package de.kimgraph.api.analytics;

import static de.kimgraph.api.analytics.DuplicateAnswers.figures;
import static de.kimgraph.api.analytics.DuplicateAnswers.keys;
import static de.kimgraph.api.analytics.DuplicateAnswers.keysWithRolePrefix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.api.ApiTest;
import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import de.kimgraph.queries.access.ReadRule;
import de.kimgraph.queries.analytics.Finding;
import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.analytics.duplicates.DuplicateStructures;
import de.kimgraph.queries.analytics.duplicates.Thresholds;
import de.kimgraph.queries.entity.UnsupportedFilterException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code duplicateStructures} on the demo district against its oracle (graph-model/src/main/resources/demo/README.md,
 * findings #7–#11 and the tables of body pairs and similar names).
 */
class DuplicateStructuresDemoTest extends ApiTest {

    private static final String KREIS = "999990000000";
    private static final String AUENSTADT = "999990001001";
    private static final String TANNWALD = "999990002002";
    private static final String AS_OF = "2026-12-01";

    @Autowired
    DuplicateStructures duplicates;

    private DuplicateAnswers run(String area, String asOf, Map<String, Object> arguments) {
        Map<String, Object> variables = new HashMap<>(arguments);
        variables.put("area", area);
        variables.put("asOf", asOf);
        return DuplicateAnswers.of(graphQl().execute("duplicateStructures", variables));
    }

    private DuplicateAnswers run(Map<String, Object> arguments) {
        return run(KREIS, AS_OF, arguments);
    }

    private static List<String> pair(JsonNode finding, String type) {
        return keys(finding, type).subList(0, 2);
    }

    @Test
    void reportsTheIntegrationCourseAndDeuFoeVNetworksAsTheOnlyDuplicateBodies() {
        List<JsonNode> findings = run(Map.of()).findings("DUPLICATE_BODIES");

        assertThat(findings).hasSize(1);
        JsonNode networks = findings.getFirst();
        assertThat(networks.path("severity").asString()).isEqualTo("HIGH");
        assertThat(keys(networks, "BODY")).containsExactly("body-netzwerk-berufssprachkurse", "body-netzwerk-integrationskurse");
        assertThat(figures(networks)).containsExactly(entry("jaccard", 0.8182), entry("weightedJaccard", 0.8182),
                entry("sharedMembers", 9.0), entry("members", 11.0));
        assertThat(keys(networks, "FIELD")).containsExactly("LANGUAGE_COURSES");
        assertThat(keys(networks, "AREA")).containsExactly(KREIS);
        assertThat(keys(networks, "ACTOR", "gemeinsames Mitglied")).containsExactly("aa-auental", "auental-abh",
                "auental-ki", "bamf-regio", "caritas-auental", "jobcenter-auental", "mso-verbund",
                "sprachinstitut-auental", "vhs-auental");
        assertThat(keysWithRolePrefix(networks, "ACTOR", "nur Mitglied in „Netzwerk Berufssprachkurse"))
                .containsExactly("ihk-auental");
        assertThat(keysWithRolePrefix(networks, "ACTOR", "nur Mitglied in „Netzwerk Integrationskurse"))
                .containsExactly("diakonie-auental");
        assertThat(networks.path("explanation").asString()).contains("9 von 11", "0,82", "Sprachkurse");
        assertThat(networks.path("explanationEn").asString()).contains("9 of 11", "0.82");
    }

    @Test
    void theThresholdKeepsOutOrdinaryOverlapAndAPairWithoutASharedFieldIsNeverReported() {
        List<JsonNode> from04 = run(Map.of("minOverlap", 0.4, "kinds", List.of("DUPLICATE_BODIES")))
                .findings("DUPLICATE_BODIES");
        List<JsonNode> all = run(Map.of("minOverlap", 0.04, "kinds", List.of("DUPLICATE_BODIES")))
                .findings("DUPLICATE_BODIES");

        assertThat(from04.stream().map(f -> pair(f, "BODY"))).containsExactly(
                List.of("body-netzwerk-berufssprachkurse", "body-netzwerk-integrationskurse"),
                List.of("body-ak-antidiskriminierung", "body-auenstadt-nw-teilhabe"),
                List.of("body-auenstadt-nw-arbeit", "body-kim-ag-schule-beruf"));
        JsonNode lowOverlap = all.stream().filter(f -> pair(f, "BODY")
                .equals(List.of("body-ak-schule-familie", "body-kim-lenkungsgruppe"))).findFirst().orElseThrow();
        assertThat(figures(lowOverlap)).contains(entry("jaccard", 0.1053), entry("weightedJaccard", 0.0426),
                entry("sharedMembers", 2.0), entry("members", 19.0));
        assertThat(keys(lowOverlap, "FIELD")).containsExactly("EDUCATION_LANGUAGE");
        JsonNode nested = all.stream().filter(f -> pair(f, "BODY")
                .equals(List.of("body-ak-schule-familie", "body-auenstadt-nw-bildung"))).findFirst().orElseThrow();
        assertThat(figures(nested)).contains(entry("jaccard", 0.3333), entry("sharedMembers", 3.0));
        assertThat(keys(nested, "AREA")).as("the inner of the nested areas").containsExactly(AUENSTADT);
        assertThat(all).hasSize(42).noneMatch(f -> pair(f, "BODY")
                .equals(List.of("body-ak-antidiskriminierung", "body-forum-mso")));
    }

    @Test
    void reportsTheAwoAndDrkSouthEastEuropeServicesAndNotTheMbeServicesAnAgreementDivides() {
        List<JsonNode> findings = run(Map.of()).findings("PARALLEL_SERVICES");

        assertThat(findings).hasSize(1);
        JsonNode parallel = findings.getFirst();
        assertThat(parallel.path("severity").asString()).isEqualTo("MEDIUM");
        assertThat(keys(parallel, "SERVICE")).containsExactly("svc-awo-suedost", "svc-drk-suedost");
        assertThat(keys(parallel, "ACTOR")).containsExactly("awo-auental", "drk-auental");
        assertThat(keys(parallel, "FIELD")).containsExactly("MIGRATION_COUNSELLING");
        assertThat(keys(parallel, "TARGET_GROUP")).containsExactly("SOUTH_EAST_EUROPE");
        assertThat(keys(parallel, "AREA")).containsExactly(AUENSTADT);
        assertThat(parallel.path("explanation").asString()).contains("Fallarbeit", "keine gültige Vereinbarung");
    }

    @Test
    void parallelServicesFollowTheArea() {
        assertThat(run(AUENSTADT, AS_OF, Map.of()).findings("PARALLEL_SERVICES")).hasSize(1);
        assertThat(run(TANNWALD, AS_OF, Map.of()).findings("PARALLEL_SERVICES")).isEmpty();
        assertThat(run(TANNWALD, AS_OF, Map.of()).findings("DUPLICATE_BODIES"))
                .as("Kreis-wide networks cover Tannwald").hasSize(1);
    }

    @Test
    void theKiCarriesTheHighestMeetingLoadWithFiveBodiesOnSocialSecurity() {
        DuplicateAnswers answer = run(Map.of());
        List<JsonNode> findings = answer.findings("MEETING_LOAD");

        JsonNode ki = findings.getFirst();
        assertThat(keys(ki, "ACTOR")).containsExactly("auental-ki");
        assertThat(ki.path("severity").asString()).isEqualTo("HIGH");
        assertThat(figures(ki)).containsExactly(entry("bodies", 15.0), entry("maxBodiesOnOneField", 5.0),
                entry("meetingsPerYear", 62.0));
        assertThat(keys(ki, "BODY")).containsExactly("body-ak-antidiskriminierung", "body-ak-asyl",
                "body-ak-schule-familie", "body-auenstadt-nw-bildung", "body-austausch-kommunen", "body-forum-mso",
                "body-gesundheitskonferenz", "body-kim-ag-gesundheit", "body-kim-ag-schule-beruf",
                "body-kim-fallkonferenz", "body-kim-kerngruppe", "body-kim-lenkungsgruppe",
                "body-kim-planungskonferenz", "body-netzwerk-berufssprachkurse", "body-netzwerk-integrationskurse");
        assertThat(keys(ki, "MEMBERSHIP")).hasSize(15).contains("mem-auenstadt-nw-bildung-auental-ki");
        assertThat(keys(ki, "FIELD")).containsExactly("SOCIAL_SECURITY");
        assertThat(ki.path("explanation").asString()).contains("15 gültigen Gremien", "5 allein zum Handlungsfeld Soziale Sicherung");

        assertThat(findings.stream().map(f -> keys(f, "ACTOR").getFirst() + "=" + (int) (double) figures(f).get("bodies")
                + ":" + f.path("severity").asString())).containsExactly("auental-ki=15:HIGH", "caritas-auental=7:LOW",
                "aa-auental=6:LOW", "auental-abh=6:LOW", "auental-sozialamt=6:LOW", "diakonie-auental=6:LOW",
                "drk-auental=6:LOW", "jobcenter-auental=6:LOW", "mso-verbund=6:LOW", "auental-jugendamt=5:LOW",
                "awo-auental=5:LOW", "mso-frauentreff-auenstadt=5:LOW");

        JsonNode ranking = answer.report().path("meetingLoad");
        assertThat(ranking).hasSize(10);
        assertThat(ranking.valueStream().map(l -> l.at("/actor/key").asString() + "=" + l.path("bodies").asInt()))
                .startsWith("auental-ki=15", "caritas-auental=7", "aa-auental=6", "auental-abh=6", "auental-sozialamt=6");
        assertThat(ranking.at("/0/fields/0/field/key").asString()).isEqualTo("SOCIAL_SECURITY");
        assertThat(ranking.at("/0/fields/0/bodies").asInt()).isEqualTo(5);
        assertThat(ranking.at("/0/memberships")).hasSize(15);
    }

    @Test
    void aHigherThresholdLeavesOnlyTheKi() {
        List<JsonNode> findings = run(Map.of("minBodies", 10, "kinds", List.of("MEETING_LOAD"))).findings("MEETING_LOAD");

        assertThat(findings.stream().map(f -> keys(f, "ACTOR").getFirst())).containsExactly("auental-ki");
    }

    @Test
    void caritasCounsellingFromThreeProgrammesIsMediumAndTheKiSplitsAreLow() {
        List<JsonNode> findings = run(Map.of()).findings("FRAGMENTED_FUNDING");

        assertThat(findings.stream().map(f -> keys(f, "ACTOR").getFirst() + ":" + f.path("severity").asString()))
                .containsExactly("caritas-auental:MEDIUM", "auental-ki:LOW", "auental-ki:LOW");
        JsonNode caritas = findings.getFirst();
        assertThat(keys(caritas, "POSITION")).containsExactly("pos-caritas-asylverfahrensberatung",
                "pos-caritas-auenstadt", "pos-caritas-mbe");
        assertThat(keys(caritas, "PROGRAMME")).containsExactly("prog-auenstadt-integration", "prog-kreis-integration", "prog-mbe");
        assertThat(keys(caritas, "FUNDING")).containsExactly("fb-pos-caritas-asylverfahrensberatung-prog-kreis-integration",
                "fb-pos-caritas-auenstadt-prog-auenstadt-integration", "fb-pos-caritas-mbe-prog-mbe");
        assertThat(figures(caritas)).containsExactly(entry("positions", 3.0), entry("programmes", 3.0),
                entry("fte", 3.0), entry("fundedFte", 2.7));
        JsonNode coordination = findings.get(1);
        assertThat(keys(coordination, "POSITION")).containsExactly("pos-ki-bildung", "pos-ki-leitung",
                "pos-ki-querschnitt", "pos-kim-koordination-1", "pos-kim-koordination-2", "pos-kim-koordination-3",
                "pos-kim-koordination-4");
        assertThat(keys(coordination, "PROGRAMME")).containsExactly("prog-ki", "prog-kim");
        assertThat(keys(findings.get(2), "POSITION")).containsExactly("pos-ki-verwaltung", "pos-kim-verwaltung");
        assertThat(findings).noneMatch(f -> keys(f, "POSITION").contains("pos-ehrenamt-netzwerk"))
                .noneMatch(f -> keys(f, "ACTOR").contains("awo-auental"));
    }

    @Test
    void withThreeProgrammesRequiredOnlyCaritasRemains() {
        List<JsonNode> findings = run(Map.of("minProgrammes", 3, "kinds", List.of("FRAGMENTED_FUNDING")))
                .findings("FRAGMENTED_FUNDING");

        assertThat(findings.stream().map(f -> keys(f, "ACTOR").getFirst())).containsExactly("caritas-auental");
    }

    @Test
    void theTwoCaritasRecordsAreTheOnlyMergeCandidate() {
        List<JsonNode> findings = run(Map.of()).findings("DUPLICATE_RECORD");

        assertThat(findings).hasSize(1);
        JsonNode caritas = findings.getFirst();
        assertThat(caritas.path("severity").asString()).isEqualTo("HIGH");
        assertThat(keys(caritas, "ACTOR")).containsExactly("caritas-auental", "caritas-auental-2");
        assertThat(figures(caritas)).containsExactly(entry("score", 1.0), entry("nameSimilarity", 1.0),
                entry("identifierMatch", 1.0), entry("addressMatch", 1.0));
        assertThat(caritas.path("explanation").asString()).contains("VR 1017", "Kirchgasse 4");
    }

    @Test
    void theTwoFrauentreffActorsRankFarBelowTheThreshold() {
        List<JsonNode> findings = run(Map.of("minRecordScore", 0.0, "kinds", List.of("DUPLICATE_RECORD")))
                .findings("DUPLICATE_RECORD");

        assertThat(findings.stream().map(f -> keys(f, "ACTOR"))).containsExactly(
                List.of("caritas-auental", "caritas-auental-2"), List.of("ini-frauentreff-auental", "mso-frauentreff-auenstadt"));
        JsonNode frauentreff = findings.get(1);
        assertThat(frauentreff.path("severity").asString()).isEqualTo("LOW");
        assertThat(figures(frauentreff)).containsExactly(entry("score", 0.1429), entry("nameSimilarity", 0.8571),
                entry("identifierMatch", 0.0), entry("addressMatch", -1.0));
    }

    @Test
    void beforeTheSecondCaritasRecordWasCreatedThereIsNoDuplicate() {
        assertThat(run(KREIS, "2025-06-01", Map.of()).findings("DUPLICATE_RECORD")).isEmpty();
    }

    @Test
    void evidenceResolvesToTheRecords() {
        JsonNode findings = graphQl().execute("duplicateStructuresNested", Map.of("area", KREIS, "asOf", AS_OF,
                "kinds", List.of("DUPLICATE_BODIES", "MEETING_LOAD"))).at("/data/duplicateStructures/findings");

        JsonNode bodies = findings.get(0);
        assertThat(bodies.at("/evidence/0/body/name").asString()).isEqualTo("Netzwerk Berufssprachkurse (DeuFöV) Kreis Auental");
        assertThat(bodies.at("/evidence/0/body/members")).hasSize(10);
        assertThat(bodies.at("/evidence/3/area/name").asString()).isEqualTo("Kreis Auental (fiktiv)");
        JsonNode ki = findings.get(1);
        JsonNode membership = ki.path("evidence").valueStream()
                .filter(e -> e.path("type").asString().equals("MEMBERSHIP")).findFirst().orElseThrow();
        assertThat(membership.at("/membership/actor/key").asString()).isEqualTo("auental-ki");
        assertThat(membership.at("/membership/body/key").asString()).isEqualTo("body-ak-antidiskriminierung");
        assertThat(ki.at("/evidence/0/actor/basedIn/0/key").asString()).isNotBlank();
    }

    @Test
    void aKindOfAnotherAnalysisOrAnUnknownAreaIsABadRequest() {
        JsonNode wrongKind = graphQl().execute("duplicateStructures", Map.of("area", KREIS, "kinds", List.of("STATUS_GAP")));
        JsonNode unknownArea = graphQl().execute("duplicateStructures", Map.of("area", "999990000099"));
        JsonNode badThreshold = graphQl().execute("duplicateStructures", Map.of("area", KREIS, "minOverlap", 1.5));

        assertThat(wrongKind.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(wrongKind.at("/errors/0/message").asString()).contains("STATUS_GAP");
        assertThat(unknownArea.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(badThreshold.at("/errors/0/message").asString()).contains("minOverlap");
    }

    @Test
    void theCallersReadRuleBoundsTheAnalysis() {
        LocalDate asOf = LocalDate.parse(AS_OF);
        DuplicateStructures.Report own = duplicates.analyse(Scope.of(KREIS, asOf, coordinator(KREIS).readRule()),
                Thresholds.DEFAULTS, null);
        // a coordinator of another Kreis reads the published part of the demo district
        DuplicateStructures.Report other = duplicates.analyse(Scope.of(KREIS, asOf, coordinator("999920000000").readRule()),
                Thresholds.DEFAULTS, null);
        // a rule without published reads and without the demo tenant sees nothing of it, not even the area
        ReadRule nothing = new ReadRule(List.of("999920000000", ReadRule.REFERENCE), false, null, List.of());

        assertThat(own.findings().stream().map(Finding::kind).distinct()).containsExactlyElementsOf(DuplicateStructures.KINDS);
        assertThat(own.findings()).hasSize(18);
        assertThat(String.valueOf(own)).contains("body-kim-kerngruppe");
        assertThat(other.findings()).isNotEmpty();
        assertThat(String.valueOf(other)).doesNotContain("body-kim-kerngruppe", "body-kim-fallkonferenz",
                "agr-rkw-abh-sozialamt", "agr-weiterleitung-kim-drk", "pos-");
        assertThatThrownBy(() -> duplicates.analyse(Scope.of(KREIS, asOf, nothing), Thresholds.DEFAULTS, null))
                .isInstanceOf(UnsupportedFilterException.class);
    }

    private static Principal coordinator(String tenant) {
        return new Principal("test", tenant, EnumSet.of(AccessRole.COORDINATOR), null);
    }
}
