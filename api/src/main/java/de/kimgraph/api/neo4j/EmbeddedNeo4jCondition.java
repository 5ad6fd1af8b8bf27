package de.kimgraph.api.neo4j;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when neither {@code NEO4J_URI} nor {@code spring.neo4j.uri} names a server. */
public class EmbeddedNeo4jCondition implements Condition {

    public static boolean embedded(org.springframework.core.env.Environment environment) {
        String uri = environment.getProperty("spring.neo4j.uri", "");
        return uri.isBlank();
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return embedded(context.getEnvironment());
    }
}
