package de.kimgraph.api.analytics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.kimgraph.api.ApiTest;
import tools.jackson.databind.JsonNode;

/** Helpers of the funding-cliff, diff and who-does-what tests: reading keys and figures out of the JSON answers. */
abstract class ReportTestSupport extends ApiTest {

    static final String DEMO_KREIS = "999990000000";
    static final String AUENSTADT = "999990001001";
    static final String TANNWALD = "999990002002";
    static final String AS_OF = "2026-12-01";

    /** The text at {@code pointer} of every element of {@code array}. */
    static List<String> texts(JsonNode array, String pointer) {
        return array.valueStream().map(n -> n.at(pointer).asString()).toList();
    }

    /** Evidence keys of one type, in order. */
    static List<String> evidence(JsonNode finding, String type) {
        return finding.path("evidence").valueStream().filter(e -> e.path("type").asString().equals(type))
                .map(e -> e.path("key").asString()).toList();
    }

    static Map<String, Double> figures(JsonNode finding) {
        return finding.path("figures").valueStream().collect(Collectors.toMap(f -> f.path("name").asString(),
                f -> f.path("value").asDouble(), (a, b) -> a, LinkedHashMap::new));
    }

    static String errorType(JsonNode answer) {
        return answer.at("/errors/0/extensions/classification").asString();
    }
}
