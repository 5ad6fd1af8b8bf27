package de.kimgraph.api.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified JWT into the request's {@link Principal}: {@code sub}, the tenant claim (a 12-digit ARS),
 * the roles claim (a list or a space-separated string of {@link AccessRole} names) and, for {@code PARTNER}, the
 * organisation claim (an Actor key). A token whose claims do not make a valid principal is rejected like an
 * invalid token (401), naming the claim.
 */
final class TokenPrincipals implements Converter<Jwt, TokenPrincipals.Authentication> {

    /** The authentication of a request: the token and the principal read from it. */
    static final class Authentication extends JwtAuthenticationToken {

        private final Principal principal;

        Authentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Principal principal) {
            super(jwt, authorities, principal.subject());
            this.principal = principal;
        }

        Principal kimPrincipal() {
            return principal;
        }
    }

    private final SecurityProperties properties;

    TokenPrincipals(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public Authentication convert(Jwt jwt) {
        Principal principal = principal(jwt);
        List<GrantedAuthority> authorities = principal.roles().stream()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        return new Authentication(jwt, authorities, principal);
    }

    Principal principal(Jwt jwt) {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > 200) {
            throw invalid("Claim sub fehlt oder ist länger als 200 Zeichen (claim sub is missing or too long).");
        }
        Set<AccessRole> roles = roles(claim(jwt.getClaims(), properties.rolesClaim()));
        String tenant = text(jwt, properties.tenantClaim());
        if (tenant != null && !tenant.matches("\\d{12}")) {
            throw invalid("Claim " + properties.tenantClaim() + " muss ein 12-stelliger Regionalschlüssel sein"
                    + " (claim " + properties.tenantClaim() + " must be a 12-digit ARS): " + abbreviate(tenant));
        }
        boolean needsTenant = roles.stream().anyMatch(r -> r != AccessRole.STATE && r != AccessRole.ADMIN);
        if (needsTenant && tenant == null) {
            throw invalid("Claim " + properties.tenantClaim() + " fehlt; die Rollen " + roles + " brauchen einen Mandanten"
                    + " (claim " + properties.tenantClaim() + " is missing; roles " + roles + " need a tenant).");
        }
        String organisation = text(jwt, properties.organisationClaim());
        if (roles.contains(AccessRole.PARTNER) && organisation == null) {
            throw invalid("Claim " + properties.organisationClaim() + " fehlt; PARTNER braucht den Schlüssel der eigenen"
                    + " Organisation (claim " + properties.organisationClaim() + " is missing; PARTNER needs its"
                    + " organisation's key).");
        }
        if (organisation != null && (organisation.length() > 200 || !organisation.matches("[\\p{L}\\p{N}._:-]+"))) {
            throw invalid("Claim " + properties.organisationClaim() + " ist kein gültiger Schlüssel (is not a valid key).");
        }
        return new Principal(subject, tenant, roles, organisation);
    }

    private Set<AccessRole> roles(@Nullable Object claim) {
        List<?> values = switch (claim) {
            case null -> List.of();
            case Collection<?> c -> List.copyOf(c);
            case String s -> List.of(s.trim().split("\\s+"));
            default -> List.of(claim);
        };
        Set<AccessRole> roles = EnumSet.noneOf(AccessRole.class);
        for (Object value : values) {
            String name = String.valueOf(value).strip().toUpperCase(java.util.Locale.ROOT);
            try {
                roles.add(AccessRole.valueOf(name));
            } catch (IllegalArgumentException ignored) {
                // Roles of other applications in the same identity provider are not ours.
            }
        }
        if (roles.isEmpty()) {
            throw invalid("Claim " + properties.rolesClaim() + " enthält keine kim-graph-Rolle (" + List.of(AccessRole.values())
                    + ") (claim " + properties.rolesClaim() + " holds no kim-graph role).");
        }
        return roles;
    }

    private static @Nullable String text(Jwt jwt, String name) {
        Object value = claim(jwt.getClaims(), name);
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).strip();
    }

    /** A claim by name, a dotted name reading nested objects. */
    static @Nullable Object claim(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value != null || !name.contains(".")) {
            return value;
        }
        Object current = claims;
        for (String part : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static OAuth2AuthenticationException invalid(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
