package de.kimgraph.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import de.kimgraph.api.limits.LimitExceeded.Limit;
import graphql.execution.CoercedVariables;
import graphql.introspection.IntrospectionQuery;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The cost model on the published schema, without a server: every operation the tests send and every README
 * example stays within the defaults, and the abusive shapes are stopped with the limit named.
 */
class OperationCostTest {

    private static final GraphQLSchema SCHEMA = schema();
    private static final LimitsProperties DEFAULTS = new LimitsProperties(12, 1000, 50_000, 10, null, 500, 500, 10_000, 200,
            java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(20),
            org.springframework.util.unit.DataSize.ofKilobytes(100), List.of(), null, java.util.Set.of());
    private static final OperationCost COST = new OperationCost(DEFAULTS);

    @Test
    void everyTestOperationAndReadmeExampleIsWithinTheDefaults() throws IOException {
        Map<String, String> operations = new LinkedHashMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:graphql-test/*.graphql")) {
            operations.put(resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8));
        }
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:persisted-queries/*.graphql")) {
            operations.put("persisted " + resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8));
        }
        Matcher blocks = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("../README.md")));
        int example = 0;
        while (blocks.find()) {
            operations.put("README example " + ++example, blocks.group(1));
        }
        assertThat(example).as("README examples found").isGreaterThanOrEqualTo(10);

        List<String> figures = new ArrayList<>();
        operations.forEach((name, text) -> {
            OperationCost.Measure measure = measure(text, sampleVariables(text));
            figures.add(name + ": depth " + measure.depth() + ", cost " + measure.complexity());
        });
        System.out.println(String.join("\n", figures));
    }

    @Test
    void nestedListsUnderALargePageCostMoreThanTheFlatPageAndAreRejected() {
        String flat = "{ actors(first: 500) { edges { node { key name } } } }";
        String nested = "{ actors(first: 500) { edges { node { services { providers { services { name } } } } } } }";
        assertThat(measure(flat, Map.of()).complexity()).isEqualTo(1 + 1 + 500 * 3);
        assertThatThrownBy(() -> measure(nested, Map.of())).isInstanceOfSatisfying(LimitExceeded.class, e -> {
            assertThat(e.limit()).isEqualTo(Limit.MAX_COMPLEXITY);
            assertThat(e.getExtensions()).containsEntry("maximum", 50_000L).containsEntry("actual", 556_002L);
            assertThat(e.error().toSpecification()).extractingByKey("extensions").asInstanceOf(
                    org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("classification", "BAD_REQUEST");
            assertThat(e.getMessage()).contains("556002", "50000");
            assertThat((String) e.getExtensions().get("messageEn")).contains("too expensive");
        });
        assertThat(measure(nested.replace("500", "5"), Map.of()).complexity()).isEqualTo(2 + 5 * 1112);
    }

    @Test
    void pageSizesComeFromVariablesAndDefaults() {
        String query = "query($n: Int) { actors(first: $n) { edges { node { key } } } }";
        assertThat(measure(query, Map.of("n", 200)).complexity()).isEqualTo(2 + 200 * 2);
        assertThat(measure("{ actors { edges { node { key } } } }", Map.of()).complexity()).isEqualTo(2 + 50 * 2);
    }

    @Test
    void analyticRootFieldsWeighMore() {
        String aliases = IntStream.range(0, 499).mapToObj(i -> "h" + i + ": networkHealth(area: \"999990000000\") { density }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        assertThatThrownBy(() -> measure(aliases, Map.of())).isInstanceOfSatisfying(LimitExceeded.class,
                e -> assertThat(e.getExtensions()).containsEntry("actual", 499L * 101));
    }

    @Test
    void depthOverTheMaximumNamesBoth() {
        String deep = "{ actor(key: \"a\") { parent { parent { parent { parent { parent { parent { parent { parent"
                + " { parent { parent { parent { parent { key } } } } } } } } } } } } } }";
        assertThatThrownBy(() -> measure(deep, Map.of())).isInstanceOfSatisfying(LimitExceeded.class, e -> {
            assertThat(e.limit()).isEqualTo(Limit.MAX_DEPTH);
            assertThat(e.getExtensions()).containsEntry("maximum", 12L).containsEntry("actual", 14L);
            assertThat(e.getMessage()).isEqualTo("Die Abfrage ist zu tief verschachtelt: 14 Ebenen, erlaubt sind höchstens 12.");
        });
    }

    @Test
    void pageSizeOverTheCapNamesTheArgument() {
        assertThatThrownBy(() -> measure("{ services(first: 501) { totalCount } }", Map.of()))
                .isInstanceOfSatisfying(LimitExceeded.class, e -> {
                    assertThat(e.limit()).isEqualTo(Limit.PAGE_SIZE);
                    assertThat(e.getExtensions()).containsEntry("argument", "first")
                            .containsEntry("field", "Query.services").containsEntry("actual", 501L);
                    assertThat(e.getLocations()).singleElement().satisfies(l -> assertThat(l.getColumn()).isEqualTo(3));
                });
        assertThatThrownBy(() -> measure("{ actors(first: -1) { totalCount } }", Map.of()))
                .isInstanceOfSatisfying(LimitExceeded.class, e -> assertThat(e.limit()).isEqualTo(Limit.PAGE_SIZE));
        // diff's first is a cap of its own lists (1–1000), not a page of a connection.
        assertThat(measure("{ diff(area: \"999990000000\", from: \"2024-01-01\", to: \"2025-01-01\", first: 1000) { addedCount } }",
                Map.of()).complexity()).isEqualTo(101);
    }

    @Test
    void listAndStringArgumentsAreCappedInInputsToo() {
        List<String> keys = IntStream.range(0, 501).mapToObj(i -> "k" + i).toList();
        String query = "query($keys: [ID!]) { actors(filter: {keys: $keys}) { totalCount } }";
        assertThat(measure(query, Map.of("keys", keys.subList(0, 500))).complexity()).isEqualTo(2);
        assertThatThrownBy(() -> measure(query, Map.of("keys", keys))).isInstanceOfSatisfying(LimitExceeded.class, e -> {
            assertThat(e.limit()).isEqualTo(Limit.LIST_ARGUMENT);
            assertThat(e.getExtensions()).containsEntry("argument", "filter.keys").containsEntry("actual", 501L);
        });
        String search = "query($s: String) { services(filter: {search: $s}) { totalCount } }";
        assertThatThrownBy(() -> measure(search, Map.of("s", "x".repeat(201)))).isInstanceOfSatisfying(LimitExceeded.class, e -> {
            assertThat(e.limit()).isEqualTo(Limit.STRING_ARGUMENT);
            assertThat(e.getExtensions()).containsEntry("argument", "filter.search").containsEntry("maximum", 200L);
            assertThat(e.getMessage()).isEqualTo("Das Argument filter.search von Query.services hat 201 Zeichen; erlaubt sind höchstens 200.");
        });
        String mutation = "mutation($d: String) { createActor(input: {key: \"k\", tenant: \"t\", name: \"n\", kind: AUTHORITY, description: $d}) { errors { code } } }";
        assertThat(measure(mutation, Map.of("d", "x".repeat(10_000))).depth()).isEqualTo(3);
        assertThatThrownBy(() -> measure(mutation, Map.of("d", "x".repeat(10_001)))).isInstanceOfSatisfying(LimitExceeded.class,
                e -> assertThat(e.getExtensions()).containsEntry("argument", "input.description"));
    }

    @Test
    void introspectionIsNotCounted() {
        // The fullest introspection a tool sends (GraphiQL: all options, TypeRef nine levels deep) has room in max-fields.
        String fullest = graphql.introspection.IntrospectionQueryBuilder.build(
                graphql.introspection.IntrospectionQueryBuilder.Options.defaultOptions().descriptions(true)
                        .specifiedByUrl(true).isOneOf(true).directiveIsRepeatable(true).schemaDescription(true)
                        .inputValueDeprecation(true).typeRefFragmentDepth(9));
        Document introspection = Parser.parse(fullest);
        COST.checkFields(introspection.getDefinitionsOfType(graphql.language.OperationDefinition.class).getFirst(),
                introspection.getDefinitionsOfType(graphql.language.FragmentDefinition.class).stream()
                        .collect(Collectors.toMap(graphql.language.FragmentDefinition::getName, f -> f)));
        assertThat(measure(fullest, Map.of()).complexity()).isZero();
        OperationCost.Measure measure = measure(IntrospectionQuery.INTROSPECTION_QUERY, Map.of());
        assertThat(measure.complexity()).isZero();
        assertThat(measure.depth()).isZero();
    }

    @Test
    void fragmentsSpreadIntoEachOtherAreStoppedWhileCounting() {
        StringBuilder query = new StringBuilder("query { area(key: \"05\") { ...F0 } }\n");
        query.append("fragment F0 on Area { children { ...F1 ...G1 } }\n");
        for (int i = 1; i < 9; i++) {
            query.append("fragment F").append(i).append(" on Area { children { ...F").append(i + 1).append(" ...G").append(i + 1).append(" } }\n");
            query.append("fragment G").append(i).append(" on Area { c: children { ...F").append(i + 1).append(" ...G").append(i + 1).append(" } }\n");
        }
        query.append("fragment F9 on Area { ").append(IntStream.range(0, 200).mapToObj(i -> "a" + i + ": key").collect(Collectors.joining(" "))).append(" }\n");
        query.append("fragment G9 on Area { ").append(IntStream.range(0, 200).mapToObj(i -> "b" + i + ": key").collect(Collectors.joining(" "))).append(" }\n");
        long start = System.nanoTime();
        assertThatThrownBy(() -> measure(query.toString(), Map.of())).isInstanceOfSatisfying(LimitExceeded.class, e -> {
            assertThat(e.limit()).isEqualTo(Limit.MAX_FIELDS);
            assertThat(e.getExtensions()).containsEntry("actual", 102_912L).containsEntry("maximum", 1000L);
        });
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to reject 5 KB expanding to 100,000 fields")
                .isLessThan(200);
    }

    @Test
    void measuringATypicalOperationTakesMicroseconds() throws IOException {
        String nested = new PathMatchingResourcePatternResolver().getResource("classpath:graphql-test/actorsNested.graphql")
                .getContentAsString(StandardCharsets.UTF_8);
        Document document = Parser.parse(nested);
        graphql.language.OperationDefinition definition =
                document.getDefinitionsOfType(graphql.language.OperationDefinition.class).getFirst();
        CoercedVariables variables = CoercedVariables.of(Map.of("area", "999990000000"));
        graphql.normalized.ExecutableNormalizedOperation operation = graphql.normalized.ExecutableNormalizedOperationFactory
                .createExecutableNormalizedOperation(SCHEMA, document, null, variables);
        int runs = 20_000;
        double normalizing = 0;
        double checking = 0;
        for (int round = 0; round < 2; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                graphql.normalized.ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(SCHEMA, document, null, variables);
            }
            normalizing = (System.nanoTime() - start) / 1_000.0 / runs;
            start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                COST.checkFields(definition, Map.of());
                COST.measure(SCHEMA, operation);
            }
            checking = (System.nanoTime() - start) / 1_000.0 / runs;
        }
        System.out.printf("actorsNested.graphql: normalizing %.1f µs (done by the execution anyway for selection sets), "
                + "counting and measuring %.1f µs per operation%n", normalizing, checking);
        assertThat(checking).isLessThan(1_000);
    }

    /** A value for every required variable, so that the operation can be measured as sent. */
    private static Map<String, Object> sampleVariables(String text) {
        Map<String, Object> variables = new LinkedHashMap<>();
        Parser.parse(text).getDefinitionsOfType(graphql.language.OperationDefinition.class).forEach(operation ->
                operation.getVariableDefinitions().forEach(definition -> {
                    if (definition.getType() instanceof graphql.language.NonNullType required) {
                        variables.put(definition.getName(), sample(required.getType()));
                    }
                }));
        return variables;
    }

    private static Object sample(graphql.language.Type<?> type) {
        return switch (type) {
            case graphql.language.NonNullType nonNull -> sample(nonNull.getType());
            case graphql.language.ListType list -> List.of(sample(list.getType()));
            case graphql.language.TypeName name -> switch (name.getName()) {
                case "Int" -> 1;
                case "Float" -> 1.0;
                case "Boolean" -> true;
                case "Date" -> java.time.LocalDate.of(2026, 12, 1);
                case "ID", "String" -> "999990000000";
                default -> SCHEMA.getType(name.getName()) instanceof graphql.schema.GraphQLEnumType e
                        ? e.getValues().getFirst().getName() : Map.of();
            };
            default -> throw new IllegalArgumentException(type.toString());
        };
    }

    private static OperationCost.Measure measure(String text, Map<String, Object> variables) {
        return COST.measure(SCHEMA, Parser.parse(text), null, CoercedVariables.of(variables));
    }

    private static GraphQLSchema schema() {
        try {
            TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
                registry.merge(new SchemaParser().parse(resource.getContentAsString(StandardCharsets.UTF_8)));
            }
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
