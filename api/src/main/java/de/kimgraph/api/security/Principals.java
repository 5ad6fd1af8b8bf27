package de.kimgraph.api.security;

import de.kimgraph.queries.access.Principal;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.BatchLoaderEnvironment;

/**
 * The caller of a GraphQL request, put into the {@link GraphQLContext} when the request arrives (from the
 * verified token) and read by every data fetcher and batch loader, so that nested fields apply the same rule as
 * the root field.
 */
public final class Principals {

    private Principals() {
    }

    public static Principal of(DataFetchingEnvironment env) {
        return of(env.getGraphQlContext());
    }

    public static Principal of(BatchLoaderEnvironment env) {
        return env.getContext() instanceof GraphQLContext context ? of(context) : Principal.SYSTEM;
    }

    /**
     * The caller of a request outside GraphQL (the REST exports), from the security context.
     */
    public static Principal current() {
        // TODO(issue 4, security core): read the verified token from the security context; until then the service.
        return Principal.SYSTEM;
    }

    static Principal of(GraphQLContext context) {
        // TODO(issue 4, security core): absent principal becomes an error once the token filter is in place.
        Principal principal = context.get(Principal.class);
        return principal == null ? Principal.SYSTEM : principal;
    }
}
