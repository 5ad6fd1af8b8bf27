package de.kimgraph.api.neo4j;

import de.kimgraph.model.bootstrap.GraphBootstrap;
import org.neo4j.driver.Driver;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Applies the migrations and loads the reference data (and the demo district) while the context starts, so the
 * HTTP port only opens on a ready graph. The demo is loaded by default on the embedded Neo4j only;
 * {@code kimgraph.demo=true|false} decides explicitly.
 */
@Component
public class GraphReady {

    private final boolean demo;

    GraphReady(Driver driver, Environment environment) {
        String configured = environment.getProperty("kimgraph.demo", "");
        this.demo = configured.isBlank() ? EmbeddedNeo4jCondition.embedded(environment) : Boolean.parseBoolean(configured);
        GraphBootstrap.run(driver, demo);
    }

    public boolean demoLoaded() {
        return demo;
    }
}
