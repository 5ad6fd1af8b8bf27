package de.kimgraph.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The other gap kinds on the fixture {@code coverage-network.json} (Kreis Kovental, fictional): the counselling of
 * Kovental-Süd and its Tigrinya ended on 2025-12-31; school offers leave age 6 uncovered; the housing network is
 * dormant; the KI's seat in the steering group ended on 2025-12-31; an interface paper governs the federally funded
 * counselling, and a concept requirement the graph cannot decide.
 */
class CoverageNetworkScenarioTest extends CoverageTestSupport {

    private static final String KREIS = "999910000000";
    private static final String NORD = "999910001001";
    private static final String SUED = "999910002002";
    private static final String BEFORE = "2025-06-01";

    @BeforeEach
    void load() {
        TestNeo4j.get().load("/fixtures/coverage-network.json");
    }

    @AfterEach
    void remove() {
        TestNeo4j.get().deleteTenant(KREIS);
    }

    @Test
    void reportsExactlyTheScenarioGaps() {
        assertThat(signatures(findings(KREIS, AS_OF))).containsExactly(
                "PROGRAMME_REQUIREMENT_GAP:req-cov2-lenkung",
                "SPATIAL_GAP:" + SUED,
                "AGE_GAP:EDUCATION_LANGUAGE",
                "LANGUAGE_GAP:ti",
                "BODY_GAP:HOUSING");
        assertThat(signatures(findings(KREIS, BEFORE))).containsExactly(
                "AGE_GAP:EDUCATION_LANGUAGE",
                "BODY_GAP:HOUSING");
    }

    @Test
    void findsGemeindeWithoutCounsellingAfterItsServiceEnded() {
        JsonNode gap = only(findings(KREIS, AS_OF), "SPATIAL_GAP");

        assertThat(keys(gap, "AREA")).containsExactly(SUED);
        assertThat(keys(gap, "SERVICE", "früheres Angebot, beendet am 2025-12-31")).containsExactly("svc-cov2-beratung-sued");
        assertThat(figures(gap)).containsExactly(Map.entry("foreignPopulation", 1200.0));
    }

    @Test
    void aGemeindeScopeReportsOnlyItsOwnGaps() {
        assertThat(signatures(findings(SUED, AS_OF))).containsExactly("SPATIAL_GAP:" + SUED,
                "AGE_GAP:EDUCATION_LANGUAGE", "BODY_GAP:HOUSING");
        assertThat(signatures(findings(NORD, AS_OF))).containsExactly("AGE_GAP:EDUCATION_LANGUAGE",
                "LANGUAGE_GAP:ti", "BODY_GAP:HOUSING");
    }

    @Test
    void findsALanguageAGemeindeRequestsThatNoValidServiceOffers() {
        JsonNode gap = only(findings(KREIS, AS_OF), "LANGUAGE_GAP");

        assertThat(keys(gap, "LANGUAGE")).containsExactly("ti");
        assertThat(keys(gap, "AREA")).containsExactly(NORD);
    }

    @Test
    void findsASingleYearBetweenOffersAndNotTheAgesBeyondTheOldestOffer() {
        JsonNode gap = only(findings(KREIS, AS_OF), "AGE_GAP");

        assertThat(keys(gap, "FIELD")).containsExactly("EDUCATION_LANGUAGE", "LANGUAGE_COURSES");
        assertThat(figures(gap)).containsExactly(Map.entry("fromAge", 6.0), Map.entry("toAge", 6.0));
        assertThat(keys(gap, "SERVICE", "endet mit 5")).containsExactly("svc-cov2-kita");
        assertThat(keys(gap, "SERVICE", "beginnt mit 7")).containsExactly("svc-cov2-schule");
    }

    @Test
    void aDormantBodyIsNoNetworkAndABodyOnTheParentFieldCoversItsSubFields() {
        JsonNode gap = only(findings(KREIS, AS_OF), "BODY_GAP");

        assertThat(keys(gap, "FIELD")).containsExactly("HOUSING");
        assertThat(keys(gap, "SERVICE")).containsExactly("svc-cov2-wohnen");
        assertThat(keys(gap, "BODY")).isEmpty();
    }

    @Test
    void aSteeringGroupSeatThatEndedNoLongerMeetsTheRequirement() {
        JsonNode gap = only(findings(KREIS, AS_OF), "PROGRAMME_REQUIREMENT_GAP");
        JsonNode before = check(requirementChecks(KREIS, BEFORE), "req-cov2-lenkung");

        assertThat(keys(gap, "ACTOR")).containsExactly("cov2-kreisverwaltung");
        assertThat(keys(gap, "GRANT")).containsExactly("grant-cov2-kreis");
        assertThat(keys(gap, "PROGRAMME")).containsExactly("prog-cov2-land");
        assertThat(before.path("met").asBoolean()).isTrue();
        assertThat(keys(before, "MEMBERSHIP")).containsExactly("mem-cov2-lenkung-ki");
    }

    @Test
    void anInterfacePaperGoverningAFundedServiceMeetsTheInterfaceRequirementAndAConceptIsUndecided() {
        List<JsonNode> checks = requirementChecks(KREIS, AS_OF);

        assertThat(checks).hasSize(3);
        JsonNode interfaceCheck = check(checks, "req-cov2-schnittstelle");
        assertThat(interfaceCheck.path("met").asBoolean()).isTrue();
        assertThat(keys(interfaceCheck, "AGREEMENT")).containsExactly("agr-cov2-schnittstelle");
        assertThat(keys(interfaceCheck, "SERVICE")).containsExactly("svc-cov2-beratung-nord");
        assertThat(check(checks, "req-cov2-lenkung").path("met").asBoolean()).isFalse();
        assertThat(check(checks, "req-cov2-konzept").path("met").isNull()).isTrue();
    }
}
