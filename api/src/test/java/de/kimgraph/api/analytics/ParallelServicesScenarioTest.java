package de.kimgraph.api.analytics;

import static de.kimgraph.api.analytics.DuplicateAnswers.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import de.kimgraph.api.ApiTest;
import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Parallel services and the agreements that divide the work (DOMAIN.md §2: providers divide work by area, language,
 * status or accommodation, sometimes in a written Kooperationsvereinbarung). In the fixture
 * {@code fixtures/duplicates-services.json} five counselling pairs of different providers meet in the same field:
 * South-East Europe (a Gemeinde service next to a Kreis-wide one, no agreement), MBE (an agreement governs both),
 * refugees (an agreement both providers are party to governs one), women (the agreement ran out on 2024-12-31) and
 * young people (different Gemeinden); plus a group offer that differs in form only.
 */
class ParallelServicesScenarioTest extends ApiTest {

    private static final String KREIS = "999920000000";
    private static final String ZWIEFELDEN = "999920001001";
    private static final String PAARBACH = "999920002002";

    @BeforeAll
    static void load() {
        TestNeo4j.get().withDemo().deleteTenant(KREIS);
        TestNeo4j.get().load("/fixtures/duplicates-services.json");
    }

    @AfterAll
    static void remove() {
        TestNeo4j.get().deleteTenant(KREIS);
    }

    private List<JsonNode> parallel(String area, String asOf) {
        return DuplicateAnswers.of(graphQl().execute("duplicateStructures", Map.of("area", area, "asOf", asOf,
                "kinds", List.of("PARALLEL_SERVICES")))).findings("PARALLEL_SERVICES");
    }

    @Test
    void reportsOnlyThePairsNoValidAgreementDivides() {
        List<JsonNode> findings = parallel(KREIS, "2026-12-01");

        assertThat(findings.stream().map(f -> keys(f, "SERVICE"))).containsExactly(
                List.of("dup-svc-frauen-awo", "dup-svc-frauen-diakonie"),
                List.of("dup-svc-suedost-awo", "dup-svc-suedost-drk"));
        JsonNode southEast = findings.get(1);
        assertThat(keys(southEast, "ACTOR")).containsExactly("dup-svc-awo", "dup-svc-drk");
        assertThat(keys(southEast, "TARGET_GROUP")).containsExactly("SOUTH_EAST_EUROPE");
        assertThat(keys(southEast, "AREA")).as("the Gemeinde inside the Kreis-wide service's area").containsExactly(ZWIEFELDEN);
    }

    @Test
    void anAgreementDividingTheWorkSilencesTheFinding() {
        List<JsonNode> findings = parallel(KREIS, "2026-12-01");

        assertThat(findings).noneMatch(f -> keys(f, "SERVICE").contains("dup-svc-mbe-caritas"))
                .as("governs one service, both providers are party").noneMatch(f -> keys(f, "SERVICE").contains("dup-svc-fluechtling-caritas"));
    }

    @Test
    void anAgreementSilencesOnlyWhileItIsValid() {
        assertThat(parallel(KREIS, "2024-06-01").stream().map(f -> keys(f, "SERVICE")))
                .containsExactly(List.of("dup-svc-suedost-awo", "dup-svc-suedost-drk"));
    }

    @Test
    void differentFormsOrAreasAreNotParallel() {
        List<JsonNode> findings = parallel(KREIS, "2026-12-01");

        assertThat(findings).noneMatch(f -> keys(f, "SERVICE").contains("dup-svc-suedost-treff"))
                .noneMatch(f -> keys(f, "SERVICE").contains("dup-svc-jmd-awo"));
    }

    @Test
    void aGemeindeSeesOnlyThePairsThatServeIt() {
        assertThat(parallel(PAARBACH, "2026-12-01")).isEmpty();
        assertThat(parallel(ZWIEFELDEN, "2026-12-01")).hasSize(2);
    }
}
