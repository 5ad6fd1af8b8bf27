package de.kimgraph.queries.entity;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An entity type of the API: its GraphQL type, its label, its root fields and the Cypher predicates its list
 * filter supports. Predicates use {@code n} for the entity and the filter's parameter of the same name.
 *
 * @param kindProperty the property behind {@code filter.kind} and {@code groupedCounts(by: KIND)}
 * @param kindVocabulary the fixed vocabulary of that property
 */
public record EntityType(String typeName, String label, String singleField, String listField,
                         @Nullable String kindProperty, @Nullable String kindVocabulary,
                         Map<String, String> filters) {

    public boolean supports(String filter) {
        return filters.containsKey(filter);
    }
}
