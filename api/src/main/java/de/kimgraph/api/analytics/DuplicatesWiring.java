package de.kimgraph.api.analytics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.api.graph.AnalyticsSupport;
import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.analytics.duplicates.DuplicateStructures;
import de.kimgraph.queries.analytics.duplicates.Thresholds;
import de.kimgraph.queries.entity.UnsupportedFilterException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** Wires {@code Query.duplicateStructures} onto {@link DuplicateStructures}; the answer is built as maps. */
@Component
class DuplicatesWiring implements RuntimeWiringConfigurer {

    private final DuplicateStructures duplicates;

    DuplicatesWiring(DuplicateStructures duplicates) {
        this.duplicates = duplicates;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("duplicateStructures", this::duplicateStructures));
    }

    private Object duplicateStructures(DataFetchingEnvironment env) {
        Scope scope = AnalyticsSupport.scope(env);
        Thresholds thresholds = new Thresholds(
                number(env, "minOverlap", Thresholds.MIN_OVERLAP),
                integer(env, "minBodies", Thresholds.MIN_BODIES),
                integer(env, "minBodiesPerField", Thresholds.MIN_BODIES_PER_FIELD),
                integer(env, "minProgrammes", Thresholds.MIN_PROGRAMMES),
                number(env, "minRecordScore", Thresholds.MIN_RECORD_SCORE),
                integer(env, "top", Thresholds.TOP));
        List<String> kinds = env.getArgument("kinds");
        if (kinds != null) {
            for (String kind : kinds) {
                if (!DuplicateStructures.KINDS.contains(kind)) {
                    throw new UnsupportedFilterException(
                            "Befundart " + kind + " gehört nicht zu duplicateStructures; möglich: "
                                    + String.join(", ", DuplicateStructures.KINDS) + ".",
                            "Finding kind " + kind + " is not one of duplicateStructures.");
                }
            }
        }
        DuplicateStructures.Report report = duplicates.analyse(scope, thresholds, kinds);
        Map<String, Object> data = new HashMap<>();
        data.put("area", report.area());
        data.put("asOf", scope.asOf());
        data.put("findings", AnalyticsSupport.findings(report.findings()));
        data.put("meetingLoad", report.meetingLoad().stream().map(DuplicatesWiring::load).toList());
        return AnalyticsSupport.result(data, scope.asOf());
    }

    /** An argument, or its default when absent or given as null. */
    private static double number(DataFetchingEnvironment env, String name, double fallback) {
        return env.getArgument(name) instanceof Number n ? n.doubleValue() : fallback;
    }

    private static int integer(DataFetchingEnvironment env, String name, int fallback) {
        return env.getArgument(name) instanceof Number n ? n.intValue() : fallback;
    }

    private static Map<String, Object> load(DuplicateStructures.Load load) {
        return Map.of(
                "actor", load.actor(),
                "bodies", load.bodies(),
                "meetingsPerYear", load.meetingsPerYear(),
                "fields", load.fields().stream().map(f -> Map.of("field", f.field(), "bodies", f.bodies())).toList(),
                "memberships", load.memberships());
    }
}
