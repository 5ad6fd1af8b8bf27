package de.kimgraph.api.security;

import de.kimgraph.api.neo4j.EmbeddedNeo4jCondition;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** {@code kimgraph.security.dev-issuer}, or when unset: on with the embedded Neo4j (the local run), off otherwise. */
class DevIssuerCondition implements Condition {

    static boolean enabled(Environment environment) {
        String value = environment.getProperty("kimgraph.security.dev-issuer", "");
        return value.isBlank() ? EmbeddedNeo4jCondition.embedded(environment) : Boolean.parseBoolean(value);
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return enabled(context.getEnvironment());
    }
}
