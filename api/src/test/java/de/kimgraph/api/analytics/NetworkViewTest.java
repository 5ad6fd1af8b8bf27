package de.kimgraph.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import de.kimgraph.api.ApiTest;
import de.kimgraph.api.GraphQlHttp;
import de.kimgraph.queries.access.AccessRole;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code network} over HTTP on the demo district: the same nodes and edges as the lists and their links (an
 * independent path through the entity readers), for a coordinator and for a dashboard (published data only), the
 * filters of the map, the measures per node, and the cap.
 */
class NetworkViewTest extends ApiTest {

    private static final String KREIS = "999990000000";
    private static final String AS_OF = "2026-12-01";

    private JsonNode network(GraphQlHttp as, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(more);
        variables.put("area", KREIS);
        variables.put("asOf", AS_OF);
        JsonNode answer = as.execute("network", variables);
        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        return answer.at("/data/network");
    }

    private static Set<String> keys(JsonNode list) {
        return list.valueStream().map(n -> n.path("key").asString()).collect(Collectors.toSet());
    }

    /** Node and edge keys as the map built them before, from the lists: actors, bodies, members, relations. */
    private static Set<List<String>> byLists(GraphQlHttp as) {
        return byLists(as, Map.of(), Map.of());
    }

    /** The same with more list filters on actors and on bodies. */
    private static Set<List<String>> byLists(GraphQlHttp as, Map<String, Object> actorMore, Map<String, Object> bodyMore) {
        Map<String, Object> actorFilter = new HashMap<>(Map.of("area", KREIS, "asOf", AS_OF));
        actorFilter.putAll(actorMore);
        Map<String, Object> bodyFilter = new HashMap<>(Map.of("area", KREIS, "asOf", AS_OF));
        bodyFilter.putAll(bodyMore);
        JsonNode data = as.execute("networkByLists", Map.of("actorFilter", actorFilter, "bodyFilter", bodyFilter))
                .path("data");
        assertThat(data.at("/actors/pageInfo/hasNextPage").asBoolean()).isFalse();
        Set<String> actors = data.at("/actors/edges").valueStream().map(e -> e.at("/node/key").asString())
                .collect(Collectors.toSet());
        Set<List<String>> elements = new HashSet<>();
        actors.forEach(a -> elements.add(List.of("actor", a)));
        data.at("/bodies/edges").valueStream().map(e -> e.path("node")).forEach(body -> {
            elements.add(List.of("body", body.path("key").asString()));
            body.path("members").valueStream().filter(m -> actors.contains(m.at("/actor/key").asString()))
                    .forEach(m -> elements.add(List.of("edge", m.path("key").asString())));
        });
        data.at("/actors/edges").valueStream().flatMap(e -> e.at("/node/relations").valueStream())
                .filter(r -> actors.contains(r.at("/from/key").asString()) && actors.contains(r.at("/to/key").asString()))
                .forEach(r -> elements.add(List.of("edge", r.path("key").asString())));
        return elements;
    }

    private static Set<List<String>> elements(JsonNode network) {
        Set<List<String>> elements = new HashSet<>();
        network.path("nodes").forEach(n -> elements.add(List.of(n.path("type").asString().toLowerCase(java.util.Locale.ROOT),
                n.path("key").asString())));
        keys(network.path("links")).forEach(k -> elements.add(List.of("edge", k)));
        return elements;
    }

    @Test
    void aCoordinatorGetsWhatTheListsShowInOneAnswer() {
        GraphQlHttp coordinator = graphQl(as(AccessRole.COORDINATOR, KREIS));
        JsonNode network = network(coordinator, Map.of());

        assertThat(network.at("/area/key").asString()).isEqualTo(KREIS);
        assertThat(network.path("truncated").asBoolean()).isFalse();
        assertThat(network.path("nodes").size()).isEqualTo(72);
        assertThat(elements(network)).isEqualTo(byLists(coordinator));
        Set<String> nodes = keys(network.path("nodes"));
        assertThat(network.path("links").valueStream())
                .allSatisfy(e -> assertThat(nodes).contains(e.path("source").asString(), e.path("target").asString()));
        assertThat(network.path("nodes").valueStream().map(n -> n.path("visibility").asString())).contains("INTERNAL");
    }

    @Test
    void aDashboardGetsThePublishedNetworkOnly() {
        GraphQlHttp dashboard = graphQl(as(AccessRole.DASHBOARD, KREIS));
        JsonNode network = network(dashboard, Map.of());

        assertThat(network.path("nodes").size()).isEqualTo(70);
        assertThat(network.path("nodes").valueStream().map(n -> n.path("visibility").asString()))
                .containsOnly("PUBLISHED");
        assertThat(network.path("nodes").valueStream().map(n -> n.path("name").asString()))
                .doesNotContain("KIM-Fallkonferenz (rechtskreisübergreifend)");
        assertThat(elements(network)).isEqualTo(byLists(dashboard));
    }

    @Test
    void degreeBetweennessAndCommunitiesDescribeTheDrawnGraph() {
        JsonNode network = network(graphQl(as(AccessRole.COORDINATOR, KREIS)), Map.of());

        Map<String, Set<String>> neighbours = new HashMap<>();
        network.path("links").forEach(e -> {
            neighbours.computeIfAbsent(e.path("source").asString(), k -> new HashSet<>()).add(e.path("target").asString());
            neighbours.computeIfAbsent(e.path("target").asString(), k -> new HashSet<>()).add(e.path("source").asString());
        });
        assertThat(network.path("nodes").valueStream()).allSatisfy(n -> assertThat(n.path("degree").asInt())
                .as(n.path("key").asString()).isEqualTo(neighbours.getOrDefault(n.path("key").asString(), Set.of()).size()));
        // the isolated Kreishandwerkerschaft lies on no path; some broker does
        JsonNode isolated = network.path("nodes").valueStream()
                .filter(n -> n.path("key").asString().equals("kreishandwerkerschaft-auental")).findFirst().orElseThrow();
        assertThat(isolated.path("degree").asInt()).isZero();
        assertThat(isolated.path("betweenness").asDouble()).isZero();
        assertThat(network.path("nodes").valueStream().mapToDouble(n -> n.path("betweenness").asDouble()).max()
                .orElseThrow()).isBetween(0.05, 1.0);
        assertThat(network.path("betweennessSampled").asBoolean()).isFalse();
        int communities = network.path("communityCount").asInt();
        assertThat(communities).isGreaterThanOrEqualTo(3);
        assertThat(network.path("nodes").valueStream().map(n -> n.path("community").asInt()).distinct().count())
                .isEqualTo(communities);
    }

    @Test
    void theFiltersOfTheMapNarrowNodesAndEdges() {
        GraphQlHttp coordinator = graphQl(as(AccessRole.COORDINATOR, KREIS));

        JsonNode steering = network(coordinator, Map.of("bodyType", "STEERING_BODY"));
        assertThat(steering.path("nodes").size()).isEqualTo(17);
        assertThat(steering.path("nodes").valueStream().filter(n -> n.path("type").asString().equals("BODY"))
                .map(n -> n.path("kind").asString())).containsOnly("STEERING_BODY");

        JsonNode housing = network(coordinator, Map.of("field", "HOUSING"));
        assertThat(housing.path("nodes").size()).isEqualTo(3);

        // a target group filter keeps the bodies that still have a member on the map
        JsonNode group = network(coordinator, Map.of("targetGroup", "WOMEN"));
        Set<String> actors = group.path("nodes").valueStream().filter(n -> n.path("type").asString().equals("ACTOR"))
                .map(n -> n.path("key").asString()).collect(Collectors.toSet());
        assertThat(actors).isNotEmpty().hasSizeLessThan(60);
        Set<String> bodiesWithMember = group.path("links").valueStream()
                .filter(e -> e.path("type").asString().equals("MEMBERSHIP")).map(e -> e.path("target").asString())
                .collect(Collectors.toSet());
        assertThat(group.path("nodes").valueStream().filter(n -> n.path("type").asString().equals("BODY"))
                .map(n -> n.path("key").asString())).allMatch(bodiesWithMember::contains);
    }

    @Test
    void eachFilterShowsWhatTheListsShowForIt() {
        GraphQlHttp coordinator = graphQl(as(AccessRole.COORDINATOR, KREIS));

        // a field filters actors and bodies alike: the same nodes and links as the lists with it
        JsonNode health = network(coordinator, Map.of("field", "HEALTH"));
        assertThat(health.path("nodes").size()).isPositive();
        assertThat(elements(health)).isEqualTo(byLists(coordinator, Map.of("field", "HEALTH"), Map.of("field", "HEALTH")));

        // target group and legal domain filter the actors as the actor list does
        for (Map.Entry<String, String> filter : Map.of("targetGroup", "WOMEN", "legalDomain", "SGB_II").entrySet()) {
            JsonNode network = network(coordinator, Map.of(filter.getKey(), filter.getValue()));
            Set<List<String>> listed = byLists(coordinator, Map.of(filter.getKey(), filter.getValue()), Map.of());
            Set<String> listedActors = listed.stream().filter(e -> e.getFirst().equals("actor"))
                    .map(e -> e.get(1)).collect(Collectors.toSet());
            assertThat(network.path("nodes").valueStream().filter(n -> n.path("type").asString().equals("ACTOR"))
                    .map(n -> n.path("key").asString()).collect(Collectors.toSet())).as(filter.getKey())
                    .isNotEmpty().isEqualTo(listedActors);
        }

        // a body type: those bodies, as the body list with kind, and members of them only
        JsonNode steering = network(coordinator, Map.of("bodyType", "STEERING_BODY"));
        Set<List<String>> listed = byLists(coordinator, Map.of(), Map.of("kind", "STEERING_BODY"));
        assertThat(steering.path("nodes").valueStream().filter(n -> n.path("type").asString().equals("BODY"))
                .map(n -> List.of("body", n.path("key").asString())).collect(Collectors.toSet()))
                .isEqualTo(listed.stream().filter(e -> e.getFirst().equals("body")).collect(Collectors.toSet()));
        Set<String> members = steering.path("links").valueStream()
                .filter(l -> l.path("type").asString().equals("MEMBERSHIP")).map(l -> l.path("source").asString())
                .collect(Collectors.toSet());
        assertThat(steering.path("nodes").valueStream().filter(n -> n.path("type").asString().equals("ACTOR"))
                .map(n -> n.path("key").asString())).allMatch(members::contains);
    }

    @Test
    void theCapCutsEachLabelAndSaysSo() {
        GraphQlHttp coordinator = graphQl(as(AccessRole.COORDINATOR, KREIS));
        JsonNode cut = network(coordinator, Map.of("maxNodes", 10));
        assertThat(cut.path("truncated").asBoolean()).isTrue();
        assertThat(cut.path("nodes").size()).isEqualTo(20);

        JsonNode refused = coordinator.execute("network", Map.of("area", KREIS, "maxNodes", 0));
        assertThat(refused.at("/errors/0/message").asString()).contains("maxNodes");
    }
}
