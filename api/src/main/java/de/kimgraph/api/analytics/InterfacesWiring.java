package de.kimgraph.api.analytics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import de.kimgraph.api.graph.AnalyticsSupport;
import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.analytics.interfaces.InterfacePoints;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** Wires {@code Query.interfacePoints} (analytics-interfaces.graphqls) onto {@link InterfacePoints}. */
@Component
class InterfacesWiring implements RuntimeWiringConfigurer {

    /** The batch loader of areas by key that the entity wiring registers ({@code EntityWiring.nodeLoaderName}). */
    static final String AREA_LOADER = "node:Area";

    private final InterfacePoints interfacePoints;

    InterfacesWiring(InterfacePoints interfacePoints) {
        this.interfacePoints = interfacePoints;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("interfacePoints", this::interfacePoints));
        wiring.type("InterfacePointsReport", type -> type.dataFetcher("area", byKey(AREA_LOADER, "areaKey")));
    }

    private Object interfacePoints(DataFetchingEnvironment env) {
        Scope scope = AnalyticsSupport.scope(env);
        InterfacePoints.Options defaults = InterfacePoints.Options.DEFAULTS;
        List<String> groupings = env.getArgument("brokerageGroupings");
        InterfacePoints.Options options = new InterfacePoints.Options(
                number(env, "brokerThreshold", defaults.brokerThreshold()),
                (int) number(env, "maxBrokers", defaults.maxBrokers()),
                (int) number(env, "minBrokeredPairs", defaults.minBrokeredPairs()),
                (int) number(env, "maxBrokerageRoles", defaults.maxBrokerageRoles()),
                (int) number(env, "maxCuts", defaults.maxCuts()),
                groupings == null ? defaults.groupings()
                        : groupings.stream().distinct().map(InterfacePoints.Grouping::valueOf).toList());
        InterfacePoints.Report report = interfacePoints.analyse(scope, options);
        Map<String, Object> data = new HashMap<>();
        data.put("areaKey", scope.area());
        data.put("asOf", scope.asOf());
        data.put("actorCount", report.actorCount());
        data.put("tieCount", report.tieCount());
        data.put("betweennessSampled", report.betweennessSampled());
        data.put("betweennessSources", report.betweennessSources());
        data.put("findings", AnalyticsSupport.findings(report.findings()));
        return AnalyticsSupport.result(data, scope.asOf());
    }

    static double number(DataFetchingEnvironment env, String argument, double fallback) {
        Object value = env.getArgument(argument);
        return value instanceof Number number ? number.doubleValue() : fallback;
    }

    @SuppressWarnings("unchecked")
    static DataFetcher<@Nullable CompletableFuture<?>> byKey(String loaderName, String keyField) {
        return env -> {
            Object key = ((Map<String, Object>) env.getSource()).get(keyField);
            if (!(key instanceof String k)) {
                return CompletableFuture.completedFuture(null);
            }
            DataLoader<String, Map<String, Object>> loader = env.getDataLoader(loaderName);
            return loader.load(k);
        };
    }
}
