package de.kimgraph.model.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.kimgraph.model.bootstrap.GraphBootstrap;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The same bootstrap against a Neo4j server in a container (Neo4j 2026.x), where Docker is present. Machines
 * without a Docker engine skip it with that reason; the in-process Neo4j covers everything else.
 */
class Neo4jContainerTest {

    @Test
    void bootstrapsAServerInAContainer() {
        assumeTrue(dockerAvailable(), "Docker is not available on this machine (no Docker engine); "
                + "the Testcontainers Neo4j test is skipped, the in-process Neo4j runs all other tests");
        try (Neo4jContainer neo4j = new Neo4jContainer("neo4j:2026.08.1").withoutAuthentication()) {
            neo4j.start();
            try (Driver driver = GraphDatabase.driver(neo4j.getBoltUrl(), AuthTokens.none())) {
                GraphBootstrap.run(driver, true);
                long municipalities = driver.executableQuery("""
                        MATCH (m:Area {municipality: true})-[:PART_OF*1..3]->(:Area {ars: '050000000000'})
                        RETURN count(DISTINCT m) AS n""").execute().records().getFirst().get("n").asLong();
                assertThat(municipalities).isEqualTo(396);
            }
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
