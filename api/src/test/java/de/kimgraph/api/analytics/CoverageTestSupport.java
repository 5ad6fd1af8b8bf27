package de.kimgraph.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.api.ApiTest;
import tools.jackson.databind.JsonNode;

/** Reads of {@code coverageGaps} over HTTP and the small accessors its tests share. */
abstract class CoverageTestSupport extends ApiTest {

    static final String AS_OF = "2026-12-01";

    /** Which evidence type names the subject of a finding of each kind. */
    private static final Map<String, String> SUBJECT = Map.of(
            "STATUS_GAP", "RESIDENCE_STATUS", "SPATIAL_GAP", "AREA", "AGE_GAP", "FIELD", "LANGUAGE_GAP", "LANGUAGE",
            "BODY_GAP", "FIELD", "PROGRAMME_REQUIREMENT_GAP", "REQUIREMENT");

    List<JsonNode> findings(String area, String asOf) {
        return findings(area, asOf, Map.of());
    }

    List<JsonNode> findings(String area, String asOf, Map<String, ?> arguments) {
        Map<String, Object> variables = new HashMap<>(arguments);
        variables.put("area", area);
        variables.put("asOf", asOf);
        JsonNode answer = graphQl().execute("coverageFindings", variables);
        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        return answer.at("/data/coverageGaps/findings").valueStream().toList();
    }

    /** "KIND:subject", e.g. "SPATIAL_GAP:999990002002", for comparing whole lists of findings. */
    static String signature(JsonNode finding) {
        String kind = finding.path("kind").asString();
        return kind + ":" + keys(finding, SUBJECT.get(kind)).getFirst();
    }

    static List<String> signatures(List<JsonNode> findings) {
        return findings.stream().map(CoverageTestSupport::signature).toList();
    }

    static JsonNode only(List<JsonNode> findings, String kind) {
        List<JsonNode> ofKind = findings.stream().filter(f -> f.path("kind").asString().equals(kind)).toList();
        assertThat(ofKind).as(kind).hasSize(1);
        return ofKind.getFirst();
    }

    static List<String> keys(JsonNode finding, String type) {
        return finding.path("evidence").valueStream().filter(e -> e.path("type").asString().equals(type))
                .map(e -> e.path("key").asString()).toList();
    }

    /** Keys of evidence of a type whose role starts with the given text. */
    static List<String> keys(JsonNode finding, String type, String rolePrefix) {
        return finding.path("evidence").valueStream().filter(e -> e.path("type").asString().equals(type))
                .filter(e -> e.path("role").asString().startsWith(rolePrefix))
                .map(e -> e.path("key").asString()).toList();
    }

    static Map<String, Double> figures(JsonNode finding) {
        Map<String, Double> figures = new LinkedHashMap<>();
        finding.path("figures").valueStream().forEach(f -> figures.put(f.path("name").asString(), f.path("value").asDouble()));
        return figures;
    }

    JsonNode report(String area, String asOf, Map<String, ?> arguments) {
        Map<String, Object> variables = new HashMap<>(arguments);
        variables.put("area", area);
        variables.put("asOf", asOf);
        JsonNode answer = graphQl().execute("coverageCells", variables);
        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        return answer.at("/data/coverageGaps");
    }

    /** The one cell (area, field, target group) of a report. */
    JsonNode cell(String area, String asOf, String gemeinde, String field, String group, Map<String, ?> arguments) {
        Map<String, Object> variables = new HashMap<>(arguments);
        variables.put("areas", List.of(gemeinde));
        variables.put("fields", List.of(field));
        variables.put("targetGroups", List.of(group));
        JsonNode cells = report(area, asOf, variables).path("cells");
        assertThat(cells.path("totalCount").asInt()).isEqualTo(1);
        return cells.at("/edges/0/node");
    }

    static List<String> serviceKeys(JsonNode cell) {
        return cell.path("services").valueStream().map(s -> s.path("key").asString()).toList();
    }

    List<JsonNode> requirementChecks(String area, String asOf) {
        JsonNode answer = graphQl().execute("coverageRequirements", Map.of("area", area, "asOf", asOf));
        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        return answer.at("/data/coverageGaps/requirementChecks").valueStream().toList();
    }

    static JsonNode check(List<JsonNode> checks, String requirement) {
        return checks.stream().filter(c -> c.at("/requirement/key").asString().equals(requirement)).findFirst()
                .orElseThrow(() -> new AssertionError("no check of " + requirement));
    }
}
