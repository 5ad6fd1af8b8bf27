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
 * DOMAIN.md §6 "Status gap" and "a Kreis-wide service covering its Gemeinden", as the fixture
 * {@code coverage-geduldete.json} (Kreis Kovental, fictional): MBE and an Integrationsmanagement with
 * "Bleibeperspektive" serve the whole Kreis but exclude tolerated persons; the one service that admitted everyone
 * ended on 2025-12-31; a language course admits tolerated persons but is no counselling; a consultation hour
 * serves the Kreis and Kovental-Nord in two fields at once.
 */
class CoverageGeduldeteScenarioTest extends CoverageTestSupport {

    private static final String KREIS = "999910000000";
    private static final String NORD = "999910001001";
    private static final String SUED = "999910002002";

    @BeforeEach
    void load() {
        TestNeo4j.get().load("/fixtures/coverage-geduldete.json");
    }

    @AfterEach
    void remove() {
        TestNeo4j.get().deleteTenant(KREIS);
    }

    @Test
    void findsGeduldeteWithoutAnyEligibleCounselling() {
        List<JsonNode> findings = findings(KREIS, AS_OF);

        assertThat(signatures(findings)).containsExactly("STATUS_GAP:TOLERATED");
        JsonNode gap = findings.getFirst();
        assertThat(keys(gap, "SERVICE", "lässt den Status zu")).isEmpty();
        assertThat(keys(gap, "SERVICE", "deckt das Alter ab"))
                .containsExactly("svc-cov-asylverfahren", "svc-cov-im", "svc-cov-mbe", "svc-cov-sprechstunde");
        assertThat(figures(gap)).containsExactly(Map.entry("fromAge", 18.0), Map.entry("admittingServices", 0.0),
                Map.entry("excludingServices", 4.0));
        assertThat(gap.path("explanation").asString()).contains("Kein Angebot des Feldes lässt den Status überhaupt zu");
    }

    @Test
    void aCourseThatAdmitsToleratedPersonsIsNoCounsellingButCountsWhenItsFieldIsAsked() {
        JsonNode gap = only(findings(KREIS, AS_OF), "STATUS_GAP");
        List<JsonNode> inCourses = findings(KREIS, AS_OF, Map.of("counsellingFields", List.of("EDUCATION_LANGUAGE"),
                "kinds", List.of("STATUS_GAP")));

        assertThat(keys(gap, "SERVICE")).doesNotContain("svc-cov-geduldete-kurs");
        assertThat(signatures(inCourses)).doesNotContain("STATUS_GAP:TOLERATED");
    }

    @Test
    void statusGapsStartAtTheConfiguredAge() {
        JsonNode gap = only(findings(KREIS, AS_OF, Map.of("statusGapMinAge", 30)), "STATUS_GAP");

        assertThat(figures(gap)).containsEntry("fromAge", 30.0);
    }

    @Test
    void kreisWideServicesCoverEveryGemeinde() {
        for (String gemeinde : List.of(NORD, SUED)) {
            for (String field : List.of("MIGRATION_COUNSELLING", "SOCIAL_SECURITY")) {
                JsonNode cell = cell(KREIS, AS_OF, gemeinde, field, "REFUGEES", Map.of());

                assertThat(cell.path("status").asString()).as(gemeinde + " " + field).isEqualTo("COVERED");
                assertThat(serviceKeys(cell)).containsExactly("svc-cov-im", "svc-cov-mbe");
                // 100 + 50 places for the Kreis' 10,000 foreign residents
                assertThat(cell.path("capacityPer1000").asDouble()).isEqualTo(15.0);
            }
        }
        assertThat(signatures(findings(KREIS, AS_OF))).noneMatch(s -> s.startsWith("SPATIAL_GAP"));
    }

    @Test
    void aGemeindeScopeSeesTheKreisWideServices() {
        JsonNode report = report(SUED, AS_OF, Map.of("fields", List.of("MIGRATION_COUNSELLING"),
                "targetGroups", List.of("REFUGEES")));

        assertThat(report.at("/summary/gemeinden").asInt()).isEqualTo(1);
        assertThat(report.at("/cells/totalCount").asInt()).isEqualTo(1);
        assertThat(serviceKeys(report.at("/cells/edges/0/node"))).containsExactly("svc-cov-im", "svc-cov-mbe");
        assertThat(signatures(findings(SUED, AS_OF))).containsExactly("STATUS_GAP:TOLERATED");
    }

    @Test
    void anEndedServiceDoesNotCount() {
        JsonNode now = cell(KREIS, AS_OF, SUED, "MIGRATION_COUNSELLING", "REFUGEES", Map.of());
        JsonNode before = cell(KREIS, "2025-06-01", SUED, "MIGRATION_COUNSELLING", "REFUGEES", Map.of());

        assertThat(serviceKeys(now)).doesNotContain("svc-cov-gu-beratung");
        assertThat(serviceKeys(before)).containsExactly("svc-cov-gu-beratung", "svc-cov-im", "svc-cov-mbe");
        assertThat(findings(KREIS, "2025-06-01")).isEmpty();
    }

    @Test
    void aServiceWhoseStatusesExcludeTheGroupDoesNotCoverIt() {
        JsonNode tolerated = cell(KREIS, AS_OF, NORD, "MIGRATION_COUNSELLING", "TOLERATED", Map.of());

        assertThat(tolerated.path("status").asString()).isEqualTo("NONE");
        assertThat(serviceKeys(tolerated)).isEmpty();
        assertThat(tolerated.path("serviceCount").asInt()).isZero();
    }

    @Test
    void aServiceWhoseAgesMissTheGroupDoesNotCoverIt() {
        JsonNode minors = cell(KREIS, AS_OF, NORD, "FAMILY", "UNACCOMPANIED_MINORS", Map.of());
        JsonNode refugees = cell(KREIS, AS_OF, NORD, "FAMILY", "REFUGEES", Map.of());

        assertThat(minors.path("status").asString()).isEqualTo("NONE");
        assertThat(refugees.path("status").asString()).isEqualTo("THIN");
        assertThat(serviceKeys(refugees)).containsExactly("svc-cov-elterncafe");
    }

    @Test
    void aServiceServingTheKreisAndAGemeindeInTwoFieldsCountsOnce() {
        JsonNode cell = cell(KREIS, AS_OF, NORD, "SOCIAL_SECURITY", "NEWCOMERS", Map.of());
        JsonNode strict = cell(KREIS, AS_OF, NORD, "SOCIAL_SECURITY", "NEWCOMERS", Map.of("minServices", 3));

        assertThat(serviceKeys(cell)).containsExactly("svc-cov-mbe", "svc-cov-sprechstunde");
        assertThat(cell.path("serviceCount").asInt()).isEqualTo(2);
        assertThat(cell.path("status").asString()).isEqualTo("COVERED");
        assertThat(strict.path("status").asString()).isEqualTo("THIN");
        assertThat(cell.path("capacityPer1000").isNull()).as("the consultation hour has no capacity").isTrue();
    }
}
