package de.kimgraph.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.queries.access.Principal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The write rules over HTTP with real tokens (signed by the development issuer's key): what each role may write,
 * and that a refusal is a FORBIDDEN error with nothing written.
 */
class SecuredMutationsTest extends WriteScenario {

    private static final String TODAY = LocalDate.now().toString();

    private JsonNode createBody(Principal principal, String key) {
        return call(principal, "createBody", Map.of("input", Map.of("key", key, "name", "Arbeitskreis Test",
                "type", "WORKING_GROUP")));
    }

    @Test
    void onlyCoordinatorsAndOperationsCreateBodies() {
        Map<Principal, Boolean> mayCreate = new LinkedHashMap<>();
        mayCreate.put(COORDINATOR_A, true);
        mayCreate.put(ADMIN, false);
        mayCreate.put(PARTNER_A, false);
        mayCreate.put(ADMINISTRATION_A, false);
        mayCreate.put(DASHBOARD, false);
        mayCreate.put(STATE, false);
        int i = 0;
        for (Map.Entry<Principal, Boolean> role : mayCreate.entrySet()) {
            String key = "sw-a-body-" + i++;
            JsonNode answer = createBody(role.getKey(), key);
            String name = role.getKey().actingRole().name();
            if (role.getValue()) {
                assertThat(answer.at("/data/createBody/errors")).as(name).isEmpty();
                assertThat(answer.at("/data/createBody/body/tenant").asString()).as(name).isEqualTo(A);
            } else if (role.getKey() == ADMIN) {
                assertThat(answer.at("/data/createBody/errors/0/field").asString()).as("ADMIN names the tenant")
                        .isEqualTo("input.tenant");
            } else {
                assertThat(classification(answer)).as(name).isEqualTo("FORBIDDEN");
                assertThat(answer.at("/data").isNull()).as(name).isTrue();
                assertThat(count("MATCH (b:Body {key: '" + key + "'}) RETURN count(b)")).as(name).isZero();
            }
        }
    }

    @Test
    void thePartnersProfileIsEditedByItselfItsCoordinatorAndOperationsOnly() {
        Map<Principal, Boolean> mayEdit = new LinkedHashMap<>();
        mayEdit.put(PARTNER_B, false);
        mayEdit.put(COORDINATOR_B, false);
        mayEdit.put(ADMINISTRATION_A, false);
        mayEdit.put(DASHBOARD, false);
        mayEdit.put(STATE, false);
        mayEdit.put(PARTNER_A, true);
        mayEdit.put(COORDINATOR_A, true);
        mayEdit.put(ADMIN, true);
        int version = 1;
        for (Map.Entry<Principal, Boolean> role : mayEdit.entrySet()) {
            String email = role.getKey().subject() + "@bv-nordwald.example";
            JsonNode answer = call(role.getKey(), "updateActor", Map.of("key", "sw-a-partner", "version", version,
                    "input", Map.of("email", email)));
            String name = role.getKey().subject();
            if (role.getValue()) {
                assertThat(answer.at("/data/updateActor/actor/email").asString()).as(name).isEqualTo(email);
                version++;
            } else {
                assertThat(classification(answer)).as(name).isEqualTo("FORBIDDEN");
                assertThat(answer.at("/errors/0/message").asString()).as(name).isNotBlank();
                assertThat(answer.at("/errors/0/extensions/messageEn").asString()).as(name).isNotBlank();
            }
        }
        assertThat(count("MATCH (a:Actor {key: 'sw-a-partner'}) RETURN a.version")).isEqualTo(4);
    }

    @Test
    void aCoordinatorOfAMutatingTenantBGetsForbiddenOverHttpAndNothingIsWritten() {
        List<String> before = state();
        Map<String, Map<String, Object>> attempts = new LinkedHashMap<>();
        attempts.put("updateActor", Map.of("key", "sw-b-ki", "version", 1, "input", Map.of("name", "Übernommen")));
        attempts.put("endActor", Map.of("key", "sw-b-ki", "version", 1, "validTo", TODAY));
        attempts.put("addMembership", Map.of("input", Map.of("actor", "sw-a-ki", "body", "sw-b-body", "role", "MEMBER")));
        attempts.put("updateMembership", Map.of("key", "sw-m-b", "version", 1, "input", Map.of("role", "GUEST")));
        attempts.put("endMembership", Map.of("key", "sw-m-b", "version", 1, "validTo", TODAY));
        attempts.put("addRelation", Map.of("input", Map.of("type", "REFERS_TO", "from", "sw-b-ki", "to", "sw-a-ki")));
        attempts.put("updateRelation", Map.of("key", "sw-r-b", "version", 1, "input", Map.of("source", "x")));
        attempts.put("endRelation", Map.of("key", "sw-r-b", "version", 1, "validTo", TODAY));
        attempts.put("createService", Map.of("input", Map.of("name", "X", "form", "CASE_WORK",
                "providers", List.of("sw-b-ki"))));

        attempts.forEach((operation, variables) -> {
            JsonNode answer = call(COORDINATOR_A, operation, variables);
            assertThat(classification(answer)).as(operation).isEqualTo("FORBIDDEN");
            assertThat(answer.at("/data").isNull()).as(operation).isTrue();
        });

        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aMutationWithoutTokenIsRejectedAndWritesNothing() {
        List<String> before = state();

        JsonNode answer = anonymous().execute("security/updateActor", Map.of("key", "sw-a-ki", "version", 1,
                "input", Map.of("name", "Anonym")));

        assertThat(answer.at("/errors/0/extensions/classification").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void badArgumentsAreTypedErrorsNamingTheArgumentAndWriteNothing() {
        String tooLong = "w".repeat(1_001);
        List<String> before = state();
        Map<String, Map<String, Object>> attempts = new LinkedHashMap<>();
        attempts.put("createBody", Map.of("input", Map.of("name", "X", "type", "WORKING_GROUP"), "comment", tooLong));
        attempts.put("endActor", Map.of("key", "sw-a-other", "version", 1, "validTo", TODAY, "comment", tooLong));
        attempts.put("addMembership", Map.of("input", Map.of("actor", "sw-a-ki", "body", "sw-a-body"), "comment", tooLong));
        attempts.put("updateRelation", Map.of("key", "sw-r-a", "version", 1, "input", Map.of("source", "x"),
                "comment", tooLong));
        attempts.put("proposeRelation", Map.of("input", Map.of("type", "COOPERATES_WITH", "from", "sw-a-ki",
                "to", "sw-a-partner"), "comment", tooLong));

        attempts.forEach((operation, variables) -> {
            JsonNode answer = call(COORDINATOR_A, operation, variables).at("/data/" + operation);
            assertThat(answer.at("/errors/0/code").asString()).as(operation).isEqualTo("TOO_LONG");
            assertThat(answer.at("/errors/0/field").asString()).as(operation).isEqualTo("comment");
        });
        JsonNode stale = call(COORDINATOR_A, "endActor", Map.of("key", "sw-a-other", "version", 7, "validTo", TODAY))
                .at("/data/endActor");
        JsonNode early = call(COORDINATOR_A, "endMembership", Map.of("key", "sw-m-a-other", "version", 1,
                "validTo", "1999-01-01")).at("/data/endMembership");
        JsonNode missing = call(COORDINATOR_A, "confirmProposal", Map.of("key", "proposal-none")).at("/data/confirmProposal");
        JsonNode noType = call(COORDINATOR_A, "proposeRelation", Map.of("input", Map.of("from", "sw-a-ki",
                "to", "sw-a-partner"))).at("/data/proposeRelation");
        JsonNode longFilter = call(COORDINATOR_A, "auditTrail", Map.of("filter", Map.of("recordKey", "k".repeat(201))));

        assertThat(stale.at("/errors/0/field").asString()).isEqualTo("version");
        assertThat(early.at("/errors/0/code").asString() + "@" + early.at("/errors/0/field").asString())
                .isEqualTo("INVALID_DATE_RANGE@validTo");
        assertThat(missing.at("/errors/0/code").asString() + "@" + missing.at("/errors/0/field").asString())
                .isEqualTo("NOT_FOUND@key");
        assertThat(noType.at("/errors/0/field").asString()).isEqualTo("input.type");
        assertThat(classification(longFilter)).isEqualTo("BAD_REQUEST");
        assertThat(longFilter.at("/errors/0/message").asString()).contains("filter.recordKey");
        assertThat(state()).isEqualTo(before);
    }
}
