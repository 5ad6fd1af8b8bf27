package de.kimgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.RelationshipSpec;
import de.kimgraph.model.spec.Terms;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaPrinter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * The published contract: every schema field is served (by a registered fetcher, a stored property of the graph
 * model, or a key of the maps the fetchers build), the enums equal the fixed vocabularies, and the schema equals
 * the committed snapshot so that contract changes show up in review.
 */
class SchemaContractTest extends ApiTest {

    private static final Path SNAPSHOT = Path.of("../frontend-schema/schema.snapshot.graphqls");

    /** Fields of types the fetchers build as maps, one {@code Type.field} per line in {@code built-types/*.txt}. */
    private static final Set<String> BUILT = builtFields();

    /** GraphQL types that show relationships, with the relationship types behind them. */
    private static final Map<String, List<String>> RELATIONSHIP_TYPES = Map.of(
            "Membership", List.of("MEMBER_OF"),
            "ActorRelation", GraphSpec.ACTOR_RELATION_TYPES,
            "Grant", List.of("GRANTS"),
            "Funding", List.of("FUNDED_BY"));

    @Autowired
    GraphQlSource source;

    @Test
    void everyFieldIsServed() {
        GraphQLSchema schema = source.schema();
        List<String> unserved = new ArrayList<>();
        for (GraphQLObjectType type : schema.getAllTypesAsList().stream()
                .filter(t -> t instanceof GraphQLObjectType && !t.getName().startsWith("__"))
                .map(t -> (GraphQLObjectType) t).toList()) {
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                boolean fetched = schema.getCodeRegistry().hasDataFetcher(FieldCoordinates.coordinates(type, field));
                if (!fetched && !stored(type.getName(), field.getName())) {
                    unserved.add(type.getName() + "." + field.getName());
                }
            }
        }
        assertThat(unserved).as("schema fields with neither a fetcher nor a stored property").isEmpty();
        assertThat(schema.getCodeRegistry().hasDataFetcher(FieldCoordinates.coordinates("Actor", "name")))
                .as("plain properties have no registered fetcher, so the check above can fail").isFalse();
        assertThat(stored("Actor", "nickname")).isFalse();
    }

    private static boolean stored(String type, String field) {
        if (GraphSpec.hasNode(type)) {
            return GraphSpec.node(type).property(field).isPresent();
        }
        if (RELATIONSHIP_TYPES.containsKey(type)) {
            Set<String> properties = new HashSet<>(Set.of("type"));
            for (String relationshipType : RELATIONSHIP_TYPES.get(type)) {
                for (RelationshipSpec spec : GraphSpec.relationships(relationshipType)) {
                    spec.properties().stream().map(PropertySpec::name).forEach(properties::add);
                }
            }
            return properties.contains(field);
        }
        if (type.endsWith("Connection")) {
            return Set.of("edges", "pageInfo", "totalCount").contains(field);
        }
        if (type.endsWith("Edge")) {
            return Set.of("cursor", "node").contains(field);
        }
        if (type.endsWith("Payload")) {
            return true;
        }
        return BUILT.contains(type + "." + field);
    }

    private static Set<String> builtFields() {
        try (var files = Files.list(Path.of("src/test/resources/built-types"))) {
            Set<String> fields = new HashSet<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .forEach(fields::add);
            }
            return fields;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void enumsEqualTheFixedVocabularies() {
        GraphQLSchema schema = source.schema();
        Terms.get().vocabularies().forEach((name, terms) -> {
            GraphQLEnumType type = (GraphQLEnumType) schema.getType(name);
            assertThat(type).as(name).isNotNull();
            assertThat(type.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList()).as(name)
                    .containsExactlyElementsOf(terms.keySet());
        });
    }

    @Test
    void schemaEqualsTheCommittedSnapshot() throws IOException {
        String printed = new SchemaPrinter(SchemaPrinter.Options.defaultOptions().includeDirectives(false))
                .print(source.schema());
        if (Boolean.getBoolean("kimgraph.schema.update-snapshot")) {
            Files.writeString(SNAPSHOT, printed, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(SNAPSHOT)).as("snapshot " + SNAPSHOT.toAbsolutePath()).isTrue();
        Files.writeString(Path.of("target/schema.actual.graphqls"), printed, StandardCharsets.UTF_8);
        assertThat(printed).as("The schema changed: review target/schema.actual.graphqls and, if intended, run "
                + "./mvnw verify -Dkimgraph.schema.update-snapshot=true to update the snapshot")
                .isEqualTo(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
    }
}
