package de.kimgraph.api.limits;

import java.util.ArrayList;
import java.util.List;

import graphql.execution.instrumentation.Instrumentation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/** Puts the limits of {@link LimitsProperties} in place. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitsProperties.class)
class LimitsConfiguration {

    @Bean
    Instrumentation queryLimits(LimitsProperties limits) {
        return new QueryLimits(new OperationCost(limits));
    }

    /** Innermost interceptor: the timeout counts the execution, not the checks of the token before it. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebGraphQlInterceptor requestTimeout(LimitsProperties limits) {
        return new RequestTimeout(limits.requestTimeout());
    }

    /** Every transaction of the service (reads, mutations) gets the database timeout; Neo4j ends it after that. */
    @Bean
    TransactionManagerCustomizer<AbstractPlatformTransactionManager> databaseTimeout(LimitsProperties limits) {
        int seconds = (int) Math.max(1, limits.databaseTimeout().toSeconds());
        return transactionManager -> transactionManager.setDefaultTimeout(seconds);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    DataFetcherExceptionResolver databaseTimeouts(LimitsProperties limits) {
        return new DatabaseTimeouts(limits.databaseTimeout());
    }

    @Bean
    PersistedQueries persistedQueries(LimitsProperties limits, ResourcePatternResolver resolver) {
        List<String> locations = new ArrayList<>(limits.persistedQueries());
        if (limits.persistedQueriesDir() != null && !limits.persistedQueriesDir().isBlank()) {
            locations.add("file:" + limits.persistedQueriesDir().replaceAll("/+$", "") + "/*.graphql");
        }
        return new PersistedQueries(PersistedQueries.load(resolver, locations), limits.persistedOnlyRoles());
    }

    @Bean
    GraphQlSourceBuilderCustomizer persistedQueriesProvider(PersistedQueries persistedQueries) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(persistedQueries));
    }

    /** After the security filters (order -100), so that callers without a token are turned away unread. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(LimitsProperties limits,
                                                              @Value("${spring.graphql.http.path:/graphql}") String path) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(path, limits.maxRequestBody().toBytes()));
        registration.addUrlPatterns(path);
        registration.setOrder(0);
        return registration;
    }
}
