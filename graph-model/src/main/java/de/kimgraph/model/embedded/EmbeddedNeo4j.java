package de.kimgraph.model.embedded;

import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.Config;
import org.neo4j.driver.Logging;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Neo4j (Community) running inside this JVM, reachable over Bolt on localhost only and without
 * authentication. It is the embedded default for local runs and tests; production points the driver at a
 * server, cluster or Aura instead. {@link #close()} shuts it down, which also ends the non-daemon threads Neo4j
 * starts, so callers must close it through their lifecycle.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final DatabaseManagementService dbms;
    private final String boltUri;

    private EmbeddedNeo4j(DatabaseManagementService dbms, String boltUri) {
        this.dbms = dbms;
        this.boltUri = boltUri;
    }

    /**
     * Starts Neo4j with its store in {@code directory}.
     *
     * @param boltPort the Bolt port on 127.0.0.1, or 0 for a free one
     */
    public static EmbeddedNeo4j start(Path directory, int boltPort) {
        long started = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(directory)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(512))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                .build();
        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        int port = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
        String uri = "bolt://127.0.0.1:" + port;
        LOG.info("In-process Neo4j started at {} with its store in {} ({} ms)", uri, directory,
                (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedNeo4j(dbms, uri);
    }

    public String boltUri() {
        return boltUri;
    }

    /**
     * Driver settings for kim-graph's own tools (command line, tests, benchmarks): a logging adapter that checks the
     * level before it formats. The driver's default (6.2, {@code Logging.systemLogging()}) formats every debug
     * message, query parameters included, before it asks whether debug is on; on a 100,000-row import that was 12 %
     * of the CPU samples while writing (BENCHMARKS.md). The service configures its driver the same way
     * ({@code DriverLogging} in the api module).
     */
    @SuppressWarnings("deprecation")
    public static Config driverConfig() {
        return Config.builder().withLogging(Logging.javaUtilLogging(java.util.logging.Level.WARNING)).build();
    }

    @Override
    public void close() {
        dbms.shutdown();
        LOG.info("In-process Neo4j stopped");
    }
}
