package de.kimgraph.api.warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.stereotype.Component;

/**
 * Warms Neo4j's query plan cache after start-up. Planning the service's larger Cypher statements takes seconds the
 * first time (each read rule gives its own statement text), which would otherwise hit the first user of each
 * question: measured on one synthetic Kreis, the first call of an analytic question took 3–12 s, the next ones
 * 40–180 ms (BENCHMARKS.md). The warm-up runs the documents in {@code classpath:warmup/} once per read-rule shape
 * (operator, coordinator, dashboard) for one tenant that has data, through the same GraphQL execution as a
 * request, in a background thread once the service is ready: the port is open meanwhile. Off with
 * {@code kimgraph.warmup.enabled=false}.
 */
@Component
public class PlanWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(PlanWarmUp.class);
    private static final List<String> DOCUMENTS = List.of("entities", "analytics");

    /** One warm-up request: the role, the document, how long it took and its errors (empty when it worked). */
    public record Outcome(AccessRole role, String document, long millis, List<String> errors) {
    }

    private final ExecutionGraphQlService graphQl;
    private final Driver driver;
    private final boolean enabled;

    PlanWarmUp(ExecutionGraphQlService graphQl, Driver driver,
               @Value("${kimgraph.warmup.enabled:true}") boolean enabled) {
        this.graphQl = graphQl;
        this.driver = driver;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (enabled) {
            Thread.ofVirtual().name("plan-warm-up").start(() -> {
                try {
                    run();
                } catch (RuntimeException e) {
                    LOG.warn("Warm-up of the query plans failed: {}", e.getMessage());
                }
            });
        }
    }

    /** Runs the warm-up now (in the calling thread); empty when no tenant has data yet. */
    public List<Outcome> run() {
        long started = System.nanoTime();
        String tenant = tenantWithData();
        if (tenant == null) {
            LOG.info("Warm-up skipped: no tenant has actors yet");
            return List.of();
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (AccessRole role : List.of(AccessRole.ADMIN, AccessRole.COORDINATOR, AccessRole.DASHBOARD)) {
            Principal principal = new Principal("warm-up", role == AccessRole.ADMIN ? null : tenant, EnumSet.of(role),
                    null);
            for (String document : DOCUMENTS) {
                long t = System.nanoTime();
                List<String> errors = execute(document, principal, Map.of("area", tenant, "tenant", tenant));
                outcomes.add(new Outcome(role, document, (System.nanoTime() - t) / 1_000_000, errors));
            }
        }
        long failed = outcomes.stream().filter(o -> !o.errors().isEmpty()).count();
        LOG.info("Query plans warmed for tenant {}: {} requests in {} ms{}", tenant, outcomes.size(),
                (System.nanoTime() - started) / 1_000_000, failed == 0 ? "" : " (" + failed + " with errors)");
        outcomes.stream().filter(o -> !o.errors().isEmpty()).forEach(o -> LOG.warn("Warm-up {} as {}: {}",
                o.document(), o.role(), o.errors()));
        return outcomes;
    }

    private List<String> execute(String document, Principal principal, Map<String, Object> variables) {
        var request = new DefaultExecutionGraphQlRequest(load(document), null, new LinkedHashMap<>(variables), null,
                UUID.randomUUID().toString(), null);
        request.configureExecutionInput((input, builder) -> {
            input.getGraphQLContext().put(Principal.class, principal);
            return input;
        });
        ExecutionGraphQlResponse response = graphQl.execute(request).block();
        if (response == null) {
            return List.of("no response");
        }
        return response.getErrors().stream().map(e -> e.getPath() + ": " + e.getMessage()).toList();
    }

    /**
     * The Kreis or kreisfreie Stadt with the fewest actors (at least 20, so that every statement has rows to work
     * on): a plan is cached by the statement's text, the same for every tenant, and the smallest tenant runs the
     * documents fastest (on all of NRW the largest, Köln, took 12 minutes for the six requests).
     */
    private @Nullable String tenantWithData() {
        var records = driver.executableQuery("""
                MATCH (a:Actor) WHERE a.tenant IS NOT NULL
                WITH a.tenant AS tenant, count(*) AS actors WHERE actors >= 20
                MATCH (k:Area {key: tenant}) WHERE k.level IN ['DISTRICT', 'DISTRICT_FREE_CITY']
                RETURN tenant ORDER BY actors ASC LIMIT 1""").execute().records();
        return records.isEmpty() ? null : records.getFirst().get("tenant").asString();
    }

    private static String load(String document) {
        try (InputStream in = PlanWarmUp.class.getResourceAsStream("/warmup/" + document + ".graphql")) {
            if (in == null) {
                throw new IllegalStateException("No warm-up document " + document);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
