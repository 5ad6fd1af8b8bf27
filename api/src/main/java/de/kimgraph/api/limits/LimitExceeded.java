package de.kimgraph.api.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.execution.AbortExecutionException;
import graphql.language.SourceLocation;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.ErrorType;

/**
 * An operation over a limit: aborts it before anything is read, and is itself the GraphQL error of the answer,
 * with the German message, and as extensions the limit, its maximum, the actual value, the English message and,
 * for arguments, the field and the argument path.
 */
final class LimitExceeded extends AbortExecutionException {

    /** The limits, as named in the {@code limit} extension. */
    enum Limit {
        MAX_DEPTH, MAX_FIELDS, MAX_COMPLEXITY, PAGE_SIZE, LIST_ARGUMENT, STRING_ARGUMENT, REQUEST_TIMEOUT, DATABASE_TIMEOUT,
        REQUEST_SIZE
    }

    /** Classification of the timeouts: the operation may succeed later or with a smaller scope. */
    static final ErrorClassification TIMEOUT = ErrorClassification.errorClassification("TIMEOUT");

    private final Map<String, Object> extensions;
    private final @Nullable List<SourceLocation> locations;
    private final ErrorClassification classification;

    private LimitExceeded(String messageDe, Map<String, Object> extensions, @Nullable SourceLocation location,
                          ErrorClassification classification) {
        super(messageDe);
        this.extensions = extensions;
        this.extensions.put("classification", classification.toSpecification(this));
        this.locations = location == null ? null : List.of(location);
        this.classification = classification;
    }

    static LimitExceeded of(Limit limit, long maximum, long actual, String messageDe, String messageEn) {
        return new LimitExceeded(messageDe, extensions(limit, maximum, actual, messageEn), null,
                limit == Limit.REQUEST_TIMEOUT || limit == Limit.DATABASE_TIMEOUT ? TIMEOUT : ErrorType.BAD_REQUEST);
    }

    /** An argument over a limit, located at its field. */
    static LimitExceeded argument(Limit limit, long maximum, long actual, String field, String argument,
                                  @Nullable SourceLocation location, String messageDe, String messageEn) {
        Map<String, Object> extensions = extensions(limit, maximum, actual, messageEn);
        extensions.put("field", field);
        extensions.put("argument", argument);
        return new LimitExceeded(messageDe, extensions, location, ErrorType.BAD_REQUEST);
    }

    private static Map<String, Object> extensions(Limit limit, long maximum, long actual, String messageEn) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("limit", limit.name());
        extensions.put("maximum", maximum);
        extensions.put("actual", actual);
        extensions.put("messageEn", messageEn);
        return extensions;
    }

    Limit limit() {
        return Limit.valueOf((String) extensions.get("limit"));
    }

    @Override
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    @Override
    public @Nullable List<SourceLocation> getLocations() {
        return locations;
    }

    /** The classification; it also stands in the extensions, where it takes precedence over graphql-java's own. */
    ErrorClassification classification() {
        return classification;
    }
}
