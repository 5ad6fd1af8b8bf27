package de.kimgraph.api.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import de.kimgraph.api.ApiTest;
import de.kimgraph.api.GraphQlHttp;
import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resource server over real HTTP: which requests need a token, which tokens are accepted (signed by the
 * configured issuer's key, not expired, with claims that make a principal) and what a rejection looks like.
 */
class TokenAuthenticationTest extends ApiTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String QUERY = "{ areas(filter: {within: \"050000000000\", municipality: true}) { totalCount } }";

    @Test
    void graphqlWithoutTokenIsRejectedWithBearerChallenge() throws Exception {
        HttpResponse<String> response = post("/graphql", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        JsonNode error = JSON.readTree(response.body()).path("errors").get(0);
        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(error.path("message").asString()).contains("Anmeldung erforderlich");
    }

    @Test
    void validTokenOfTheIssuerIsAccepted() throws Exception {
        HttpResponse<String> response = post("/graphql", token(as(AccessRole.DASHBOARD, "999990000000")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).at("/data/areas/totalCount").asLong()).isEqualTo(396);
    }

    @Test
    void tokenSignedByAnotherKeyIsRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID("attacker").build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(DevIssuer.ISSUER).subject("mallory").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600)).claim("roles", List.of("ADMIN")).build();
        String forged = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId("attacker")
                .build(), claims)).getTokenValue();
        assertThat(post("/graphql", forged).statusCode()).isEqualTo(401);
    }

    @Test
    void expiredTokenIsRejected() throws Exception {
        String expired = issuer.mint(ADMIN, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
        HttpResponse<String> response = post("/graphql", expired);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
    }

    @Test
    void tokenWithoutKimGraphRoleOrWithoutTenantIsRejectedNamingTheClaim() throws Exception {
        Principal noRole = new Principal("someone", "999990000000", EnumSet.noneOf(AccessRole.class), null);
        HttpResponse<String> response = post("/graphql", issuer.mint(noRole));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("roles");

        Principal noTenant = new Principal("someone", null, EnumSet.of(AccessRole.COORDINATOR), null);
        response = post("/graphql", issuer.mint(noTenant));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("tenant");

        Principal partnerWithoutOrganisation = new Principal("someone", "999990000000", EnumSet.of(AccessRole.PARTNER), null);
        assertThat(post("/graphql", issuer.mint(partnerWithoutOrganisation)).statusCode()).isEqualTo(401);
    }

    @Test
    void malformedBearerValueIsRejected() throws Exception {
        assertThat(post("/graphql", "not.a.jwt").statusCode()).isEqualTo(401);
    }

    @Test
    void schemaAndExportsNeedATokenButGraphiqlAndHealthAreOpen() throws Exception {
        assertThat(get("/graphql/schema", null).statusCode()).isEqualTo(401);
        assertThat(get("/exports/interface-papers/networks.csv?area=999990000000", null).statusCode()).isEqualTo(401);
        assertThat(get("/graphql/schema", token(ADMIN)).statusCode()).isEqualTo(200);
        assertThat(get("/graphiql/index.html", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void developmentIssuerHandsOutWorkingTokensPerRole() throws Exception {
        HttpResponse<String> response = get("/dev/tokens", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode tokens = JSON.readTree(response.body());
        assertThat(tokens.valueStream().map(t -> t.path("role").asString()).toList())
                .containsExactlyInAnyOrder("COORDINATOR", "ADMINISTRATION", "PARTNER", "DASHBOARD", "STATE", "ADMIN");
        for (JsonNode token : tokens) {
            assertThat(post("/graphql", token.path("access_token").asString()).statusCode()).as(token.path("role").asString())
                    .isEqualTo(200);
        }
        JsonNode single = JSON.readTree(get("/dev/token?role=partner&organisation=awo-auental", null).body());
        assertThat(single.path("organisation").asString()).isEqualTo("awo-auental");
        assertThat(single.path("tenant").asString()).isEqualTo("999990000000");

        HttpResponse<String> bad = get("/dev/token?role=KAISER", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("role").contains("COORDINATOR");
        assertThat(get("/dev/jwks.json", null).body()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\"");
    }

    @Test
    void graphQlHelperSendsTheToken() {
        GraphQlHttp anonymous = anonymous();
        anonymous.post(QUERY, Map.of());
        assertThat(anonymous.status()).isEqualTo(401);
        GraphQlHttp admin = graphQl();
        assertThat(admin.post(QUERY, Map.of()).at("/data/areas/totalCount").asLong()).isEqualTo(396);
    }

    private HttpResponse<String> post(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", QUERY))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
