package de.kimgraph.api.graph;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** Resolves the typed fields of {@code Evidence} (actor, body, ...) through the batch loaders by key. */
@Component
class EvidenceWiring implements RuntimeWiringConfigurer {

    /** Evidence field to (evidence type, loader name). */
    private static final Map<String, String[]> FIELDS = Map.of(
            "actor", new String[] {"ACTOR", EntityWiring.nodeLoaderName("Actor")},
            "body", new String[] {"BODY", EntityWiring.nodeLoaderName("Body")},
            "service", new String[] {"SERVICE", EntityWiring.nodeLoaderName("Service")},
            "programme", new String[] {"PROGRAMME", EntityWiring.nodeLoaderName("FundingProgramme")},
            "position", new String[] {"POSITION", EntityWiring.nodeLoaderName("Position")},
            "agreement", new String[] {"AGREEMENT", EntityWiring.nodeLoaderName("Agreement")},
            "area", new String[] {"AREA", EntityWiring.nodeLoaderName("Area")},
            "membership", new String[] {"MEMBERSHIP", "rel:Membership"},
            "relation", new String[] {"RELATION", "rel:ActorRelation"});

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Evidence", type -> {
            FIELDS.forEach((field, target) -> type.dataFetcher(field, fetcher(target[0], target[1])));
            return type;
        });
    }

    @SuppressWarnings("unchecked")
    private static DataFetcher<@Nullable CompletableFuture<?>> fetcher(String evidenceType, String loaderName) {
        return env -> {
            Map<String, Object> evidence = (Map<String, Object>) env.getSource();
            if (!evidenceType.equals(evidence.get("type"))) {
                return CompletableFuture.completedFuture(null);
            }
            DataLoader<String, Map<String, Object>> loader = env.getDataLoader(loaderName);
            return loader.load((String) evidence.get("key"));
        };
    }
}
