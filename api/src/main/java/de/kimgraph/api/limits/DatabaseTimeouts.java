package de.kimgraph.api.limits;

import java.time.Duration;

import de.kimgraph.api.limits.LimitExceeded.Limit;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * A Neo4j transaction killed at the database timeout answers with a {@code TIMEOUT} error naming the limit, not
 * with the anonymous internal error of other failures. Runs before the general error mapping.
 */
final class DatabaseTimeouts extends DataFetcherExceptionResolverAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseTimeouts.class);

    private final Duration timeout;

    DatabaseTimeouts(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (!timedOut(ex)) {
            return null;
        }
        LOG.warn("Database timeout in {}", env.getExecutionStepInfo().getPath());
        GraphQLError limit = error(timeout).error();
        return GraphqlErrorBuilder.newError(env).errorType(limit.getErrorType()).message(limit.getMessage())
                .extensions(limit.getExtensions()).build();
    }

    static LimitExceeded error(Duration timeout) {
        long millis = timeout.toMillis();
        return LimitExceeded.of(Limit.DATABASE_TIMEOUT, millis, millis,
                "Die Datenbankabfrage hat das Zeitlimit von " + millis + " ms überschritten und wurde abgebrochen.",
                "The database query exceeded the time limit of " + millis + " ms and was terminated.");
    }

    /** Whether the database (or Spring's transaction deadline) ended the transaction for taking too long. */
    static boolean timedOut(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof TransactionTimedOutException) {
                return true;
            }
            if (t instanceof Neo4jException neo4j && neo4j.code() != null && neo4j.code().contains("TransactionTimedOut")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
