package de.kimgraph.api.limits;

import java.time.Duration;
import java.util.concurrent.Executors;

import de.kimgraph.api.limits.LimitExceeded.Limit;
import graphql.ExecutionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Ends a GraphQL request that runs longer than the request timeout with a {@code TIMEOUT} error (Spring's own
 * {@code TimeoutWebGraphQlInterceptor} answers with a bare HTTP 408 instead). Timing out cancels the execution, so
 * graphql-java starts no further field; a database call already running ends at the database timeout at the latest.
 * <p>
 * The execution runs on a virtual thread of its own: the data fetchers here are synchronous, and on the request
 * thread the whole execution would happen while subscribing, before Reactor's timer even starts. The interceptors
 * before and after this one still run on the request thread (the chain is assembled there), so the principal is
 * read from the security context as before.
 */
final class RequestTimeout implements WebGraphQlInterceptor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RequestTimeout.class);

    private final Duration timeout;
    private final Scheduler execution = Schedulers.fromExecutorService(
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("graphql-", 0).factory()), "graphql");

    RequestTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        long start = System.nanoTime();
        return chain.next(request).subscribeOn(execution)
                .timeout(timeout, Mono.fromSupplier(() -> timedOut(request, start)));
    }

    @Override
    public void close() {
        execution.dispose();
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
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(error.error()).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
