package de.kimgraph.api.web;

import de.kimgraph.api.neo4j.GraphReady;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Tells the person who started the service where to go, once the port is open. */
@Component
class ReadyBanner implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ReadyBanner.class);

    private final GraphReady graph;

    ReadyBanner(GraphReady graph) {
        this.graph = graph;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        int port = event.getWebServer().getPort();
        LOG.info("""

                ==> kim-graph bereit (ready){}
                    GraphiQL: http://localhost:{}/graphiql
                    GraphQL:  POST http://localhost:{}/graphql
                    Schema:   http://localhost:{}/graphql/schema
                    Noch ohne Anmeldung, nur auf localhost (no authentication yet, localhost only; issue 4).""",
                graph.demoLoaded() ? " mit Demo-Kreis Auental (fiktiv)" : "", port, port, port);
    }
}
