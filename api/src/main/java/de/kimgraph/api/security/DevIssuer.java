package de.kimgraph.api.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * The local development issuer: an RSA key pair made at start (never stored), which signs tokens for any role
 * and tenant on request, and the decoder that accepts exactly those tokens. It exists only for the local run and
 * the tests ({@link DevIssuerCondition}); it refuses to start when the service listens on anything but the
 * loopback interface, since whoever reaches it can mint any token.
 */
@Component
@Conditional(DevIssuerCondition.class)
public class DevIssuer {

    public static final String ISSUER = "urn:kim-graph:dev-issuer";

    private final RSAKey key;
    private final NimbusJwtEncoder encoder;
    private final SecurityProperties properties;

    DevIssuer(SecurityProperties properties, Environment environment) {
        requireLoopback(environment.getProperty("server.address", ""));
        this.properties = properties;
        KeyPair pair = generate();
        this.key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    }

    /** A signed token for the principal, valid for {@code ttl}. */
    public String mint(Principal principal, Duration ttl) {
        return mint(principal, Instant.now(), ttl);
    }

    /** A token issued at {@code now} (tests make expired ones). */
    String mint(Principal principal, Instant now, Duration ttl) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(ISSUER).subject(principal.subject()).issuedAt(now)
                .expiresAt(now.plus(ttl)).id(UUID.randomUUID().toString())
                .claim(properties.rolesClaim(), principal.roles().stream().map(AccessRole::name).toList());
        if (principal.tenant() != null) {
            claims.claim(properties.tenantClaim(), principal.tenant());
        }
        if (principal.organisation() != null) {
            claims.claim(properties.organisationClaim(), principal.organisation());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    public String mint(Principal principal) {
        return mint(principal, properties.devTtl());
    }

    /** A development principal for one role in a tenant (the demo district by default). */
    public Principal principal(AccessRole role, String tenant, String organisation) {
        boolean tenantless = role == AccessRole.STATE || role == AccessRole.ADMIN;
        return new Principal("dev-" + role.name().toLowerCase(java.util.Locale.ROOT), tenantless ? null : tenant,
                java.util.EnumSet.of(role), role == AccessRole.PARTNER ? organisation : null);
    }

    public SecurityProperties properties() {
        return properties;
    }

    /** The public key as a JWK set, for tools that verify tokens themselves. */
    public Map<String, Object> jwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    JwtDecoder decoder() {
        try {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
            return decoder;
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireLoopback(String address) {
        try {
            if (!address.isBlank() && InetAddress.getByName(address).isLoopbackAddress()) {
                return;
            }
        } catch (UnknownHostException e) {
            // fall through
        }
        throw new IllegalStateException("Der Entwicklungs-Aussteller (kimgraph.security.dev-issuer) läuft nur, wenn der"
                + " Dienst auf localhost lauscht (server.address=" + address + "). The development issuer only runs on"
                + " a loopback address; set kimgraph.security.dev-issuer=false and configure"
                + " spring.security.oauth2.resourceserver.jwt.issuer-uri for a real identity provider.");
    }

    static List<AccessRole> roles() {
        return List.of(AccessRole.values());
    }
}
