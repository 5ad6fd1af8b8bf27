package de.kimgraph.api.security;

import de.kimgraph.queries.access.AccessDenied;
import de.kimgraph.queries.access.Principal;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.BatchLoaderEnvironment;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller of a request. GraphQL: put into the {@link GraphQLContext} when the request arrives (from the
 * verified token) and read by every data fetcher and batch loader, so that nested fields apply the same rule as
 * the root field. REST (exports): {@link #current()} from the security context.
 */
public final class Principals {

    private Principals() {
    }

    public static Principal of(DataFetchingEnvironment env) {
        return of(env.getGraphQlContext());
    }

    public static Principal of(BatchLoaderEnvironment env) {
        if (env.getContext() instanceof GraphQLContext context) {
            return of(context);
        }
        throw unauthenticated();
    }

    public static Principal of(GraphQLContext context) {
        Principal principal = context.get(Principal.class);
        if (principal == null) {
            throw unauthenticated();
        }
        return principal;
    }

    /** The principal of the current HTTP request, from its verified token. */
    public static Principal current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof TokenPrincipals.Authentication token) {
            return token.kimPrincipal();
        }
        throw unauthenticated();
    }

    private static AccessDenied unauthenticated() {
        return new AccessDenied("Anmeldung erforderlich.", "Authentication required.");
    }
}
