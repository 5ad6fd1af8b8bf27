package de.kimgraph.api.limits;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kimgraph.api.limits.LimitExceeded.Limit;
import graphql.execution.AbortExecutionException;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

/**
 * Measures an operation before it runs and rejects it when it is over a limit. It walks graphql-java's normalized
 * operation, the field tree as it will execute (fragments expanded at every spread, fields of the same response key
 * merged, skipped fields left out, variables applied), which the execution builds once anyway for the selection
 * sets the readers look at. (graphql-java's own {@code QueryTraverser}, used by its depth and complexity
 * instrumentations, walks a fragment only once however often it is spread, so nested spreads cost next to nothing.)
 * <p>
 * Cost of a field = its weight (1, analytic root fields more, see {@link LimitsProperties#fieldWeights()}) plus
 * its children's cost times the number of items it is expected to return: {@code first} for the {@code edges}
 * of a connection (default 50), {@link LimitsProperties#listSize()} for any other list of objects, 1 otherwise. So
 * {@code actors(first: 500) { edges { node { key name } } }} costs 1 + 1 + 500 × 3 = 1,502, while the same page
 * with {@code services { providers { services { name } } } }} under each node costs 556,002. Depth counts field
 * levels. Introspection ({@code __schema}, {@code __type}, {@code __typename}) is neither counted nor checked;
 * graphql-java's good-faith introspection check bounds it.
 * <p>
 * Arguments are checked here too, so that the error names the argument before any reader runs: {@code first} of
 * connections, the length of every list and string, in inputs as well ({@code filter.keys}, {@code input.name}).
 */
final class OperationCost {

    /** What an operation costs: nested field levels and estimated cost. */
    record Measure(int depth, long complexity) {
    }

    private final LimitsProperties limits;

    OperationCost(LimitsProperties limits) {
        this.limits = limits;
    }

    /** Measures a parsed document (tests, tools); the service measures the execution's normalized operation. */
    Measure measure(GraphQLSchema schema, Document document, @Nullable String operationName,
                    CoercedVariables variables) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(o -> operationName == null || operationName.equals(o.getName())).toList();
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        checkFields(operations.getFirst(), fragments);
        ExecutableNormalizedOperation operation;
        try {
            operation = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(schema, document,
                    operationName, variables);
        } catch (AbortExecutionException e) {
            throw tooManyFields(e);
        }
        return measure(schema, operation);
    }

    /**
     * @throws LimitExceeded for the first argument over its limit, else for a depth or a cost over the maximum
     */
    Measure measure(GraphQLSchema schema, ExecutableNormalizedOperation operation) {
        int[] depth = {0};
        long complexity = 0;
        for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
            complexity = add(complexity, cost(schema, operation, field, depth));
        }
        if (depth[0] > limits.maxDepth()) {
            throw LimitExceeded.of(Limit.MAX_DEPTH, limits.maxDepth(), depth[0],
                    "Die Abfrage ist zu tief verschachtelt: " + depth[0] + " Ebenen, erlaubt sind höchstens "
                            + limits.maxDepth() + ".",
                    "The operation is nested too deeply: " + depth[0] + " levels, at most " + limits.maxDepth()
                            + " are allowed.");
        }
        if (complexity > limits.maxComplexity()) {
            throw tooComplex(complexity);
        }
        return new Measure(depth[0], complexity);
    }

    private long cost(GraphQLSchema schema, ExecutableNormalizedOperation operation, ExecutableNormalizedField field,
                      int[] depth) {
        if (field.getName().startsWith("__")) {
            return 0;
        }
        GraphQLFieldDefinition definition = field.getFieldDefinitions(schema).getFirst();
        String type = field.getObjectTypeNames().iterator().next();
        checkArguments(operation, field, type, definition);
        depth[0] = Math.max(depth[0], field.getLevel());
        long children = 0;
        for (ExecutableNormalizedField child : field.getChildren()) {
            children = add(children, cost(schema, operation, child, depth));
        }
        return add(limits.weight(type, field.getName()), multiply(expectedItems(field, type, definition), children));
    }

    /**
     * Rejects an operation with more fields than allowed, counting every field as often as it will run: a fragment
     * spread as often as it is spread, nested spreads multiplied. Counted on the document in linear time (each
     * fragment once, memoized), before graphql-java expands the spreads, which a short document can make take
     * seconds: nine levels of two spreads each over 400 fields are 100,000 fields from 5 KB of text.
     */
    void checkFields(OperationDefinition operation, Map<String, FragmentDefinition> fragments) {
        long fields = fields(operation.getSelectionSet(), fragments, new HashMap<>());
        if (fields > limits.maxFields()) {
            throw LimitExceeded.of(Limit.MAX_FIELDS, limits.maxFields(), fields,
                    "Die Abfrage enthält zu viele Felder: " + fields + " (jedes Fragment so oft gezählt, wie es "
                            + "eingesetzt wird), erlaubt sind höchstens " + limits.maxFields() + ".",
                    "The operation has too many fields: " + fields + " (each fragment counted as often as it is "
                            + "spread), at most " + limits.maxFields() + " are allowed.");
        }
    }

    private static long fields(@Nullable SelectionSet selections, Map<String, FragmentDefinition> fragments,
                               Map<String, Long> perFragment) {
        if (selections == null) {
            return 0;
        }
        long count = 0;
        for (Selection<?> selection : selections.getSelections()) {
            count = add(count, switch (selection) {
                case Field field -> add(1, fields(field.getSelectionSet(), fragments, perFragment));
                case InlineFragment inline -> fields(inline.getSelectionSet(), fragments, perFragment);
                case FragmentSpread spread -> {
                    Long known = perFragment.get(spread.getName());
                    if (known == null) {
                        FragmentDefinition fragment = fragments.get(spread.getName());
                        // Validation has rejected unknown and cyclic fragments before execution starts.
                        perFragment.put(spread.getName(), 0L);
                        known = fragment == null ? 0 : fields(fragment.getSelectionSet(), fragments, perFragment);
                        perFragment.put(spread.getName(), known);
                    }
                    yield known;
                }
                default -> 0L;
            });
        }
        return count;
    }

    /** A normalized operation over graphql-java's field count (100,000) is over the cost limit as well. */
    LimitExceeded tooManyFields(AbortExecutionException cause) {
        return LimitExceeded.of(Limit.MAX_COMPLEXITY, limits.maxComplexity(), Long.MAX_VALUE,
                "Die Abfrage ist zu aufwendig: mehr Felder als erlaubt (" + cause.getMessage() + ").",
                "The operation is too expensive: more fields than allowed (" + cause.getMessage() + ").");
    }

    private LimitExceeded tooComplex(long actual) {
        return LimitExceeded.of(Limit.MAX_COMPLEXITY, limits.maxComplexity(), actual,
                "Die Abfrage ist zu aufwendig: geschätzte Kosten " + actual + ", erlaubt sind höchstens "
                        + limits.maxComplexity() + ". Kleinere Seiten (first) oder weniger verschachtelte Listen abfragen.",
                "The operation is too expensive: estimated cost " + actual + ", at most " + limits.maxComplexity()
                        + " allowed. Ask for smaller pages (first) or fewer nested lists.");
    }

    /** How many items the children of this field are read for. */
    private long expectedItems(ExecutableNormalizedField field, String type, GraphQLFieldDefinition definition) {
        ExecutableNormalizedField parent = field.getParent();
        if (parent != null && field.getName().equals("edges") && type.endsWith("Connection")) {
            return parent.getResolvedArguments().get("first") instanceof Integer first ? Math.max(first, 0)
                    : limits.listSize();
        }
        GraphQLOutputType returned = definition.getType();
        if (GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(returned))
                && GraphQLTypeUtil.unwrapAll(returned) instanceof GraphQLCompositeType) {
            return limits.listSize();
        }
        return 1;
    }

    private void checkArguments(ExecutableNormalizedOperation operation, ExecutableNormalizedField field, String type,
                                GraphQLFieldDefinition definition) {
        Map<String, Object> arguments = field.getResolvedArguments();
        if (arguments.isEmpty()) {
            return;
        }
        String coordinates = type + "." + field.getName();
        SourceLocation location = operation.getMergedField(field).getSingleField().getSourceLocation();
        if (GraphQLTypeUtil.unwrapAll(definition.getType()).getName().endsWith("Connection")
                && arguments.get("first") instanceof Integer first && (first < 0 || first > limits.maxPageSize())) {
            throw LimitExceeded.argument(Limit.PAGE_SIZE, limits.maxPageSize(), first, coordinates, "first", location,
                    "Das Argument first von " + coordinates + " ist " + first + "; erlaubt sind 0 bis "
                            + limits.maxPageSize() + " Einträge je Seite.",
                    "Argument first of " + coordinates + " is " + first + "; allowed are 0 to " + limits.maxPageSize()
                            + " items per page.");
        }
        arguments.forEach((name, value) -> checkValue(location, coordinates, name, name, value));
    }

    /**
     * String arguments that carry a whole file (an import's content): bounded by the request body limit
     * ({@code max-request-body}) instead of {@code max-string-argument}, as {@code field path}.
     */
    static final Set<String> FILE_ARGUMENTS = Set.of("Mutation.importData input.content");

    private void checkValue(@Nullable SourceLocation location, String field, String path, String name,
                            @Nullable Object value) {
        if (value instanceof String && FILE_ARGUMENTS.contains(field + " " + path)) {
            return;
        }
        switch (value) {
            case String text -> {
                int max = name.equals("search") ? limits.maxSearchArgument() : limits.maxStringArgument();
                if (text.length() > max) {
                    throw LimitExceeded.argument(Limit.STRING_ARGUMENT, max, text.length(), field, path,
                            location,
                            "Das Argument " + path + " von " + field + " hat " + text.length()
                                    + " Zeichen; erlaubt sind höchstens " + max + ".",
                            "Argument " + path + " of " + field + " has " + text.length() + " characters; at most "
                                    + max + " are allowed.");
                }
            }
            case List<?> list -> {
                if (list.size() > limits.maxListArgument()) {
                    throw LimitExceeded.argument(Limit.LIST_ARGUMENT, limits.maxListArgument(), list.size(), field,
                            path, location,
                            "Das Argument " + path + " von " + field + " hat " + list.size()
                                    + " Einträge; erlaubt sind höchstens " + limits.maxListArgument() + ".",
                            "Argument " + path + " of " + field + " has " + list.size() + " items; at most "
                                    + limits.maxListArgument() + " are allowed.");
                }
                list.forEach(item -> checkValue(location, field, path, name, item));
            }
            case Map<?, ?> input -> input.forEach((key, item) ->
                    checkValue(location, field, path + "." + key, String.valueOf(key), item));
            case null, default -> {
            }
        }
    }

    private static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long multiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        return high != 0 || product < 0 ? Long.MAX_VALUE : product;
    }
}
