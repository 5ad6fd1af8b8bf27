package de.kimgraph.api.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import de.kimgraph.api.ApiTest;
import de.kimgraph.model.testing.TestNeo4j;
import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * The two fictional Kreise of {@code fixtures/security-writes.json} (A = Nordwald, B = Südheide), a principal per
 * role ({@code ADMIN} from {@link ApiTest}), and a fingerprint of everything the two tenants own (nodes, relationships, proposals, audit events), to
 * show that a refused mutation wrote nothing. The fixture is loaded afresh for every test.
 */
abstract class WriteScenario extends ApiTest {

    static final String A = "999961000000";
    static final String B = "999962000000";
    /** A third tenant that owns nothing here. */
    static final String C = "999963000000";

    static final Principal COORDINATOR_A = principal("coord-a", A, AccessRole.COORDINATOR, null);
    static final Principal COORDINATOR_B = principal("coord-b", B, AccessRole.COORDINATOR, null);
    static final Principal COORDINATOR_C = principal("coord-c", C, AccessRole.COORDINATOR, null);
    static final Principal ADMINISTRATION_A = principal("verwaltung-a", A, AccessRole.ADMINISTRATION, null);
    static final Principal DASHBOARD = principal("dashboard", A, AccessRole.DASHBOARD, null);
    static final Principal STATE = principal("land", null, AccessRole.STATE, null);
    static final Principal PARTNER_A = principal("partner-a", A, AccessRole.PARTNER, "sw-a-partner");
    static final Principal PARTNER_B = principal("partner-b", B, AccessRole.PARTNER, "sw-b-partner");

    static Principal principal(String subject, String tenant, AccessRole role, String organisation) {
        return new Principal(subject, tenant, EnumSet.of(role), organisation);
    }

    @BeforeEach
    void loadScenario() {
        TestNeo4j.get().load("/fixtures/security-writes.json");
    }

    @AfterEach
    void removeScenario() {
        driver.executableQuery("MATCH (p:Proposal) WHERE p.tenant IN $t OR p.toTenant IN $t DELETE p")
                .withParameters(Map.of("t", List.of(A, B))).execute();
        TestNeo4j.get().deleteTenant(A);
        TestNeo4j.get().deleteTenant(B);
    }

    /** Every node and relationship the tenants own or touch, with all properties, as sorted text. */
    List<String> state() {
        List<String> lines = new ArrayList<>();
        driver.executableQuery("MATCH (n) WHERE n.tenant IN $t RETURN labels(n) AS labels, properties(n) AS p")
                .withParameters(Map.of("t", List.of(A, B))).execute().records()
                .forEach(r -> lines.add(r.get("labels").asList() + " " + new TreeMap<>(r.get("p").asMap())));
        driver.executableQuery("""
                MATCH (a)-[r]->(b) WHERE r.tenant IN $t OR a.tenant IN $t OR b.tenant IN $t
                RETURN a.key AS a, type(r) AS type, b.key AS b, properties(r) AS p""")
                .withParameters(Map.of("t", List.of(A, B))).execute().records()
                .forEach(r -> lines.add(r.get("a").asString() + "-" + r.get("type").asString() + "->"
                        + r.get("b").asString() + " " + new TreeMap<>(r.get("p").asMap())));
        lines.sort(null);
        return lines;
    }

    /** Runs {@code graphql-test/security/<operation>.graphql} with a real token of {@code principal}. */
    JsonNode call(Principal principal, String operation, Map<String, ?> variables) {
        return graphQl(principal).execute("security/" + operation, variables);
    }

    /** The classification of the first GraphQL error, or "" when there is none. */
    static String classification(JsonNode answer) {
        return answer.at("/errors/0/extensions/classification").asString("");
    }

    long auditEvents() {
        return count("MATCH (e:AuditEvent) RETURN count(e)");
    }
}
