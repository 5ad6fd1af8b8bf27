package de.kimgraph.api.limits;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import de.kimgraph.api.limits.LimitExceeded.Limit;
import graphql.ExecutionInput;
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
 * {@code TimeoutWebGraphQlInterceptor} answers with a bare HTTP 408 instead). A data fetcher already running
 * finishes in the background; its database transaction ends at the database timeout at the latest.
 * <p>
 * The execution runs on a virtual thread of its own: the data fetchers here are synchronous, and on the request
 * thread the whole execution would happen while subscribing, before Reactor's timer even starts. Timing out
 * cancels the execution input, so graphql-java starts no further field. The interceptors
 * before and after this one still run on the request thread (the chain is assembled there), so the principal is
 * read from the security context as before.
 */
final class RequestTimeout implements WebGraphQlInterceptor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RequestTimeout.class);

    private final Duration timeout;
    private final ExecutorService threads =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("graphql-", 0).factory());
    /**
     * As a plain {@code Executor}, so that Reactor does not interrupt the thread on timeout (it would for an
     * {@code ExecutorService}): an interrupted thread breaks the Neo4j connection it is reading from.
     */
    private final Scheduler execution = Schedulers.fromExecutor(threads::execute);

    RequestTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        long start = System.nanoTime();
        // Spring cancels the execution only when the answer is still a pending future; a synchronous execution has
        // completed it before, so the timeout cancels the execution input itself, whenever that is created.
        AtomicBoolean expired = new AtomicBoolean();
        AtomicReference<ExecutionInput> input = new AtomicReference<>();
        request.configureExecutionInput((executionInput, builder) -> {
            input.set(executionInput);
            if (expired.get()) {
                executionInput.cancel();
            }
            return executionInput;
        });
        return chain.next(request).subscribeOn(execution).timeout(timeout, Mono.fromSupplier(() -> {
            expired.set(true);
            ExecutionInput running = input.get();
            if (running != null) {
                running.cancel();
            }
            return timedOut(request, start);
        }));
    }

    @Override
    public void close() {
        execution.dispose();
        threads.shutdown();
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
