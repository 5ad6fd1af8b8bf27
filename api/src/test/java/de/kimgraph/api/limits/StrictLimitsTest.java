package de.kimgraph.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import de.kimgraph.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@TestPropertySource(properties = {
        "spring.graphql.schema.introspection.enabled=false",
        "kimgraph.limits.request-timeout=60s",
        "kimgraph.limits.database-timeout=1s",
        "kimgraph.limits.max-complexity=1000000",
        "kimgraph.limits.persisted-only-roles=DASHBOARD"})
class StrictLimitsTest extends ApiTest {

    @Test
    void probe() {
        for (String q : new String[] {
                "{ coverageGaps(area: \"050000000000\") { summary { cells } } }",
                "{ coverageGaps(area: \"050000000000\") { findings { kind } } }",
                "{ interfacePoints(area: \"050000000000\") { actorCount } }",
                "{ networkHealth(area: \"050000000000\") { density } }",
                "{ duplicateStructures(area: \"050000000000\") { findings { kind } } }",
                "{ whoDoesWhat(area: \"050000000000\") { services { service { key } } } }",
                "{ fundingCliffs(area: \"050000000000\") { findings { kind } } }",
                "{ coverageGaps(area: \"999990000000\") { summary { cells } } }",
                "{ groupedCounts(entity: SERVICE, by: AREA, filter: {area: \"999990000000\"}) { count } }"}) {
            for (int i = 0; i < 2; i++) {
                long start = System.nanoTime();
                JsonNode answer = graphQl().post(q, Map.of());
                System.out.println("PROBE " + (System.nanoTime() - start) / 1_000_000 + " ms " + q + " -> "
                        + answer.toString().substring(0, Math.min(300, answer.toString().length())));
            }
        }
        assertThat(true).isTrue();
    }
}
