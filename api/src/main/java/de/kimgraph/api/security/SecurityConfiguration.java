package de.kimgraph.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The service is an OAuth2 resource server: {@code /graphql}, the schema, the exports and the imports need a valid
 * bearer JWT (issuer and JWK set from {@code spring.security.oauth2.resourceserver.jwt.*}, or the local development
 * issuer); the GraphiQL page, the network map ({@code /karte/**}, static files; its GraphQL calls carry the token),
 * their scripts, health, the development token endpoints and the empty import templates
 * ({@code /templates/**}, which hold no data) are open. No sessions,
 * no cookies, so no CSRF token is needed. A rejected request gets 401 (no or bad token) or 403 with a short
 * JSON body in German and English, and the {@code WWW-Authenticate} header of RFC 6750.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties,
            ObjectProvider<JwtDecoder> decoders) throws Exception {
        JwtDecoder decoder = decoders.getIfAvailable();
        if (decoder == null) {
            throw new IllegalStateException("Kein Token-Aussteller konfiguriert (no token issuer configured): set"
                    + " spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri) to your identity"
                    + " provider, or kimgraph.security.dev-issuer=true for local development.");
        }
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/graphiql", "/graphiql/**", "/karte", "/karte/**", "/webjars/**",
                                "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/dev/**",
                                "/templates/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new TokenPrincipals(properties)))
                        .authenticationEntryPoint((request, response, e) -> {
                            bearer.commence(request, response, e);
                            body(response, "UNAUTHORIZED", "Anmeldung erforderlich: gültiges Bearer-Token fehlt oder"
                                    + " ist ungültig (authentication required: a valid bearer token is missing or invalid). "
                                    + e.getMessage());
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            denied.handle(request, response, e);
                            body(response, "FORBIDDEN", "Keine Berechtigung (forbidden).");
                        }));
        return http.build();
    }

    @Bean
    @Conditional(DevIssuerCondition.class)
    JwtDecoder devIssuerJwtDecoder(DevIssuer issuer) {
        return issuer.decoder();
    }

    private static void body(HttpServletResponse response, String classification, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
        response.getWriter().write("{\"errors\":[{\"message\":\"" + escaped + "\",\"extensions\":{\"classification\":\""
                + classification + "\",\"status\":" + response.getStatus() + "}}]}");
    }

}
