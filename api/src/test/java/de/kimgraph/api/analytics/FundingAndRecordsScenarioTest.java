package de.kimgraph.api.analytics;

import static de.kimgraph.api.analytics.DuplicateAnswers.figures;
import static de.kimgraph.api.analytics.DuplicateAnswers.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.api.ApiTest;
import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Fragmented funding (<i>Stellenstückelung</i> across positions, DOMAIN.md §2) and duplicate records on the fixture
 * {@code fixtures/duplicates-records.json}: counselling posts of one association from three programmes, coordination
 * posts of a KI from two, one post pieced together from two programmes, two posts whose second programme ended on
 * 2025-12-31; records of one initiative entered twice (one created 2025-03-01), a youth service sharing its
 * association's register number, two initiatives of the same name in different Gemeinden, and a unit named like its
 * association.
 */
class FundingAndRecordsScenarioTest extends ApiTest {

    private static final String KREIS = "999920000000";
    private static final String AS_OF = "2026-12-01";

    @BeforeAll
    static void load() {
        TestNeo4j.get().withDemo().deleteTenant(KREIS);
        TestNeo4j.get().load("/fixtures/duplicates-records.json");
    }

    @AfterAll
    static void remove() {
        TestNeo4j.get().deleteTenant(KREIS);
    }

    private List<JsonNode> run(String kind, String asOf, Map<String, Object> arguments) {
        Map<String, Object> variables = new HashMap<>(arguments);
        variables.put("area", KREIS);
        variables.put("asOf", asOf);
        variables.put("kinds", List.of(kind));
        return DuplicateAnswers.of(graphQl().execute("duplicateStructures", variables)).findings(kind);
    }

    @Test
    void sameFunctionPositionsFromSeveralProgrammesAreFragmented() {
        List<JsonNode> findings = run("FRAGMENTED_FUNDING", AS_OF, Map.of());

        assertThat(findings.stream().map(f -> keys(f, "ACTOR").getFirst() + ":" + f.path("severity").asString()))
                .containsExactly("dup-rec-caritas:MEDIUM", "dup-rec-ki:LOW");
        assertThat(figures(findings.getFirst())).containsExactly(entry("positions", 3.0), entry("programmes", 3.0),
                entry("fte", 2.5), entry("fundedFte", 2.2));
        assertThat(keys(findings.get(1), "PROGRAMME")).containsExactly("dup-prog-kreis", "dup-prog-land");
        assertThat(findings).as("one pieced-together post is no fragmentation across posts")
                .noneMatch(f -> keys(f, "POSITION").contains("dup-pos-ehrenamt"));
    }

    @Test
    void anEndedFundingShareDoesNotCount() {
        assertThat(run("FRAGMENTED_FUNDING", AS_OF, Map.of())).noneMatch(f -> keys(f, "ACTOR").contains("dup-rec-awo"));
        List<JsonNode> before = run("FRAGMENTED_FUNDING", "2025-06-01", Map.of());
        JsonNode awo = before.stream().filter(f -> keys(f, "ACTOR").contains("dup-rec-awo")).findFirst().orElseThrow();
        assertThat(keys(awo, "FUNDING")).containsExactly("fb-dup-pos-awo-1-dup-prog-bund", "fb-dup-pos-awo-2-dup-prog-land");
    }

    @Test
    void minProgrammesThreeKeepsOnlyTheThreeProgrammeCase() {
        assertThat(run("FRAGMENTED_FUNDING", AS_OF, Map.of("minProgrammes", 3)).stream().map(f -> keys(f, "ACTOR").getFirst()))
                .containsExactly("dup-rec-caritas");
    }

    @Test
    void ranksMergeCandidatesByScore() {
        List<JsonNode> findings = run("DUPLICATE_RECORD", AS_OF, Map.of());

        assertThat(findings.stream().map(f -> keys(f, "ACTOR") + ":" + f.path("severity").asString())).containsExactly(
                "[dup-rec-fluechtlingshilfe, dup-rec-fluechtlingshilfe-2]:MEDIUM",
                "[dup-rec-jmd, dup-rec-jugendwerk]:LOW");
        assertThat(figures(findings.getFirst())).containsExactly(entry("score", 0.6), entry("nameSimilarity", 1.0),
                entry("identifierMatch", 0.0), entry("addressMatch", 1.0));
        assertThat(figures(findings.get(1))).contains(entry("identifierMatch", 1.0), entry("addressMatch", 0.0));
        assertThat(figures(findings.get(1)).get("score")).isBetween(0.4, 0.6);
    }

    @Test
    void sameNamesAtDifferentAddressesAndUnitsOfAnOrganisationAreNoCandidates() {
        List<JsonNode> findings = run("DUPLICATE_RECORD", AS_OF, Map.of());
        List<JsonNode> all = run("DUPLICATE_RECORD", AS_OF, Map.of("minRecordScore", 0.0));

        assertThat(findings).noneMatch(f -> keys(f, "ACTOR").contains("dup-rec-helferkreis-zwiefelden"));
        JsonNode helferkreis = all.stream().filter(f -> keys(f, "ACTOR").contains("dup-rec-helferkreis-zwiefelden"))
                .findFirst().orElseThrow();
        assertThat(figures(helferkreis)).contains(entry("score", 0.2), entry("nameSimilarity", 1.0), entry("addressMatch", -1.0));
        assertThat(all).noneMatch(f -> keys(f, "ACTOR").contains("dup-rec-caritas-migration"))
                .noneMatch(f -> keys(f, "ACTOR").contains("dup-rec-sprachcafe-paarbach"));
    }

    @Test
    void aRecordCreatedLaterIsNoDuplicateBefore() {
        assertThat(run("DUPLICATE_RECORD", "2024-06-01", Map.of()).stream().map(f -> keys(f, "ACTOR")))
                .containsExactly(List.of("dup-rec-jmd", "dup-rec-jugendwerk"));
    }
}
