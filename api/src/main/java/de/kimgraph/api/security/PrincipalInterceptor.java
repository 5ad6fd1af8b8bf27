package de.kimgraph.api.security;

import de.kimgraph.queries.access.Principal;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the principal of the verified token into the GraphQL context of every request, where data fetchers and
 * batch loaders read it ({@link Principals}). The security filter has rejected requests without a valid token
 * before they get here.
 */
@Component
class PrincipalInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Principal principal = Principals.current();
        request.configureExecutionInput((input, builder) -> {
            input.getGraphQLContext().put(Principal.class, principal);
            return input;
        });
        return chain.next(request);
    }
}
