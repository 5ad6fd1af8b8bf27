package de.kimgraph.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bench compares like with like: on the demo district, each hand-written Cypher lower bound of
 * {@link BenchQueries} returns the same records (all keys, at every level) as the service's GraphQL document.
 */
class BenchQueriesTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEMO = "999990000000";
    private static final String HOEXTER = "057620000000";

    /** The demo district, and a thinned synthetic Kreis Höxter loaded through the validating loader. */
    @org.junit.jupiter.api.BeforeAll
    static void synthetic() {
        var network = de.kimgraph.model.synthetic.SyntheticNetwork.generate(
                new de.kimgraph.model.synthetic.SyntheticNetwork.Scale("test", List.of(HOEXTER), 0.4, 0.08, 0.6), 3);
        var loader = new de.kimgraph.model.dataset.DatasetLoader(de.kimgraph.model.testing.TestNeo4j.get().withDemo()
                .driver());
        network.datasets().forEach(loader::load);
    }

    @org.junit.jupiter.api.AfterAll
    static void removeSynthetic() {
        de.kimgraph.model.testing.TestNeo4j.get().deleteTenant(HOEXTER);
        de.kimgraph.model.testing.TestNeo4j.get().deleteTenant(de.kimgraph.model.synthetic.SyntheticNetwork.LAND_TENANT);
    }

    @Test
    void entityQueriesAndTheirLowerBoundsGiveTheSameRecords() {
        for (String[] entity : new String[][]{
                {BenchQueries.ACTORS_NESTED, BenchQueries.ACTORS_NESTED_CYPHER},
                {BenchQueries.BODIES_NESTED, BenchQueries.BODIES_NESTED_CYPHER},
                {BenchQueries.SERVICES_NESTED, BenchQueries.SERVICES_NESTED_CYPHER}}) {
            for (String tenant : new String[]{DEMO, HOEXTER, null}) {
                Map<String, Object> filter = new HashMap<>();
                if (tenant != null) {
                    filter.put("tenant", tenant);
                }
                JsonNode answer = graphQl().post(entity[0], Map.of("filter", filter));
                assertThat(answer.has("errors")).as(answer.toString()).isFalse();
                Map<String, Object> parameters = new HashMap<>();
                parameters.put("tenant", tenant);
                parameters.put("asOf", LocalDate.now());
                List<String> service = keys(answer.get("data"));
                List<String> lower = keys(cypher(entity[1], parameters));
                assertThat(service).as(entity[0] + " " + tenant).isNotEmpty().isEqualTo(lower);
            }
        }
    }

    @Test
    void groupedCountsAndTheirLowerBoundsCountTheSame() {
        for (String[] count : new String[][]{
                {BenchQueries.COUNT_SERVICES_BY_FIELD, BenchQueries.COUNT_SERVICES_BY_FIELD_CYPHER, DEMO},
                {BenchQueries.COUNT_ACTORS_BY_KIND, BenchQueries.COUNT_ACTORS_BY_KIND_CYPHER, DEMO},
                {BenchQueries.COUNT_SERVICES_BY_FIELD, BenchQueries.COUNT_SERVICES_BY_FIELD_CYPHER, HOEXTER},
                {BenchQueries.COUNT_ACTORS_BY_KIND, BenchQueries.COUNT_ACTORS_BY_KIND_CYPHER, HOEXTER}}) {
            JsonNode answer = graphQl().post(count[0], Map.of("area", count[2]));
            assertThat(answer.has("errors")).as(answer.toString()).isFalse();
            Map<String, Long> service = new HashMap<>();
            for (JsonNode group : answer.get("data").get("groupedCounts")) {
                if (group.get("count").asLong() > 0) {
                    service.put(group.get("key").asString(), group.get("count").asLong());
                }
            }
            Map<String, Long> lower = new HashMap<>();
            driver.executableQuery(count[1]).withParameters(Map.of("area", count[2], "asOf", LocalDate.now())).execute()
                    .records().forEach(r -> lower.put(r.get("key").asString(), r.get("count").asLong()));
            assertThat(service).as(count[0] + " " + count[2]).isNotEmpty().isEqualTo(lower);
        }
    }

    private JsonNode cypher(String cypher, Map<String, Object> parameters) {
        List<Map<String, Object>> rows = new ArrayList<>();
        driver.executableQuery(cypher).withParameters(parameters).execute().records()
                .forEach(r -> rows.add(r.asMap(Value::asObject)));
        return JSON.valueToTree(rows);
    }

    /** Every {@code key} value in the tree, sorted (the order of nested fields differs between the two). */
    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        collect(node, keys);
        keys.sort(String::compareTo);
        return keys;
    }

    private static void collect(JsonNode node, List<String> keys) {
        if (node.isObject() && node.has("key")) {
            keys.add(node.get("key").asString());
        }
        for (JsonNode child : node) {
            collect(child, keys);
        }
    }
}
