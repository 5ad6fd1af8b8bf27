package de.kimgraph.api.analytics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import de.kimgraph.api.graph.AnalyticsSupport;
import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.analytics.health.NetworkHealth;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoader;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** Wires {@code Query.networkHealth} (analytics-health.graphqls) onto {@link NetworkHealth}. */
@Component
class HealthWiring implements RuntimeWiringConfigurer {

    /** Batch loaders by key that the entity wiring registers ({@code EntityWiring.nodeLoaderName}). */
    private static final String ACTOR_LOADER = "node:Actor";
    private static final String BODY_LOADER = "node:Body";

    private final NetworkHealth networkHealth;

    HealthWiring(NetworkHealth networkHealth) {
        this.networkHealth = networkHealth;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("networkHealth", this::networkHealth));
        wiring.type("NetworkHealthReport", type -> type.dataFetcher("area",
                InterfacesWiring.byKey(InterfacesWiring.AREA_LOADER, "areaKey")));
        wiring.type("ActorCommunity", type -> type
                .dataFetcher("actors", HealthWiring::actors)
                .dataFetcher("body", InterfacesWiring.byKey(BODY_LOADER, "bodyKey")));
    }

    private Object networkHealth(DataFetchingEnvironment env) {
        Scope scope = AnalyticsSupport.scope(env);
        NetworkHealth.Options defaults = NetworkHealth.Options.DEFAULTS;
        NetworkHealth.Options options = new NetworkHealth.Options(
                InterfacesWiring.number(env, "minDensity", defaults.minDensity()),
                InterfacesWiring.number(env, "minConnectedShare", defaults.minConnectedShare()),
                (int) InterfacesWiring.number(env, "minIslandSize", defaults.minIslandSize()));
        NetworkHealth.Report report = networkHealth.analyse(scope, options);
        Map<String, Object> data = new HashMap<>();
        data.put("areaKey", scope.area());
        data.put("asOf", scope.asOf());
        data.put("actorCount", report.actorCount());
        data.put("externalPartners", report.externalPartners());
        data.put("tieCount", report.tieCount());
        data.put("density", report.density());
        data.put("averageDegree", report.averageDegree());
        data.put("componentCount", report.componentCount());
        data.put("componentSizes", report.componentSizes());
        data.put("largestComponentShare", report.largestComponentShare());
        data.put("degreeCentralisation", report.degreeCentralisation());
        data.put("isolatedCount", report.isolatedCount());
        data.put("modularity", report.modularity());
        data.put("communities", report.communities().stream().map(HealthWiring::community).toList());
        data.put("findings", AnalyticsSupport.findings(report.findings()));
        return AnalyticsSupport.result(data, scope.asOf());
    }

    private static Map<String, Object> community(NetworkHealth.Community community) {
        Map<String, Object> map = new HashMap<>();
        map.put("index", community.index());
        map.put("size", community.actors().size());
        map.put("actorKeys", community.actors());
        map.put("bodyKey", community.body());
        map.put("jaccard", community.jaccard());
        map.put("sharedMembers", community.sharedMembers());
        map.put("bodyMembers", community.bodyMembers());
        return map;
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<List<Map<String, Object>>> actors(DataFetchingEnvironment env) {
        List<String> keys = (List<String>) ((Map<String, Object>) env.getSource()).get("actorKeys");
        DataLoader<String, Map<String, Object>> loader = env.getDataLoader(ACTOR_LOADER);
        return loader.loadMany(keys);
    }
}
