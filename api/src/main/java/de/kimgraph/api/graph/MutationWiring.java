package de.kimgraph.api.graph;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kimgraph.api.security.Principals;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.RelationshipSpec;
import de.kimgraph.queries.write.GraphWriter;
import de.kimgraph.queries.write.NodeWrites;
import de.kimgraph.queries.write.UserError;
import de.kimgraph.queries.write.WriteResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * Wires the mutations: create/update/end per writable node type, and add/update/end for memberships, actor
 * relations and funding shares. Every mutation answers with a payload holding the record or typed errors, and
 * passes the caller's principal and the optional comment to the writer, which applies the write rules and
 * records the change in the audit trail.
 */
@Component
class MutationWiring implements RuntimeWiringConfigurer {

    private static final List<String> MEMBER_OF = List.of("MEMBER_OF");
    private static final List<String> FUNDED_BY = List.of("FUNDED_BY");

    private final GraphWriter writer;

    MutationWiring(GraphWriter writer) {
        this.writer = writer;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", type -> {
            for (NodeWrites.NodeWrite write : NodeWrites.ALL) {
                String name = write.typeName();
                String field = Character.toLowerCase(name.charAt(0)) + name.substring(1);
                type.dataFetcher("create" + name, env -> payload(field,
                        writer.createNode(Principals.of(env), write, input(env), comment(env))));
                type.dataFetcher("update" + name, env -> payload(field, writer.updateNode(Principals.of(env), write,
                        env.getArgument("key"), version(env), input(env), comment(env))));
                type.dataFetcher("end" + name, env -> payload(field, writer.endNode(Principals.of(env), write.label(),
                        env.getArgument("key"), version(env), validTo(env), comment(env))));
            }
            RelationshipSpec membership = GraphSpec.relationships("MEMBER_OF").getFirst();
            Set<String> membershipEnds = Set.of("actor", "body");
            type.dataFetcher("addMembership", env -> payload("membership", writer.addRelationship(Principals.of(env),
                    membership, "actor", "body", input(env), membershipEnds, comment(env))));
            type.dataFetcher("updateMembership", env -> payload("membership", writer.updateRelationship(
                    Principals.of(env), MEMBER_OF, env.getArgument("key"), version(env), input(env), membershipEnds,
                    comment(env))));
            type.dataFetcher("endMembership", env -> payload("membership", writer.endRelationship(Principals.of(env),
                    MEMBER_OF, env.getArgument("key"), version(env), validTo(env), comment(env))));

            Set<String> relationEnds = Set.of("type", "from", "to");
            type.dataFetcher("addRelation", env -> payload("relation", addRelation(env, relationEnds)));
            type.dataFetcher("updateRelation", env -> payload("relation", writer.updateRelationship(Principals.of(env),
                    GraphSpec.ACTOR_RELATION_TYPES, env.getArgument("key"), version(env), input(env), relationEnds,
                    comment(env))));
            type.dataFetcher("endRelation", env -> payload("relation", writer.endRelationship(Principals.of(env),
                    GraphSpec.ACTOR_RELATION_TYPES, env.getArgument("key"), version(env), validTo(env), comment(env))));

            Set<String> fundingEnds = Set.of("service", "position", "programme");
            type.dataFetcher("addFunding", env -> payload("funding", addFunding(env, fundingEnds)));
            type.dataFetcher("updateFunding", env -> payload("funding", writer.updateRelationship(Principals.of(env),
                    FUNDED_BY, env.getArgument("key"), version(env), input(env), fundingEnds, comment(env))));
            type.dataFetcher("endFunding", env -> payload("funding", writer.endRelationship(Principals.of(env),
                    FUNDED_BY, env.getArgument("key"), version(env), validTo(env), comment(env))));
            return type;
        });
    }

    private WriteResult addRelation(DataFetchingEnvironment env, Set<String> ends) {
        Map<String, Object> input = input(env);
        Object type = input.get("type");
        if (!(type instanceof String t) || !GraphSpec.ACTOR_RELATION_TYPES.contains(t)) {
            return new WriteResult(null, List.of(new UserError("REQUIRED", "input.type",
                    "Pflichtfeld type fehlt.", "Required field type is missing.")));
        }
        return writer.addRelationship(Principals.of(env), GraphSpec.relationships(t).getFirst(), "from", "to", input,
                ends, comment(env));
    }

    private WriteResult addFunding(DataFetchingEnvironment env, Set<String> ends) {
        Map<String, Object> input = input(env);
        boolean service = input.get("service") != null;
        boolean position = input.get("position") != null;
        if (service == position) {
            return new WriteResult(null, List.of(new UserError("INVALID_VALUE", "input.service",
                    "Genau eines von service oder position angeben.", "Give exactly one of service or position.")));
        }
        String from = service ? GraphSpec.SERVICE : GraphSpec.POSITION;
        RelationshipSpec spec = GraphSpec.relationships("FUNDED_BY").stream().filter(s -> s.fromLabel().equals(from))
                .findFirst().orElseThrow();
        return writer.addRelationship(Principals.of(env), spec, service ? "service" : "position", "programme", input,
                ends, comment(env));
    }

    private static Map<String, Object> payload(String field, WriteResult result) {
        Map<String, Object> payload = new HashMap<>();
        payload.put(field, result.record());
        payload.put("errors", errors(result.errors()));
        return payload;
    }

    static List<Map<String, Object>> errors(List<UserError> errors) {
        return errors.stream().map(e -> {
            Map<String, Object> error = new HashMap<>();
            error.put("code", e.code());
            error.put("field", e.field());
            error.put("message", e.message());
            error.put("messageEn", e.messageEn());
            return error;
        }).toList();
    }

    static @Nullable String comment(DataFetchingEnvironment env) {
        return env.getArgument("comment");
    }

    private static Map<String, Object> input(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        return input == null ? Map.of() : input;
    }

    private static long version(DataFetchingEnvironment env) {
        Integer version = env.getArgument("version");
        return version == null ? -1 : version;
    }

    private static LocalDate validTo(DataFetchingEnvironment env) {
        return env.getArgument("validTo");
    }
}
