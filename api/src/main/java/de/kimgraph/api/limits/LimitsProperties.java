package de.kimgraph.api.limits;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kimgraph.queries.access.AccessRole;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits, under {@code kimgraph.limits}. The defaults let every documented query and every test operation
 * through and stop the abusive ones (see README, "Limits").
 *
 * @param maxDepth most nested field levels of an operation ({@code actors → edges → node → services → key} is 5)
 * @param maxFields most fields of an operation, each fragment counted as often as it is spread
 * @param maxComplexity most estimated cost of an operation (see {@link OperationCost})
 * @param listSize estimated length of a list field without a page size (e.g. {@code Actor.services})
 * @param fieldWeights cost of one field by coordinates ({@code Query.coverageGaps}); others cost 1. The
 *        configured entries are added to (or replace) the defaults, which weigh the analytic root fields
 * @param maxPageSize most {@code first} of a connection field; the readers never return more than 500
 * @param maxListArgument most elements of a list argument or of a list in an input ({@code filter.keys})
 * @param maxStringArgument most characters of a string argument or input field
 * @param maxSearchArgument most characters of a search text ({@code search})
 * @param requestTimeout longest execution of one GraphQL request
 * @param databaseTimeout longest Neo4j transaction started by the service; the database kills it after that
 * @param maxRequestBody largest body of a POST to the GraphQL endpoint
 * @param persistedQueries locations of the allow-listed documents, registered by the SHA-256 of their text
 * @param persistedQueriesDir optional directory of further allow-listed {@code *.graphql} documents
 * @param persistedOnlyRoles callers holding only these roles may run allow-listed documents only
 */
@ConfigurationProperties("kimgraph.limits")
public record LimitsProperties(
        @DefaultValue("12") int maxDepth,
        @DefaultValue("1000") int maxFields,
        @DefaultValue("50000") int maxComplexity,
        @DefaultValue("10") int listSize,
        @Nullable Map<String, Integer> fieldWeights,
        @DefaultValue("500") int maxPageSize,
        @DefaultValue("500") int maxListArgument,
        @DefaultValue("10000") int maxStringArgument,
        @DefaultValue("200") int maxSearchArgument,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("20s") Duration databaseTimeout,
        @DefaultValue("100KB") DataSize maxRequestBody,
        @DefaultValue("classpath:persisted-queries/*.graphql") List<String> persistedQueries,
        @Nullable String persistedQueriesDir,
        @DefaultValue Set<AccessRole> persistedOnlyRoles) {

    /** Analytic root fields run several aggregating Cypher queries each; one costs as much as 100 plain fields. */
    static final Map<String, Integer> DEFAULT_FIELD_WEIGHTS = Map.of(
            "Query.coverageGaps", 100,
            "Query.duplicateStructures", 100,
            "Query.interfacePoints", 100,
            "Query.networkHealth", 100,
            "Query.fundingCliffs", 100,
            "Query.diff", 100,
            "Query.whoDoesWhat", 100,
            "Query.groupedCounts", 20,
            "Query.network", 50);

    public LimitsProperties {
        Map<String, Integer> weights = new LinkedHashMap<>(DEFAULT_FIELD_WEIGHTS);
        if (fieldWeights != null) {
            weights.putAll(fieldWeights);
        }
        fieldWeights = Map.copyOf(weights);
        if (maxPageSize > 500) {
            throw new IllegalArgumentException("kimgraph.limits.max-page-size may not exceed 500, the readers' own cap");
        }
        persistedQueries = List.copyOf(persistedQueries);
        persistedOnlyRoles = Set.copyOf(persistedOnlyRoles);
    }

    /** The cost of one field, without its children. */
    int weight(String typeName, String fieldName) {
        Integer weight = fieldWeights().get(typeName + "." + fieldName);
        return weight == null ? 1 : weight;
    }

    @Override
    public Map<String, Integer> fieldWeights() {
        return fieldWeights == null ? DEFAULT_FIELD_WEIGHTS : fieldWeights;
    }
}
