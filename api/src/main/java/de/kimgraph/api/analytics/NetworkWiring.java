package de.kimgraph.api.analytics;

import java.util.HashMap;
import java.util.Map;

import de.kimgraph.api.graph.AnalyticsSupport;
import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.analytics.network.NetworkView;
import de.kimgraph.queries.entity.UnsupportedFilterException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** Wires {@code Query.network} (network-map.graphqls) onto {@link NetworkView}. */
@Component
class NetworkWiring implements RuntimeWiringConfigurer {

    private final NetworkView networkView;

    NetworkWiring(NetworkView networkView) {
        this.networkView = networkView;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("network", this::network));
        wiring.type("NetworkGraph", type -> type.dataFetcher("area",
                InterfacesWiring.byKey(InterfacesWiring.AREA_LOADER, "areaKey")));
    }

    private Object network(DataFetchingEnvironment env) {
        Scope scope = AnalyticsSupport.scope(env);
        Integer maxNodes = env.getArgument("maxNodes");
        int max = maxNodes == null ? 5_000 : maxNodes;
        if (max < 1 || max > NetworkView.MAX_NODES) {
            throw new UnsupportedFilterException(
                    "maxNodes muss zwischen 1 und " + NetworkView.MAX_NODES + " liegen, nicht " + max + ".",
                    "maxNodes must be between 1 and " + NetworkView.MAX_NODES + ", not " + max + ".");
        }
        NetworkView.Result result = networkView.read(new NetworkView.Request(scope, env.getArgument("field"),
                env.getArgument("targetGroup"), env.getArgument("legalDomain"), env.getArgument("bodyType"), max));
        Map<String, Object> data = new HashMap<>();
        data.put("areaKey", scope.area());
        data.put("asOf", scope.asOf());
        data.put("nodes", result.nodes().stream().map(NetworkWiring::node).toList());
        data.put("links", result.links().stream().map(NetworkWiring::link).toList());
        data.put("truncated", result.truncated());
        data.put("betweennessSampled", result.betweennessSampled());
        data.put("communityCount", result.communityCount());
        return AnalyticsSupport.result(data, scope.asOf());
    }

    private static Map<String, Object> node(NetworkView.Node node) {
        Map<String, Object> map = new HashMap<>();
        map.put("key", node.key());
        map.put("type", node.type());
        map.put("name", node.name());
        map.put("kind", node.kind());
        map.put("sector", node.sector());
        map.put("legalDomain", node.legalDomain());
        map.put("legalDomains", node.legalDomains());
        map.put("visibility", node.visibility());
        map.put("degree", node.degree());
        map.put("betweenness", node.betweenness());
        map.put("community", node.community());
        return map;
    }

    private static Map<String, Object> link(NetworkView.Link link) {
        Map<String, Object> map = new HashMap<>();
        map.put("key", link.key());
        map.put("type", link.type());
        map.put("source", link.source());
        map.put("target", link.target());
        map.put("label", link.label());
        return map;
    }
}
