package de.kimgraph.api.neo4j;

import java.net.URI;
import java.nio.file.Path;

import de.kimgraph.model.embedded.EmbeddedNeo4j;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.AuthToken;

/**
 * The embedded default: when no Neo4j URI is configured, an in-process Neo4j is started with its store in
 * {@code kimgraph.embedded.data-dir} and the driver is pointed at it. It is closed with the application context,
 * which also ends Neo4j's non-daemon threads.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedNeo4jCondition.class)
class EmbeddedNeo4jConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedNeo4j embeddedNeo4j(@Value("${kimgraph.embedded.data-dir}") Path dataDir,
                                @Value("${kimgraph.embedded.bolt-port:0}") int boltPort) {
        return EmbeddedNeo4j.start(dataDir.toAbsolutePath(), boltPort);
    }

    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j neo4j) {
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return URI.create(neo4j.boltUri());
            }

            @Override
            public AuthToken getAuthToken() {
                return AuthTokens.none();
            }
        };
    }
}
