package de.kimgraph.api.limits;

import java.time.Duration;

import de.kimgraph.api.limits.LimitExceeded.Limit;
import graphql.ExecutionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Ends a GraphQL request that runs longer than the request timeout with a {@code TIMEOUT} error (Spring's own
 * {@code TimeoutWebGraphQlInterceptor} answers with a bare HTTP 408 instead). Timing out cancels the execution, so
 * graphql-java starts no further field; a database call already running ends at the database timeout at the latest.
 */
final class RequestTimeout implements WebGraphQlInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(RequestTimeout.class);

    private final Duration timeout;

    RequestTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        long start = System.nanoTime();
        return chain.next(request).timeout(timeout, Mono.fromSupplier(() -> timedOut(request, start)));
    }

    private WebGraphQlResponse timedOut(WebGraphQlRequest request, long start) {
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        LOG.warn("GraphQL request {} (operation {}) timed out after {} ms", request.getId(), request.getOperationName(),
                elapsed);
        LimitExceeded error = LimitExceeded.of(Limit.REQUEST_TIMEOUT, timeout.toMillis(), elapsed,
                "Die Anfrage hat das Zeitlimit von " + timeout.toMillis() + " ms überschritten und wurde abgebrochen. "
                        + "Kleineres Gebiet, kleinere Seiten oder weniger Felder abfragen.",
                "The request exceeded the time limit of " + timeout.toMillis() + " ms and was cancelled. "
                        + "Ask for a smaller area, smaller pages or fewer fields.");
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
