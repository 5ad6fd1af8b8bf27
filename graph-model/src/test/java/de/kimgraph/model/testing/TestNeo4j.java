package de.kimgraph.model.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import de.kimgraph.model.bootstrap.GraphBootstrap;
import de.kimgraph.model.embedded.EmbeddedNeo4j;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The one Neo4j all tests of a JVM share, declared once: the server named by {@code NEO4J_URI} (with
 * {@code NEO4J_USERNAME}/{@code NEO4J_PASSWORD}) when set, otherwise an in-process Neo4j in a temporary
 * directory. Reference data and the demo district are loaded once; tests that write use their own keys and
 * remove what they wrote. The Testcontainers variant lives in {@code Neo4jContainerTest}, which runs where
 * Docker is present.
 */
public final class TestNeo4j {

    private static TestNeo4j instance;

    private final String uri;
    private final AuthToken auth;
    private final Driver driver;
    private boolean demoLoaded;

    private TestNeo4j(String uri, AuthToken auth) {
        this.uri = uri;
        this.auth = auth;
        this.driver = GraphDatabase.driver(uri, auth, de.kimgraph.model.embedded.EmbeddedNeo4j.driverConfig());
        this.driver.verifyConnectivity();
    }

    public static synchronized TestNeo4j get() {
        if (instance == null) {
            String external = System.getenv("NEO4J_URI");
            if (external != null && !external.isBlank()) {
                String user = System.getenv().getOrDefault("NEO4J_USERNAME", "neo4j");
                String password = System.getenv().getOrDefault("NEO4J_PASSWORD", "");
                instance = new TestNeo4j(external, password.isEmpty() ? AuthTokens.none()
                        : AuthTokens.basic(user, password));
            } else {
                instance = embedded();
            }
        }
        return instance;
    }

    private static TestNeo4j embedded() {
        try {
            Path directory = Files.createTempDirectory("kim-graph-test-neo4j");
            EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(directory, 0);
            TestNeo4j test = new TestNeo4j(neo4j.boltUri(), AuthTokens.none());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                test.driver.close();
                neo4j.close();
                delete(directory);
            }, "test-neo4j-shutdown"));
            return test;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Migrations, reference data and the demo district, loaded once per JVM. */
    public synchronized TestNeo4j withDemo() {
        if (!demoLoaded) {
            GraphBootstrap.run(driver, true);
            demoLoaded = true;
        }
        return this;
    }

    /**
     * Loads a {@code kim-graph/1} fixture from the classpath (e.g. {@code /fixtures/coverage-geduldete.json}).
     * Fixtures own a tenant of their own; {@link #deleteTenant} removes them again.
     */
    public de.kimgraph.model.dataset.LoadResult load(String resource) {
        try (java.io.InputStream in = TestNeo4j.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + resource);
            }
            return new de.kimgraph.model.dataset.DatasetLoader(driver)
                    .load(de.kimgraph.model.dataset.DatasetParser.parse(resource, in));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Removes every node (with its relationships) owned by {@code tenant}. */
    public void deleteTenant(String tenant) {
        for (de.kimgraph.model.spec.NodeSpec node : de.kimgraph.model.spec.GraphSpec.nodes()) {
            driver.executableQuery("MATCH (n:`%s` {tenant: $tenant}) DETACH DELETE n".formatted(node.label()))
                    .withParameters(java.util.Map.of("tenant", tenant)).execute();
        }
    }

    public Driver driver() {
        return driver;
    }

    public String uri() {
        return uri;
    }

    public AuthToken auth() {
        return auth;
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: it is a temporary directory
        }
    }
}
