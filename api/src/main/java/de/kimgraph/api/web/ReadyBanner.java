package de.kimgraph.api.web;

import de.kimgraph.api.neo4j.GraphReady;
import de.kimgraph.api.security.DevIssuer;
import de.kimgraph.queries.access.AccessRole;
import org.springframework.beans.factory.ObjectProvider;
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
    private final ObjectProvider<DevIssuer> issuer;

    ReadyBanner(GraphReady graph, ObjectProvider<DevIssuer> issuer) {
        this.graph = graph;
        this.issuer = issuer;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        int port = event.getWebServer().getPort();
        DevIssuer dev = issuer.getIfAvailable();
        String tokens = dev == null ? "    Anmeldung: Bearer-JWT des konfigurierten Ausstellers (bearer JWT of the configured issuer)."
                : """
                    Entwicklungs-Aussteller (development issuer, localhost only), Token je Rolle für %s:
                      curl -s 'http://localhost:%d/dev/token?role=COORDINATOR'   (Rollen: %s)
                      alle (all): http://localhost:%d/dev/tokens
                    COORDINATOR-Token (%d h gültig / valid):
                      Authorization: Bearer %s""".formatted(dev.properties().defaultDevTenant(), port,
                        java.util.Arrays.toString(AccessRole.values()), port, dev.properties().devTtl().toHours(),
                        dev.mint(dev.principal(AccessRole.COORDINATOR, dev.properties().defaultDevTenant(), "")))
                        .indent(4).stripTrailing();
        LOG.info("""

                ==> kim-graph bereit (ready){}
                    GraphiQL: http://localhost:{}/graphiql
                    GraphQL:  POST http://localhost:{}/graphql
                    Schema:   http://localhost:{}/graphql/schema
                {}""",
                graph.demoLoaded() ? " mit Demo-Kreis Auental (fiktiv)" : "", port, port, port, tokens);
    }
}
