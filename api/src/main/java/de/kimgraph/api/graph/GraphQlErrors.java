package de.kimgraph.api.graph;

import de.kimgraph.queries.access.AccessDenied;
import de.kimgraph.queries.entity.UnsupportedFilterException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Maps exceptions to GraphQL errors: bad filters and arguments to {@code BAD_REQUEST} with their German/English
 * message, access denials to {@code FORBIDDEN}, everything else to {@code INTERNAL_ERROR} without internals (logged with an id to find it).
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(GraphQlErrors.class);

    @Override
    protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof UnsupportedFilterException) {
            return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST).message(ex.getMessage()).build();
        }
        if (ex instanceof AccessDenied denied) {
            return GraphqlErrorBuilder.newError(env).errorType(ErrorType.FORBIDDEN).message(denied.getMessage())
                    .extensions(java.util.Map.of("messageEn", denied.messageEn())).build();
        }
        String id = Long.toHexString(System.nanoTime());
        LOG.error("Error {} in {}", id, env.getExecutionStepInfo().getPath(), ex);
        return GraphqlErrorBuilder.newError(env).errorType(ErrorType.INTERNAL_ERROR)
                .message("Interner Fehler (internal error), Kennung " + id).build();
    }
}
