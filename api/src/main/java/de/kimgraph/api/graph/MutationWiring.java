package de.kimgraph.api.graph;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.RelationshipSpec;
import de.kimgraph.queries.write.GraphWriter;
import de.kimgraph.queries.write.NodeWrites;
import de.kimgraph.queries.write.UserError;
import de.kimgraph.queries.write.WriteResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * Wires the mutations: create/update/end per writable node type, and add/update/end for memberships, actor
 * relations and funding shares. Every mutation answers with a payload holding the record or typed errors.
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
                type.dataFetcher("create" + name, env -> payload(field, writer.createNode(write, input(env))));
                type.dataFetcher("update" + name, env -> payload(field,
                        writer.updateNode(write, env.getArgument("key"), version(env), input(env))));
                type.dataFetcher("end" + name, env -> payload(field,
                        writer.endNode(write.label(), env.getArgument("key"), version(env), validTo(env))));
            }
            RelationshipSpec membership = GraphSpec.relationships("MEMBER_OF").getFirst();
            Set<String> membershipEnds = Set.of("actor", "body");
            type.dataFetcher("addMembership", env -> payload("membership",
                    writer.addRelationship(membership, "actor", "body", input(env), membershipEnds)));
            type.dataFetcher("updateMembership", env -> payload("membership",
                    writer.updateRelationship(MEMBER_OF, env.getArgument("key"), version(env), input(env), membershipEnds)));
            type.dataFetcher("endMembership", env -> payload("membership",
                    writer.endRelationship(MEMBER_OF, env.getArgument("key"), version(env), validTo(env))));

            Set<String> relationEnds = Set.of("type", "from", "to");
            type.dataFetcher("addRelation", env -> payload("relation", addRelation(input(env), relationEnds)));
            type.dataFetcher("updateRelation", env -> payload("relation", writer.updateRelationship(
                    GraphSpec.ACTOR_RELATION_TYPES, env.getArgument("key"), version(env), input(env), relationEnds)));
            type.dataFetcher("endRelation", env -> payload("relation", writer.endRelationship(
                    GraphSpec.ACTOR_RELATION_TYPES, env.getArgument("key"), version(env), validTo(env))));

            Set<String> fundingEnds = Set.of("service", "position", "programme");
            type.dataFetcher("addFunding", env -> payload("funding", addFunding(input(env), fundingEnds)));
            type.dataFetcher("updateFunding", env -> payload("funding",
                    writer.updateRelationship(FUNDED_BY, env.getArgument("key"), version(env), input(env), fundingEnds)));
            type.dataFetcher("endFunding", env -> payload("funding",
                    writer.endRelationship(FUNDED_BY, env.getArgument("key"), version(env), validTo(env))));
            return type;
        });
    }

    private WriteResult addRelation(Map<String, Object> input, Set<String> ends) {
        Object type = input.get("type");
        if (!(type instanceof String t) || !GraphSpec.ACTOR_RELATION_TYPES.contains(t)) {
            return new WriteResult(null, List.of(new UserError("REQUIRED", "input.type",
                    "Pflichtfeld type fehlt.", "Required field type is missing.")));
        }
        return writer.addRelationship(GraphSpec.relationships(t).getFirst(), "from", "to", input, ends);
    }

    private WriteResult addFunding(Map<String, Object> input, Set<String> ends) {
        boolean service = input.get("service") != null;
        boolean position = input.get("position") != null;
        if (service == position) {
            return new WriteResult(null, List.of(new UserError("INVALID_VALUE", "input.service",
                    "Genau eines von service oder position angeben.", "Give exactly one of service or position.")));
        }
        String from = service ? GraphSpec.SERVICE : GraphSpec.POSITION;
        RelationshipSpec spec = GraphSpec.relationships("FUNDED_BY").stream().filter(s -> s.fromLabel().equals(from))
                .findFirst().orElseThrow();
        return writer.addRelationship(spec, service ? "service" : "position", "programme", input, ends);
    }

    private static Map<String, Object> payload(String field, WriteResult result) {
        Map<String, Object> payload = new HashMap<>();
        payload.put(field, result.record());
        payload.put("errors", result.errors().stream().map(e -> {
            Map<String, Object> error = new HashMap<>();
            error.put("code", e.code());
            error.put("field", e.field());
            error.put("message", e.message());
            error.put("messageEn", e.messageEn());
            return error;
        }).toList());
        return payload;
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
