package de.kimgraph.api.security;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kimgraph.security.*}: which token claims carry tenant, roles and organisation, and the local
 * development issuer.
 *
 * @param devIssuer {@code true} starts the built-in development issuer; unset = on exactly when the embedded Neo4j
 *         is used (the local two-command run); the {@code prod} profile sets {@code false}
 * @param devTenant the tenant tokens of the development issuer get by default (the demo district)
 * @param devTokenTtl lifetime of development tokens
 * @param claims claim names; a dotted name reads a nested claim (Keycloak: {@code realm_access.roles})
 */
@ConfigurationProperties("kimgraph.security")
public record SecurityProperties(@Nullable Boolean devIssuer, @Nullable String devTenant, @Nullable Duration devTokenTtl,
        @Nullable Claims claims) {

    public static final String DEMO_TENANT = "999990000000";

    public record Claims(@Nullable String tenant, @Nullable String roles, @Nullable String organisation) {
    }

    public String tenantClaim() {
        return claims != null && claims.tenant() != null ? claims.tenant() : "tenant";
    }

    public String rolesClaim() {
        return claims != null && claims.roles() != null ? claims.roles() : "roles";
    }

    public String organisationClaim() {
        return claims != null && claims.organisation() != null ? claims.organisation() : "organisation";
    }

    public String defaultDevTenant() {
        return devTenant != null ? devTenant : DEMO_TENANT;
    }

    public Duration devTtl() {
        return devTokenTtl != null ? devTokenTtl : Duration.ofHours(12);
    }
}
