package de.kimgraph.api;

import java.util.EnumSet;

import de.kimgraph.api.security.DevIssuer;
import de.kimgraph.model.testing.TestNeo4j;
import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP tests: the whole service on a random port against the shared test Neo4j (in-process, or
 * {@code NEO4J_URI}), with the reference data and the demo district loaded once. One Spring context for all
 * subclasses. Requests carry real tokens signed by the development issuer's key: {@link #graphQl()} as
 * {@code ADMIN} (sees everything, as the scenario tests need), {@link #graphQl(Principal)} as anyone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected org.neo4j.driver.Driver driver;

    @Autowired
    protected DevIssuer issuer;

    @DynamicPropertySource
    static void neo4j(DynamicPropertyRegistry registry) {
        TestNeo4j neo4j = TestNeo4j.get().withDemo();
        registry.add("spring.neo4j.uri", neo4j::uri);
        registry.add("kimgraph.demo", () -> "true");
        registry.add("kimgraph.security.dev-issuer", () -> "true");
        // tests call PlanWarmUp.run() themselves; in the background it would compete with them for the CPU
        registry.add("kimgraph.warmup.enabled", () -> "false");
    }

    /** As an operator ({@code ADMIN}): reads and writes everything. */
    protected GraphQlHttp graphQl() {
        return graphQl(ADMIN);
    }

    protected GraphQlHttp graphQl(Principal principal) {
        return new GraphQlHttp("http://localhost:" + port + "/graphql", issuer.mint(principal));
    }

    /** Without a token. */
    protected GraphQlHttp anonymous() {
        return new GraphQlHttp("http://localhost:" + port + "/graphql", null);
    }

    /** A bearer token of the principal, signed by the development issuer. */
    protected String token(Principal principal) {
        return issuer.mint(principal);
    }

    protected static final Principal ADMIN = new Principal("test-admin", null, EnumSet.of(AccessRole.ADMIN), null);

    /** A principal with one role in a tenant (organisation only for PARTNER). */
    protected static Principal as(AccessRole role, String tenant, String organisation) {
        return new Principal("test-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-" + tenant, tenant,
                EnumSet.of(role), organisation);
    }

    protected static Principal as(AccessRole role, String tenant) {
        return as(role, tenant, null);
    }

    protected long count(String cypher) {
        return driver.executableQuery(cypher).execute().records().getFirst().get(0).asLong();
    }
}
