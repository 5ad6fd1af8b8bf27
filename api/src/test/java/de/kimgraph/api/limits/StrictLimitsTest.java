package de.kimgraph.api.limits;

import static de.kimgraph.api.limits.LimitsTest.onlyError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import de.kimgraph.api.ApiTest;
import de.kimgraph.queries.access.AccessRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The limits that need a configuration of their own, in the one extra Spring context of the limit tests:
 * introspection off (as in the prod profile), a request timeout of 10 s, a database timeout of 3 s, and dashboards
 * restricted to the allow-listed documents.
 */
@TestPropertySource(properties = {
        "spring.graphql.schema.introspection.enabled=false",
        "kimgraph.limits.request-timeout=10s",
        "kimgraph.limits.database-timeout=3s",
        "kimgraph.limits.persisted-only-roles=DASHBOARD"})
class StrictLimitsTest extends ApiTest {

    private static final String DEMO = "999990000000";
    private static boolean warm;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Neo4jClient neo4j;

    /** One request first, so that the first test of this context does not pay for a cold JVM within 10 s. */
    @BeforeEach
    void warmUp() {
        if (!warm) {
            graphQl().post("{ area(key: \"" + DEMO + "\") { name } }", Map.of());
            warm = true;
        }
    }

    @Test
    void introspectionCanBeSwitchedOff() {
        JsonNode error = onlyError(graphQl().post("{ __schema { queryType { name } } }", Map.of()));
        assertThat(error.get("message").asString()).contains("Introspection has been disabled");
        assertThat(onlyError(graphQl().post("{ __type(name: \"Actor\") { name } }", Map.of()))
                .get("message").asString()).contains("Introspection has been disabled");
        assertThat(graphQl().post("{ __typename area(key: \"" + DEMO + "\") { name } }", Map.of())
                .at("/data/__typename").asString()).isEqualTo("Query");
    }

    @Test
    void theDatabaseEndsARunawayCypherAtTheDatabaseTimeout() {
        assertThat(transactionManager).isInstanceOfSatisfying(AbstractPlatformTransactionManager.class,
                manager -> assertThat(manager.getDefaultTimeout()).isEqualTo(3));
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> readOnly.execute(status -> neo4j
                .query("UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n")
                .fetchAs(Long.class).one()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(thrown).as("killed").isNotNull();
        assertThat(DatabaseTimeouts.timedOut(thrown)).as("%s", thrown).isTrue();
        assertThat(millis).as("ms until killed").isBetween(2_900L, 15_000L);
        assertThat(DatabaseTimeouts.error(java.time.Duration.ofSeconds(3)).error().toSpecification().toString())
                .contains("Die Datenbankabfrage hat das Zeitlimit von 3000 ms überschritten", "DATABASE_TIMEOUT",
                        "TIMEOUT");
    }

    @Test
    void theRequestTimeoutEndsALongOperationWithAClearError() {
        // 330 duplicate analyses (cost 36,630 and 990 fields, within the limits), each of them some 100 ms on the
        // demo district, so well over 10 s in all even on a fast machine (400 network-health analyses, 20 ms each,
        // once finished in 9 s).
        String many = IntStream.range(0, 330)
                .mapToObj(i -> "d" + i + ": duplicateStructures(area: \"" + DEMO + "\", asOf: \"2026-12-01\") { findings { kind } }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        long start = System.nanoTime();
        JsonNode error = onlyError(graphQl().post(many, Map.of()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(error.at("/extensions/limit").asString()).isEqualTo("REQUEST_TIMEOUT");
        assertThat(error.at("/extensions/classification").asString()).isEqualTo("TIMEOUT");
        assertThat(error.at("/extensions/maximum").asLong()).isEqualTo(10_000);
        assertThat(error.at("/extensions/actual").asLong()).isGreaterThanOrEqualTo(10_000);
        assertThat(error.get("message").asString()).startsWith("Die Anfrage hat das Zeitlimit von 10000 ms überschritten");
        // The field running at the timeout finishes in the background (its transaction within 3 s).
        assertThat(millis).as("answered at the timeout, not after all 330").isBetween(10_000L, 14_000L);

        // The other fields were cancelled: once the running one is done, the database is idle, where the
        // remaining analyses would keep it busy for many seconds.
        sleep(3_500);
        for (int sample = 0; sample < 10; sample++) {
            assertThat(runningTransactions()).as("transactions of the service, sample %s", sample).isZero();
            sleep(150);
        }
    }

    private long runningTransactions() {
        return driver.executableQuery("SHOW TRANSACTIONS YIELD currentQuery "
                + "WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN count(*) AS n")
                .execute().records().getFirst().get("n").asLong();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aDashboardRunsAllowListedDocumentsOnly() throws IOException {
        String text = new ClassPathResource(LimitsTest.COUNTS).getContentAsString(StandardCharsets.UTF_8);
        String hash = PersistedQueries.sha256(text.getBytes(StandardCharsets.UTF_8));
        RawHttp dashboard = new RawHttp(port).header("Authorization", "Bearer " + token(as(AccessRole.DASHBOARD, DEMO)));

        JsonNode byHash = dashboard.graphQl(Map.of("variables", Map.of("area", DEMO),
                "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)))).json();
        assertThat(byHash.has("errors")).as("%s", byHash).isFalse();
        assertThat(byHash.at("/data/services")).hasSize(9);
        JsonNode byText = dashboard.graphQl(Map.of("query", text, "variables", Map.of("area", DEMO))).json();
        assertThat(byText.get("data")).isEqualTo(byHash.get("data"));

        JsonNode error = onlyError(dashboard.graphQl(Map.of("query", "{ actors { totalCount } }")).json());
        assertThat(error.at("/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(error.at("/extensions/code").asString()).isEqualTo("PERSISTED_QUERY_REQUIRED");
        assertThat(error.get("message").asString()).contains("nur freigegebene");
        JsonNode unknown = onlyError(dashboard.graphQl(Map.of("query", "{ actors { totalCount } }",
                "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash",
                        PersistedQueries.sha256("{ actors { totalCount } }".getBytes(StandardCharsets.UTF_8)))))).json());
        assertThat(unknown.at("/extensions/code").asString()).isEqualTo("PERSISTED_QUERY_REQUIRED");

        JsonNode coordinator = graphQl(as(AccessRole.COORDINATOR, DEMO)).post("{ actors { totalCount } }", Map.of());
        assertThat(coordinator.at("/data/actors/totalCount").asInt()).isPositive();
    }
}
