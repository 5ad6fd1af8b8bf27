package de.kimgraph.api.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import de.kimgraph.api.security.Principals;
import de.kimgraph.queries.write.ProposalReader;
import de.kimgraph.queries.write.ProposalResult;
import de.kimgraph.queries.write.ProposalWriter;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires relation proposals: {@code proposals}, {@code proposeRelation}, {@code confirmProposal},
 * {@code rejectProposal}, and the nested actors and relation of a proposal (through the same batch loaders, and
 * so the same read rules, as every other nested field).
 */
@Component
class ProposalWiring implements RuntimeWiringConfigurer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProposalWriter writer;
    private final ProposalReader reader;

    ProposalWiring(ProposalWriter writer, ProposalReader reader) {
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("proposals", this::proposals));
        wiring.type("Mutation", type -> type
                .dataFetcher("proposeRelation", env -> payload(writer.propose(Principals.of(env), input(env),
                        MutationWiring.comment(env))))
                .dataFetcher("confirmProposal", env -> payload(writer.confirm(Principals.of(env), env.getArgument("key"),
                        MutationWiring.comment(env))))
                .dataFetcher("rejectProposal", env -> payload(writer.reject(Principals.of(env), env.getArgument("key"),
                        MutationWiring.comment(env)))));
        wiring.type("Proposal", type -> type
                .dataFetcher("fromKey", env -> source(env).get("from"))
                .dataFetcher("toKey", env -> source(env).get("to"))
                .dataFetcher("from", actor("from"))
                .dataFetcher("to", actor("to"))
                .dataFetcher("createdAt", env -> TimeCursors.iso(source(env).get("createdAt")))
                .dataFetcher("decidedAt", env -> TimeCursors.iso(source(env).get("decidedAt")))
                .dataFetcher("properties", env -> properties((String) source(env).get("properties")))
                .dataFetcher("relation", this::relation));
    }

    private Object proposals(DataFetchingEnvironment env) {
        Map<String, Object> filter = env.getArgument("filter");
        String status = filter == null || filter.get("status") == null ? null : String.valueOf(filter.get("status"));
        int first = Connections.first(env);
        TimeCursors.Position after = TimeCursors.after(env);
        ProposalReader.Page page = reader.list(Principals.of(env), status, first,
                after == null ? null : new ProposalReader.After(after.at(), after.key()));
        return TimeCursors.connection(page.items(), page.hasNext(), after != null, "createdAt", item -> item);
    }

    private static Map<String, Object> payload(ProposalResult result) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("proposal", result.proposal());
        payload.put("relation", result.relation());
        payload.put("errors", MutationWiring.errors(result.errors()));
        return payload;
    }

    private static DataFetcher<CompletableFuture<?>> actor(String property) {
        return env -> {
            DataLoader<String, Map<String, Object>> loader =
                    env.getDataLoader(EntityWiring.nodeLoaderName(de.kimgraph.model.spec.GraphSpec.ACTOR));
            return loader.load((String) source(env).get(property));
        };
    }

    private @Nullable CompletableFuture<?> relation(DataFetchingEnvironment env) {
        Map<String, Object> proposal = source(env);
        if (!"CONFIRMED".equals(proposal.get("status"))) {
            return CompletableFuture.completedFuture(null);
        }
        DataLoader<String, Map<String, Object>> loader = env.getDataLoader("rel:ActorRelation");
        return loader.load((String) proposal.get("relationKey"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> properties(@Nullable String json) {
        Map<String, Object> values = json == null ? Map.of() : JSON.readValue(json, java.util.LinkedHashMap.class);
        return values.entrySet().stream().map(e -> {
            Map<String, Object> property = new HashMap<>();
            property.put("name", e.getKey());
            property.put("value", TimeCursors.text(e.getValue()));
            return property;
        }).toList();
    }

    private static Map<String, Object> input(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        return input == null ? Map.of() : input;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> source(DataFetchingEnvironment env) {
        return (Map<String, Object>) env.getSource();
    }
}
