package de.kimgraph.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import graphql.ExecutionResult;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/** The request timeout against an execution that blocks its thread, as the synchronous data fetchers do. */
class RequestTimeoutTest {

    private static final WebGraphQlRequest REQUEST = request();

    private static WebGraphQlRequest request() {
        return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), null, null, Map.of(),
                Map.of("query", "{ areas { totalCount } }"), "1", Locale.GERMAN);
    }

    /** Blocks for a second while being subscribed to, then answers. */
    private static final WebGraphQlInterceptor.Chain BLOCKING = request -> Mono.defer(() -> {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
                ExecutionResult.newExecutionResult().data(Map.of("areas", Map.of("totalCount", 1))).build())));
    });

    @Test
    void answersWithTheTimeoutErrorWhileTheExecutionStillBlocks() {
        try (RequestTimeout timeout = new RequestTimeout(Duration.ofMillis(100))) {
            long start = System.nanoTime();
            WebGraphQlResponse response = timeout.intercept(REQUEST, BLOCKING).block();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).isLessThan(800);
            assertThat(response).isNotNull();
            assertThat(response.getErrors()).singleElement().satisfies(error -> {
                assertThat(error.getMessage()).startsWith("Die Anfrage hat das Zeitlimit von 100 ms überschritten");
                assertThat(error.getErrorType().toString()).isEqualTo("TIMEOUT");
                assertThat(error.getExtensions()).containsEntry("limit", "REQUEST_TIMEOUT").containsEntry("maximum", 100L);
            });
            assertThat(response.toMap()).containsOnlyKeys("errors");
        }
    }

    @Test
    void cancelsTheExecutionSoThatNoFurtherFieldStarts() throws InterruptedException {
        java.util.concurrent.CountDownLatch checked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        WebGraphQlInterceptor.Chain execution = request -> Mono.defer(() -> {
            graphql.ExecutionInput input = request.toExecutionInput();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancelled.set(input.isCancelled());
            checked.countDown();
            return Mono.empty();
        });
        try (RequestTimeout timeout = new RequestTimeout(Duration.ofMillis(100))) {
            assertThat(timeout.intercept(request(), execution).block()).isNotNull();
            assertThat(checked.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(cancelled).isTrue();
        }
    }

    @Test
    void reactorsTimeoutAloneWaitsForASynchronousExecution() {
        long start = System.nanoTime();
        BLOCKING.next(REQUEST).timeout(Duration.ofMillis(100), Mono.empty()).block();
        assertThat((System.nanoTime() - start) / 1_000_000).as("why RequestTimeout moves the execution").isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void passesAnAnswerInTime() {
        try (RequestTimeout timeout = new RequestTimeout(Duration.ofSeconds(5))) {
            WebGraphQlResponse response = timeout.intercept(REQUEST, BLOCKING).block();
            assertThat(response).isNotNull();
            assertThat(response.getErrors()).isEmpty();
            assertThat((Object) response.getData()).isEqualTo(Map.of("areas", Map.of("totalCount", 1)));
        }
    }
}
