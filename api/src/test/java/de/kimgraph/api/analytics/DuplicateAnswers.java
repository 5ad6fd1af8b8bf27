package de.kimgraph.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Reading a {@code duplicateStructures} answer in tests: findings of one kind, their figures and evidence keys. */
final class DuplicateAnswers {

    private final JsonNode report;

    private DuplicateAnswers(JsonNode report) {
        this.report = report;
    }

    static DuplicateAnswers of(JsonNode answer) {
        assertThat(answer.path("errors").isMissingNode()).as("errors: %s", answer.path("errors")).isTrue();
        return new DuplicateAnswers(answer.at("/data/duplicateStructures"));
    }

    JsonNode report() {
        return report;
    }

    List<JsonNode> findings(String kind) {
        return report.path("findings").valueStream().filter(f -> f.path("kind").asString().equals(kind)).toList();
    }

    List<String> kinds() {
        return report.path("findings").valueStream().map(f -> f.path("kind").asString()).toList();
    }

    static Map<String, Double> figures(JsonNode finding) {
        Map<String, Double> figures = new LinkedHashMap<>();
        finding.path("figures").valueStream().forEach(f -> figures.put(f.path("name").asString(), f.path("value").asDouble()));
        return figures;
    }

    static List<String> keys(JsonNode finding, String type) {
        return finding.path("evidence").valueStream().filter(e -> e.path("type").asString().equals(type))
                .map(e -> e.path("key").asString()).toList();
    }

    static List<String> keys(JsonNode finding, String type, String role) {
        return finding.path("evidence").valueStream()
                .filter(e -> e.path("type").asString().equals(type) && e.path("role").asString().equals(role))
                .map(e -> e.path("key").asString()).toList();
    }

    static List<String> keysWithRolePrefix(JsonNode finding, String type, String rolePrefix) {
        return finding.path("evidence").valueStream()
                .filter(e -> e.path("type").asString().equals(type) && e.path("role").asString().startsWith(rolePrefix))
                .map(e -> e.path("key").asString()).toList();
    }
}
