package de.kimgraph.api.analytics;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** Reading findings out of a GraphQL answer in the analytics tests. */
final class FindingJson {

    private FindingJson() {
    }

    /** The findings of one kind, in answer order. */
    static List<JsonNode> ofKind(JsonNode report, String kind) {
        return report.path("findings").valueStream().filter(f -> f.path("kind").asString().equals(kind)).toList();
    }

    /** The kinds of all findings, in answer order. */
    static List<String> kinds(JsonNode report) {
        return report.path("findings").valueStream().map(f -> f.path("kind").asString()).toList();
    }

    /** Keys of the evidence of one type, in order. */
    static List<String> evidence(JsonNode finding, String type) {
        return finding.path("evidence").valueStream().filter(e -> e.path("type").asString().equals(type))
                .map(e -> e.path("key").asString()).toList();
    }

    /** Keys of the evidence of one type with one role, in order. */
    static List<String> evidence(JsonNode finding, String type, String role) {
        return finding.path("evidence").valueStream().filter(e -> e.path("type").asString().equals(type)
                && e.path("role").asString().equals(role)).map(e -> e.path("key").asString()).toList();
    }

    static double figure(JsonNode finding, String name) {
        return finding.path("figures").valueStream().filter(f -> f.path("name").asString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no figure " + name + " in " + finding))
                .path("value").asDouble();
    }

    /** The first ACTOR evidence key: the actor a broker or articulation-point finding is about. */
    static String subject(JsonNode finding) {
        return evidence(finding, "ACTOR").getFirst();
    }
}
