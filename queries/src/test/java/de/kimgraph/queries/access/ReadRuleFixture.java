package de.kimgraph.queries.access;

import java.util.EnumSet;

import de.kimgraph.model.testing.TestNeo4j;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The two-tenant fixture {@code /fixtures/read-rules.json} (Kreis Aheim {@value #A}, Kreis Beheim {@value #B}) and
 * the principals the read-rule tests read it as. Every internal record of Beheim, and every record that only an
 * internal one makes visible, has {@code geheim} in its key and name; Beheim's contact channels all end in
 * {@code @rrb…}. So "nothing of B's internal data" is checkable on any answer as a string.
 */
final class ReadRuleFixture {

    static final String A = "999950000000";
    static final String B = "999951000000";
    static final String SECRET = "geheim";
    static final String B_CONTACT = "@rrb";
    static final String PARTNER_ORG = "rrb-geheim-partner";

    static final ReadRule COORDINATOR_A = new Principal("coord-a", A, EnumSet.of(AccessRole.COORDINATOR), null).readRule();
    static final ReadRule COORDINATOR_B = new Principal("coord-b", B, EnumSet.of(AccessRole.COORDINATOR), null).readRule();
    static final ReadRule PARTNER_B = new Principal("partner-b", B, EnumSet.of(AccessRole.PARTNER), PARTNER_ORG).readRule();
    static final ReadRule STATE = new Principal("land", null, EnumSet.of(AccessRole.STATE), null).aggregateRule();

    private ReadRuleFixture() {
    }

    static Neo4jClient load() {
        TestNeo4j neo4j = TestNeo4j.get().withDemo();
        remove();
        neo4j.load("/fixtures/read-rules.json");
        return Neo4jClient.create(neo4j.driver());
    }

    static void remove() {
        TestNeo4j.get().deleteTenant(A);
        TestNeo4j.get().deleteTenant(B);
    }
}
