package de.kimgraph.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code coverageGaps} on the demo district against its oracle (graph-model/src/main/resources/demo/README.md,
 * findings #1–#6 and their negative cases): every planted coverage finding with its exact evidence, nothing else.
 */
class CoverageGapsDemoTest extends CoverageTestSupport {

    private static final String KREIS = "999990000000";
    private static final String AUENSTADT = "999990001001";
    private static final String TANNWALD = "999990002002";
    private static final String QUELLINGEN = "999990003003";

    @Test
    void reportsExactlyThePlantedCoverageFindingsMostSevereFirst() {
        List<JsonNode> findings = findings(KREIS, AS_OF);

        assertThat(signatures(findings)).containsExactly(
                "PROGRAMME_REQUIREMENT_GAP:req-kim-schnittstelle-jmd",
                "STATUS_GAP:TOLERATED",
                "SPATIAL_GAP:" + TANNWALD,
                "SPATIAL_GAP:" + QUELLINGEN,
                "AGE_GAP:EDUCATION_LANGUAGE",
                "LANGUAGE_GAP:ti",
                "BODY_GAP:HOUSING");
        assertThat(findings.stream().map(f -> f.path("severity").asString()))
                .containsExactly("HIGH", "HIGH", "HIGH", "HIGH", "MEDIUM", "MEDIUM", "LOW");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.path("explanation").asString()).isNotBlank();
            assertThat(f.path("explanationEn").asString()).isNotBlank();
        });
    }

    @Test
    void findsToleratedPersonsAged28AndOverWithoutAnyCounsellingThatAdmitsThem() {
        JsonNode gap = only(findings(KREIS, AS_OF), "STATUS_GAP");

        assertThat(keys(gap, "RESIDENCE_STATUS")).containsExactly("TOLERATED");
        assertThat(keys(gap, "TARGET_GROUP")).containsExactly("TOLERATED");
        assertThat(keys(gap, "FIELD")).containsExactly("SOCIAL_SECURITY", "MIGRATION_COUNSELLING");
        assertThat(keys(gap, "AREA")).containsExactly(KREIS);
        assertThat(keys(gap, "SERVICE", "lässt den Status zu")).containsExactly("svc-jmd-awo");
        assertThat(keys(gap, "SERVICE", "deckt das Alter ab")).containsExactly("svc-awo-suedost",
                "svc-caritas-asylverfahrensberatung", "svc-caritas-auenstadt-beratung", "svc-drk-suedost",
                "svc-kim-cm-drk", "svc-kim-cm-ki", "svc-mbe-caritas", "svc-mbe-diakonie", "svc-sozialamt-asylblg");
        assertThat(figures(gap)).containsExactly(Map.entry("fromAge", 28.0), Map.entry("admittingServices", 1.0),
                Map.entry("excludingServices", 9.0));
        assertThat(gap.path("explanation").asString()).contains("Geduldete", "ab 28 Jahren", "Jugendmigrationsdienst");
    }

    @Test
    void theStatusGapIsFieldBoundServicesOutsideCounsellingDoNotCloseIt() {
        JsonNode gap = only(findings(KREIS, AS_OF), "STATUS_GAP");

        assertThat(keys(gap, "SERVICE")).doesNotContain("svc-abh-bleiberecht", "svc-bildungswerk-eok",
                "svc-psz-beratung", "svc-sprachmittlerpool", "svc-drk-wohnraum");
    }

    @Test
    void toleratedPersonsWereAdmittedWhileTheSocialWorkInTheSheltersRan() {
        List<JsonNode> findings = findings(KREIS, "2023-06-01");

        assertThat(signatures(findings)).noneMatch(s -> s.startsWith("STATUS_GAP") || s.startsWith("SPATIAL_GAP"));
    }

    @Test
    void findsTheTwoGemeindenWithoutCounsellingAndNamesTheServiceThatEnded() {
        List<JsonNode> spatial = findings(KREIS, AS_OF).stream()
                .filter(f -> f.path("kind").asString().equals("SPATIAL_GAP")).toList();

        assertThat(spatial).hasSize(2);
        assertThat(spatial).allSatisfy(gap -> {
            assertThat(keys(gap, "FIELD")).containsExactly("SOCIAL_SECURITY", "MIGRATION_COUNSELLING");
            assertThat(keys(gap, "SERVICE", "früheres Angebot")).containsExactly("svc-awo-gu-sozialarbeit");
        });
        assertThat(keys(spatial.get(0), "AREA")).containsExactly(TANNWALD);
        assertThat(keys(spatial.get(1), "AREA")).containsExactly(QUELLINGEN);
        assertThat(figures(spatial.get(0))).containsEntry("foreignPopulation", 2100.0);
        assertThat(spatial.get(0).path("explanation").asString()).contains("Tannwald", "31.12.2023");
    }

    @Test
    void findsTheAgeGapOf16To17InEducationAndLanguage() {
        JsonNode gap = only(findings(KREIS, AS_OF), "AGE_GAP");

        assertThat(keys(gap, "FIELD")).containsExactly("EDUCATION_LANGUAGE", "LANGUAGE_COURSES");
        assertThat(figures(gap)).containsExactly(Map.entry("fromAge", 16.0), Map.entry("toAge", 17.0));
        assertThat(keys(gap, "SERVICE", "endet mit 15")).containsExactly("svc-ki-ferienschule", "svc-ki-seiteneinstieg");
        assertThat(keys(gap, "SERVICE", "beginnt mit 18")).containsExactly("svc-bildungswerk-eok",
                "svc-sprachcafe-birkenhain", "svc-sprachinstitut-bsk", "svc-vhs-alphakurs", "svc-vhs-integrationskurs");
        assertThat(keys(gap, "SERVICE")).doesNotContain("svc-jmd-awo");
    }

    @Test
    void onlyTigrinyaIsRequestedButNotOffered() {
        JsonNode gap = only(findings(KREIS, AS_OF), "LANGUAGE_GAP");

        assertThat(keys(gap, "LANGUAGE")).containsExactly("ti");
        assertThat(keys(gap, "AREA")).containsExactly(KREIS);
        assertThat(gap.path("explanation").asString()).contains("Tigrinya");
    }

    @Test
    void onlyHousingHasServicesButNoBody() {
        JsonNode gap = only(findings(KREIS, AS_OF), "BODY_GAP");

        assertThat(keys(gap, "FIELD")).containsExactly("HOUSING");
        assertThat(keys(gap, "SERVICE")).containsExactly("svc-auenstadt-unterbringung", "svc-drk-wohnraum",
                "svc-tannwald-unterbringung");
        assertThat(figures(gap)).containsExactly(Map.entry("services", 3.0));
    }

    @Test
    void theKimRecipientLacksOnlyTheInterfaceToTheYouthMigrationServices() {
        JsonNode gap = only(findings(KREIS, AS_OF), "PROGRAMME_REQUIREMENT_GAP");

        assertThat(keys(gap, "REQUIREMENT")).containsExactly("req-kim-schnittstelle-jmd");
        assertThat(keys(gap, "PROGRAMME")).containsExactly("prog-kim", "prog-jmd");
        assertThat(keys(gap, "GRANT")).containsExactly("grant-kim-kreis");
        assertThat(keys(gap, "ACTOR")).containsExactly("auental-kreisverwaltung", "awo-auental");
        assertThat(keys(gap, "SERVICE")).containsExactly("svc-jmd-awo");
        assertThat(keys(gap, "AGREEMENT")).isEmpty();
    }

    @Test
    void theSteeringGroupAndTheMbeInterfacePaperMeetTheOtherKimRequirements() {
        List<JsonNode> checks = requirementChecks(KREIS, AS_OF);

        assertThat(checks).hasSize(3).allSatisfy(c -> {
            assertThat(c.path("grant").asString()).isEqualTo("grant-kim-kreis");
            assertThat(c.at("/recipient/key").asString()).isEqualTo("auental-kreisverwaltung");
        });
        JsonNode steering = check(checks, "req-kim-lenkungsgruppe");
        assertThat(steering.path("met").asBoolean()).isTrue();
        assertThat(keys(steering, "BODY")).containsExactly("body-kim-lenkungsgruppe");
        assertThat(keys(steering, "MEMBERSHIP")).contains("mem-kim-lenkungsgruppe-auental-dezernat-3",
                "mem-kim-lenkungsgruppe-auental-ki");
        JsonNode mbe = check(checks, "req-kim-schnittstelle-mbe");
        assertThat(mbe.path("met").asBoolean()).isTrue();
        assertThat(keys(mbe, "AGREEMENT")).containsExactly("agr-schnittstelle-kim-mbe");
        assertThat(keys(mbe, "ACTOR", "Vertragspartei des Empfängers")).containsExactly("auental-ki");
        assertThat(check(checks, "req-kim-schnittstelle-jmd").path("met").asBoolean()).isFalse();
    }

    @Test
    void aCooperationBetweenTheMbeProvidersWithoutTheKreisIsNoKimInterface() {
        JsonNode mbe = check(requirementChecks(KREIS, AS_OF), "req-kim-schnittstelle-mbe");

        assertThat(keys(mbe, "AGREEMENT")).doesNotContain("agr-koop-mbe-caritas-diakonie");
    }

    @Test
    void theMatrixHasACellPerGemeindeFieldAndTargetGroup() {
        JsonNode report = report(KREIS, AS_OF, Map.of("first", 0));
        JsonNode summary = report.path("summary");

        assertThat(report.at("/area/name").asString()).isEqualTo("Kreis Auental (fiktiv)");
        assertThat(report.path("minServices").asInt()).isEqualTo(2);
        assertThat(report.path("counsellingFields").valueStream().map(f -> f.path("key").asString()))
                .containsExactly("SOCIAL_SECURITY");
        assertThat(summary.path("gemeinden").asInt()).isEqualTo(9);
        assertThat(summary.path("cells").asInt()).isEqualTo(9 * 15 * 15);
        assertThat(summary.path("none").asInt() + summary.path("thin").asInt() + summary.path("covered").asInt())
                .isEqualTo(9 * 15 * 15);
        assertThat(report.at("/cells/totalCount").asInt()).isEqualTo(9 * 15 * 15);
    }

    @Test
    void counsellingCellsOfTannwaldAreAllEmpty() {
        JsonNode cells = report(KREIS, AS_OF, Map.of("areas", List.of(TANNWALD),
                "fields", List.of("SOCIAL_SECURITY", "MIGRATION_COUNSELLING"), "status", List.of("THIN", "COVERED")))
                .path("cells");

        assertThat(cells.path("totalCount").asInt()).isZero();
    }

    @Test
    void cellsNameTheirServicesAndFollowTheThreshold() {
        JsonNode southEast = cell(KREIS, AS_OF, AUENSTADT, "MIGRATION_COUNSELLING", "SOUTH_EAST_EUROPE", Map.of());
        JsonNode housing = cell(KREIS, AS_OF, QUELLINGEN, "HOUSING", "REFUGEES", Map.of());
        JsonNode housingOne = cell(KREIS, AS_OF, QUELLINGEN, "HOUSING", "REFUGEES", Map.of("minServices", 1));

        assertThat(southEast.path("status").asString()).isEqualTo("COVERED");
        assertThat(serviceKeys(southEast)).containsExactly("svc-awo-suedost", "svc-drk-suedost");
        assertThat(southEast.at("/services/0/providers/0/key").asString()).isEqualTo("awo-auental");
        assertThat(housing.path("status").asString()).isEqualTo("THIN");
        assertThat(serviceKeys(housing)).containsExactly("svc-drk-wohnraum");
        assertThat(housing.path("capacityPer1000").asDouble()).isEqualTo(1000.0 * 70 / 40000);
        assertThat(housingOne.path("status").asString()).isEqualTo("COVERED");
    }

    @Test
    void capacityPerThousandForeignResidentsMarksCellsThinOnlyWhenAsked() {
        JsonNode without = cell(KREIS, AS_OF, TANNWALD, "HOUSING", "REFUGEES", Map.of());
        JsonNode strict = cell(KREIS, AS_OF, TANNWALD, "HOUSING", "REFUGEES", Map.of("minCapacityPer1000", 100.0));
        JsonNode lenient = cell(KREIS, AS_OF, TANNWALD, "HOUSING", "REFUGEES", Map.of("minCapacityPer1000", 50.0));

        // svc-drk-wohnraum: 70 places for the Kreis' 40,000; svc-tannwald-unterbringung: 120 for Tannwald's 2,100
        double expected = 1000.0 * 70 / 40000 + 1000.0 * 120 / 2100;
        assertThat(without.path("capacityPer1000").asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(without.path("status").asString()).isEqualTo("COVERED");
        assertThat(strict.path("status").asString()).isEqualTo("THIN");
        assertThat(lenient.path("status").asString()).isEqualTo("COVERED");
    }

    @Test
    void aCellWithoutCapacityDataKeepsItsCountStatus() {
        JsonNode asylum = cell(KREIS, AS_OF, "999990004004", "SOCIAL_SECURITY", "ASYLUM_SEEKERS",
                Map.of("minCapacityPer1000", 1000.0));

        assertThat(serviceKeys(asylum)).containsExactly("svc-caritas-asylverfahrensberatung", "svc-sozialamt-asylblg");
        assertThat(asylum.path("capacityPer1000").isNull()).isTrue();
        assertThat(asylum.path("status").asString()).isEqualTo("COVERED");
    }

    @Test
    void pagesThroughTheThinCellsWithoutGapsOrRepeats() {
        int thin = report(KREIS, AS_OF, Map.of("first", 0)).at("/summary/thin").asInt();
        Set<String> seen = new HashSet<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, Object> variables = new java.util.HashMap<>(Map.of("status", List.of("THIN"), "first", 40));
            if (after != null) {
                variables.put("after", after);
            }
            JsonNode cells = report(KREIS, AS_OF, variables).path("cells");
            assertThat(cells.path("totalCount").asInt()).isEqualTo(thin);
            assertThat(cells.at("/pageInfo/hasPreviousPage").asBoolean()).isEqualTo(after != null);
            cells.path("edges").valueStream().forEach(e -> {
                JsonNode n = e.path("node");
                assertThat(n.path("status").asString()).isEqualTo("THIN");
                assertThat(seen.add(n.at("/area/key").asString() + n.at("/field/key").asString()
                        + n.at("/targetGroup/key").asString())).isTrue();
            });
            after = cells.at("/pageInfo/hasNextPage").asBoolean() ? cells.at("/pageInfo/endCursor").asString() : null;
            pages++;
        } while (after != null);

        assertThat(seen).hasSize(thin);
        assertThat(pages).isEqualTo((thin + 39) / 40);
    }

    @Test
    void theCompactMatrixHoldsEveryCellInTheOrderOfTheCells() {
        JsonNode answer = graphQl().execute("coverageMatrix", Map.of("area", KREIS, "asOf", AS_OF));
        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        JsonNode report = answer.at("/data/coverageGaps");
        JsonNode matrix = report.path("matrix");
        int fields = matrix.path("fields").size();
        int groups = matrix.path("targetGroups").size();
        assertThat(matrix.path("statuses").size()).isEqualTo(report.at("/summary/cells").asInt())
                .isEqualTo(matrix.path("gemeinden").size() * fields * groups).isEqualTo(matrix.path("serviceCounts").size());
        assertThat(matrix.path("statuses").valueStream().filter(s -> s.asString().equals("NONE")).count())
                .isEqualTo(report.at("/summary/none").asLong());

        // every cell of the first page of 200 sits at (g × fields + f) × groups + t
        JsonNode cells = report(KREIS, AS_OF, Map.of("first", 200)).at("/cells/edges");
        List<String> gemeinden = matrix.path("gemeinden").valueStream().map(g -> g.path("key").asString()).toList();
        List<String> fieldKeys = matrix.path("fields").valueStream().map(g -> g.path("key").asString()).toList();
        List<String> groupKeys = matrix.path("targetGroups").valueStream().map(g -> g.path("key").asString()).toList();
        assertThat(cells.size()).isPositive();
        cells.valueStream().map(e -> e.path("node")).forEach(cell -> {
            int index = (gemeinden.indexOf(cell.at("/area/key").asString()) * fields
                    + fieldKeys.indexOf(cell.at("/field/key").asString())) * groups
                    + groupKeys.indexOf(cell.at("/targetGroup/key").asString());
            assertThat(matrix.path("statuses").get(index).asString()).isEqualTo(cell.path("status").asString());
            assertThat(matrix.path("serviceCounts").get(index).asInt()).isEqualTo(cell.path("serviceCount").asInt());
        });
    }

    @Test
    void findingsCanBeFilteredByKind() {
        List<JsonNode> findings = findings(KREIS, AS_OF, Map.of("kinds", List.of("SPATIAL_GAP", "LANGUAGE_GAP")));

        assertThat(signatures(findings)).containsExactly("SPATIAL_GAP:" + TANNWALD, "SPATIAL_GAP:" + QUELLINGEN,
                "LANGUAGE_GAP:ti");
    }

    @Test
    void rejectsAnUnknownAreaAnUnknownCounsellingFieldAndAZeroThreshold() {
        JsonNode unknownArea = graphQl().execute("coverageFindings", Map.of("area", "999999999999"));
        JsonNode unknownField = graphQl().execute("coverageFindings", Map.of("area", KREIS,
                "counsellingFields", List.of("NO_SUCH_FIELD")));
        JsonNode zero = graphQl().execute("coverageCells", Map.of("area", KREIS, "minServices", 0));

        assertThat(unknownArea.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(unknownArea.at("/errors/0/message").asString()).contains("999999999999");
        assertThat(unknownField.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(unknownField.at("/errors/0/message").asString()).contains("NO_SUCH_FIELD");
        assertThat(zero.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
    }
}
