package de.kimgraph.api.graph;

import java.time.LocalDate;

import graphql.schema.DataFetchingEnvironment;

/** The reference date of a query, handed from the root field down to every nested link as local context. */
record QueryContext(LocalDate asOf) {

    static LocalDate asOf(DataFetchingEnvironment env) {
        return env.getLocalContext() instanceof QueryContext context ? context.asOf() : LocalDate.now();
    }
}
