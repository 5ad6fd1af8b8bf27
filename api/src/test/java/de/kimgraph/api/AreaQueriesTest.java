package de.kimgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AreaQueriesTest extends ApiTest {

    private static final String NRW = "050000000000";

    @Test
    void nrwHas396MunicipalitiesOverHttp() {
        JsonNode answer = graphQl().execute("areaCount", Map.of("within", NRW, "municipality", true));

        assertThat(answer.path("errors").isMissingNode()).isTrue();
        assertThat(answer.at("/data/areas/totalCount").asInt()).isEqualTo(396);
    }

    @Test
    void aKreisRollsUpItsGemeinden() {
        JsonNode answer = graphQl().execute("areaCount", Map.of("within", "051580000000", "municipality", true));

        assertThat(answer.at("/data/areas/totalCount").asInt()).isEqualTo(10);
    }

    @Test
    void cursorsWalkEveryMunicipalityExactlyOnce() {
        Set<String> keys = new HashSet<>();
        List<Boolean> previous = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new HashMap<>(Map.of("within", NRW, "first", 100));
            variables.put("after", after);
            JsonNode page = graphQl().execute("areaPage", variables).at("/data/areas");
            page.path("edges").forEach(edge -> keys.add(edge.at("/node/key").asString()));
            previous.add(page.at("/pageInfo/hasPreviousPage").asBoolean());
            more = page.at("/pageInfo/hasNextPage").asBoolean();
            after = page.at("/pageInfo/endCursor").asString();
        }
        assertThat(keys).hasSize(396);
        assertThat(previous).containsExactly(false, true, true, true);
    }

    @Test
    void nestedParentsResolveUpTheHierarchy() {
        JsonNode edges = graphQl().execute("areaPage", Map.of("within", "051580000000", "first", 1)).at("/data/areas/edges");

        assertThat(edges.get(0).at("/node/parent/name").asString()).isEqualTo("Kreis Mettmann");
    }

    @Test
    void anOversizedPageIsABadRequest() {
        JsonNode answer = graphQl().execute("areaPage", Map.of("within", NRW, "first", 501));

        assertThat(answer.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(answer.at("/errors/0/message").asString()).contains("first");
    }

    @Test
    void anInvalidCursorIsABadRequestNotAnInternalError() {
        JsonNode answer = graphQl().execute("areaPage", Map.of("within", NRW, "first", 5, "after", "not-a-cursor!"));

        assertThat(answer.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
    }
}
