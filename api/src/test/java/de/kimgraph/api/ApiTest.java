package de.kimgraph.api;

import de.kimgraph.model.testing.TestNeo4j;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP tests: the whole service on a random port against the shared test Neo4j (in-process, or
 * {@code NEO4J_URI}), with the reference data and the demo district loaded once. One Spring context for all
 * subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected org.neo4j.driver.Driver driver;

    @DynamicPropertySource
    static void neo4j(DynamicPropertyRegistry registry) {
        TestNeo4j neo4j = TestNeo4j.get().withDemo();
        registry.add("spring.neo4j.uri", neo4j::uri);
        registry.add("kimgraph.demo", () -> "true");
    }

    protected GraphQlHttp graphQl() {
        return new GraphQlHttp("http://localhost:" + port + "/graphql");
    }

    protected long count(String cypher) {
        return driver.executableQuery(cypher).execute().records().getFirst().get(0).asLong();
    }
}
