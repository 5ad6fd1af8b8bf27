package de.kimgraph.api.neo4j;

import org.neo4j.driver.Logging;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The driver logs through SLF4J, like the rest of the service. Its default adapter (driver 6.2,
 * {@code Logging.systemLogging()}) formats every debug message, query and parameters included, before it asks
 * whether debug is on; the SLF4J adapter asks first (BENCHMARKS.md, import profile).
 */
@Configuration(proxyBeanMethods = false)
class DriverLogging {

    @Bean
    @SuppressWarnings("deprecation")
    ConfigBuilderCustomizer slf4jDriverLogging() {
        return builder -> builder.withLogging(Logging.slf4j());
    }
}
