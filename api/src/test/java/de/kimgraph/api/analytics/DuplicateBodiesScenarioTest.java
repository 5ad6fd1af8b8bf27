package de.kimgraph.api.analytics;

import static de.kimgraph.api.analytics.DuplicateAnswers.figures;
import static de.kimgraph.api.analytics.DuplicateAnswers.keys;
import static de.kimgraph.api.analytics.DuplicateAnswers.keysWithRolePrefix;
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
 * Duplicate bodies and meeting load on the scenario of DOMAIN.md §6 ("Duplicate networks"): a network for
 * integration courses (Kreis-wide, BAMF regional coordination) and one for job-related German courses (DeuFöV, in
 * one Gemeinde) with almost identical participants; next to them a language working group below the threshold, a
 * steering body and a working group of the same organisations on different hierarchy levels, a dissolved network,
 * and two counselling networks whose overlap rests on a membership that ended on 2025-06-30.
 * Fixture {@code fixtures/duplicates-networks.json}, tenant {@value #KREIS}.
 */
class DuplicateBodiesScenarioTest extends ApiTest {

    private static final String KREIS = "999920000000";
    private static final String ZWIEFELDEN = "999920001001";
    private static final String AS_OF = "2026-12-01";
    private static final String BEFORE_THE_MEMBERSHIP_ENDED = "2025-01-01";

    @BeforeAll
    static void load() {
        TestNeo4j.get().withDemo().deleteTenant(KREIS);
        TestNeo4j.get().load("/fixtures/duplicates-networks.json");
    }

    @AfterAll
    static void remove() {
        TestNeo4j.get().deleteTenant(KREIS);
    }

    private DuplicateAnswers run(String asOf, Map<String, Object> arguments) {
        Map<String, Object> variables = new HashMap<>(arguments);
        variables.put("area", KREIS);
        variables.put("asOf", asOf);
        variables.put("kinds", List.of("DUPLICATE_BODIES", "MEETING_LOAD"));
        return DuplicateAnswers.of(graphQl().execute("duplicateStructures", variables));
    }

    private static List<List<String>> pairs(List<JsonNode> findings) {
        return findings.stream().map(f -> keys(f, "BODY").subList(0, 2)).toList();
    }

    @Test
    void findsTheIntegrationCourseAndDeuFoeVNetworksWithTheirSharedMembers() {
        List<JsonNode> findings = run(AS_OF, Map.of()).findings("DUPLICATE_BODIES");

        assertThat(pairs(findings)).containsExactly(List.of("dup-nw-berufssprachkurse", "dup-nw-integrationskurse"));
        JsonNode networks = findings.getFirst();
        assertThat(networks.path("severity").asString()).isEqualTo("HIGH");
        assertThat(figures(networks)).containsExactly(entry("jaccard", 0.8), entry("weightedJaccard", 0.8),
                entry("sharedMembers", 8.0), entry("members", 10.0));
        assertThat(keys(networks, "ACTOR", "gemeinsames Mitglied")).containsExactly("dup-aa", "dup-abh", "dup-bamf",
                "dup-jobcenter", "dup-ki", "dup-mso", "dup-sprachschule", "dup-vhs");
        assertThat(keysWithRolePrefix(networks, "ACTOR", "nur Mitglied in „Netzwerk Berufssprachkurse")).containsExactly("dup-ihk");
        assertThat(keysWithRolePrefix(networks, "ACTOR", "nur Mitglied in „Netzwerk Integrationskurse")).containsExactly("dup-caritas");
        assertThat(keys(networks, "FIELD")).containsExactly("LANGUAGE_COURSES");
        assertThat(keys(networks, "AREA")).as("Kreis-wide network and Gemeinde network overlap in the Gemeinde")
                .containsExactly(ZWIEFELDEN);
    }

    @Test
    void aPairBelowTheThresholdIsNotReported() {
        List<List<String>> pairs = pairs(run(AS_OF, Map.of()).findings("DUPLICATE_BODIES"));
        List<List<String>> lower = pairs(run(AS_OF, Map.of("minOverlap", 0.4)).findings("DUPLICATE_BODIES"));

        assertThat(pairs).doesNotContain(List.of("dup-ak-sprache", "dup-nw-integrationskurse"));
        assertThat(lower).as("4 of 10 members shared, the field shared through LANGUAGE_COURSES ⊂ EDUCATION_LANGUAGE")
                .contains(List.of("dup-ak-sprache", "dup-nw-integrationskurse"));
    }

    @Test
    void theSameOrganisationsOnDifferentHierarchyLevelsAreNoDuplicate() {
        List<JsonNode> all = run(AS_OF, Map.of("minOverlap", 0.3)).findings("DUPLICATE_BODIES");

        JsonNode tiers = all.stream().filter(f -> keys(f, "BODY").contains("dup-lenkungskreis")
                && keys(f, "BODY").contains("dup-ag-existenz")).findFirst().orElseThrow();
        assertThat(figures(tiers)).containsExactly(entry("jaccard", 1.0), entry("weightedJaccard", 0.3333),
                entry("sharedMembers", 4.0), entry("members", 4.0));
        assertThat(pairs(run(AS_OF, Map.of()).findings("DUPLICATE_BODIES")))
                .noneMatch(p -> p.contains("dup-lenkungskreis"));
    }

    @Test
    void aSubFieldCountsAsTheSameFieldAndIsNamed() {
        List<JsonNode> findings = run(AS_OF, Map.of("minOverlap", 0.6)).findings("DUPLICATE_BODIES");

        assertThat(pairs(findings)).containsExactly(List.of("dup-nw-berufssprachkurse", "dup-nw-integrationskurse"),
                List.of("dup-ag-existenz", "dup-nw-asyl"), List.of("dup-nw-asyl", "dup-nw-fluechtlingsberatung"));
        assertThat(keys(findings.get(1), "FIELD")).as("SOCIAL_SECURITY vs MIGRATION_COUNSELLING")
                .containsExactly("MIGRATION_COUNSELLING");
    }

    @Test
    void anEndedMembershipDoesNotCountAsOfALaterDate() {
        List<JsonNode> before = run(BEFORE_THE_MEMBERSHIP_ENDED, Map.of()).findings("DUPLICATE_BODIES");
        List<JsonNode> after = run(AS_OF, Map.of()).findings("DUPLICATE_BODIES");

        JsonNode counselling = before.stream().filter(f -> keys(f, "BODY").contains("dup-nw-asyl")).findFirst().orElseThrow();
        assertThat(keys(counselling, "BODY")).containsExactly("dup-nw-asyl", "dup-nw-fluechtlingsberatung");
        assertThat(figures(counselling)).contains(entry("weightedJaccard", 0.8), entry("sharedMembers", 4.0));
        assertThat(keys(counselling, "ACTOR", "gemeinsames Mitglied")).contains("dup-abh");
        assertThat(pairs(after)).noneMatch(p -> p.contains("dup-nw-asyl"));
    }

    @Test
    void aDissolvedNetworkIsNoDuplicate() {
        assertThat(pairs(run(AS_OF, Map.of("minOverlap", 0.1)).findings("DUPLICATE_BODIES")))
                .noneMatch(p -> p.contains("dup-nw-sprachkurse-alt"));
    }

    @Test
    void meetingLoadCountsOnlyValidMembershipsInValidBodies() {
        DuplicateAnswers after = run(AS_OF, Map.of("minBodies", 6));
        DuplicateAnswers before = run(BEFORE_THE_MEMBERSHIP_ENDED, Map.of("minBodies", 6));

        assertThat(after.findings("MEETING_LOAD").stream().map(f -> keys(f, "ACTOR").getFirst() + "=" + figures(f).get("bodies")))
                .containsExactly("dup-ki=7.0", "dup-caritas=6.0");
        assertThat(before.findings("MEETING_LOAD").stream().map(f -> keys(f, "ACTOR").getFirst() + "=" + figures(f).get("bodies")))
                .containsExactly("dup-ki=7.0", "dup-abh=6.0", "dup-caritas=6.0");
        JsonNode abhBefore = before.findings("MEETING_LOAD").get(1);
        assertThat(keys(abhBefore, "MEMBERSHIP")).contains("mem-nw-fluechtlingsberatung-abh");
        assertThat(after.report().path("meetingLoad").valueStream().filter(l -> l.at("/actor/key").asString().equals("dup-abh"))
                .map(l -> l.path("bodies").asInt())).containsExactly(5);
    }

    @Test
    void manyBodiesOnOneFieldMakeTheLoadHigh() {
        List<JsonNode> findings = run(AS_OF, Map.of("minBodiesPerField", 2)).findings("MEETING_LOAD");

        JsonNode ki = findings.getFirst();
        assertThat(keys(ki, "ACTOR")).containsExactly("dup-ki");
        assertThat(ki.path("severity").asString()).isEqualTo("HIGH");
        assertThat(keys(ki, "FIELD")).containsExactly("LANGUAGE_COURSES", "MIGRATION_COUNSELLING", "SOCIAL_SECURITY");
        assertThat(figures(ki)).containsExactly(entry("bodies", 7.0), entry("maxBodiesOnOneField", 2.0),
                entry("meetingsPerYear", 28.0));
    }
}
