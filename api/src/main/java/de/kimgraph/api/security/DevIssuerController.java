package de.kimgraph.api.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tokens of the local development issuer over HTTP: {@code /dev/token?role=COORDINATOR} (optionally
 * {@code tenant}, {@code organisation}, {@code minutes}), {@code /dev/tokens} (one per role for the demo
 * district) and {@code /dev/jwks.json}. Only present while the development issuer runs.
 */
@RestController
@Conditional(DevIssuerCondition.class)
class DevIssuerController {

    /** The demo organisation that development PARTNER tokens speak for (a welfare association's service). */
    static final String DEMO_PARTNER = "diakonie-auental";

    private final DevIssuer issuer;

    DevIssuerController(DevIssuer issuer) {
        this.issuer = issuer;
    }

    @GetMapping("/dev/token")
    ResponseEntity<Map<String, Object>> token(@RequestParam(defaultValue = "COORDINATOR") String role,
            @RequestParam(required = false) @Nullable String tenant,
            @RequestParam(required = false) @Nullable String organisation,
            @RequestParam(defaultValue = "0") int minutes) {
        AccessRole accessRole;
        try {
            accessRole = AccessRole.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return problem("Parameter role: unbekannte Rolle (unknown role) " + abbreviate(role) + "; erlaubt (allowed): "
                    + List.of(AccessRole.values()));
        }
        String tenantKey = tenant == null ? issuer.properties().defaultDevTenant() : tenant.strip();
        if (!tenantKey.matches("\\d{12}")) {
            return problem("Parameter tenant: 12-stelliger Regionalschlüssel erwartet (a 12-digit ARS expected).");
        }
        String organisationKey = organisation == null ? DEMO_PARTNER : organisation.strip();
        if (!organisationKey.matches("[\\p{L}\\p{N}._:-]{1,200}")) {
            return problem("Parameter organisation: kein gültiger Schlüssel (not a valid key).");
        }
        if (minutes < 0 || minutes > 24 * 60) {
            return problem("Parameter minutes: 1 bis 1440 (1 to 1440).");
        }
        Duration ttl = minutes == 0 ? issuer.properties().devTtl() : Duration.ofMinutes(minutes);
        Principal principal = issuer.principal(accessRole, tenantKey, organisationKey);
        return ResponseEntity.ok(answer(principal, ttl));
    }

    @GetMapping("/dev/tokens")
    List<Map<String, Object>> tokens() {
        List<Map<String, Object>> tokens = new ArrayList<>();
        for (AccessRole role : AccessRole.values()) {
            Principal principal = issuer.principal(role, issuer.properties().defaultDevTenant(), DEMO_PARTNER);
            tokens.add(answer(principal, issuer.properties().devTtl()));
        }
        return tokens;
    }

    @GetMapping("/dev/jwks.json")
    Map<String, Object> jwks() {
        return issuer.jwks();
    }

    private Map<String, Object> answer(Principal principal, Duration ttl) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("role", principal.actingRole().name());
        answer.put("label", principal.actingRole().labelDe());
        answer.put("tenant", principal.tenant());
        answer.put("organisation", principal.organisation());
        answer.put("token_type", "Bearer");
        answer.put("expires_in", ttl.toSeconds());
        answer.put("access_token", issuer.mint(principal, ttl));
        return answer;
    }

    private static ResponseEntity<Map<String, Object>> problem(String message) {
        return ResponseEntity.badRequest().body(Map.of("error", "invalid_request", "error_description", message));
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
