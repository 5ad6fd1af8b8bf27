package de.kimgraph.api.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.language.SourceLocation;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.ErrorType;

/**
 * An operation over a limit: aborts it before anything is read. The answer carries {@link #error()}, with the
 * German message, the classification ({@code BAD_REQUEST}, or {@code TIMEOUT}) and as extensions the limit, its
 * maximum, the actual value, the English message and, for arguments, the field and the argument path.
 */
final class LimitExceeded extends AbortExecutionException {

    /** The limits, as named in the {@code limit} extension. */
    enum Limit {
        MAX_DEPTH, MAX_FIELDS, MAX_COMPLEXITY, PAGE_SIZE, LIST_ARGUMENT, STRING_ARGUMENT, REQUEST_TIMEOUT,
        DATABASE_TIMEOUT, REQUEST_SIZE
    }

    /** Classification of the timeouts: the operation may succeed later or with a smaller scope. */
    static final ErrorClassification TIMEOUT = ErrorClassification.errorClassification("TIMEOUT");

    private final GraphQLError error;

    private LimitExceeded(GraphQLError error) {
        // graphql-java answers an abort with these errors instead of the exception itself.
        super(List.of(error));
        this.error = error;
    }

    static LimitExceeded of(Limit limit, long maximum, long actual, String messageDe, String messageEn) {
        return new LimitExceeded(error(limit, maximum, actual, messageDe, messageEn, Map.of(), null));
    }

    /** An argument over a limit, located at its field. */
    static LimitExceeded argument(Limit limit, long maximum, long actual, String field, String argument,
                                  @Nullable SourceLocation location, String messageDe, String messageEn) {
        return new LimitExceeded(error(limit, maximum, actual, messageDe, messageEn,
                Map.of("field", field, "argument", argument), location));
    }

    private static GraphQLError error(Limit limit, long maximum, long actual, String messageDe, String messageEn,
                                      Map<String, Object> more, @Nullable SourceLocation location) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("limit", limit.name());
        extensions.put("maximum", maximum);
        extensions.put("actual", actual);
        extensions.putAll(more);
        extensions.put("messageEn", messageEn);
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().message(messageDe).extensions(extensions)
                .errorType(limit == Limit.REQUEST_TIMEOUT || limit == Limit.DATABASE_TIMEOUT ? TIMEOUT
                        : ErrorType.BAD_REQUEST);
        if (location != null) {
            builder.location(location);
        }
        return builder.build();
    }

    /** The GraphQL error of the answer. */
    GraphQLError error() {
        return error;
    }

    Limit limit() {
        return Limit.valueOf((String) error.getExtensions().get("limit"));
    }

    @Override
    public String getMessage() {
        return error.getMessage();
    }

    @Override
    public Map<String, Object> getExtensions() {
        return error.getExtensions();
    }

    @Override
    public @Nullable List<SourceLocation> getLocations() {
        return error.getLocations();
    }
}
