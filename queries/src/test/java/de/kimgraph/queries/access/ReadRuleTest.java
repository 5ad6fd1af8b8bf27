package de.kimgraph.queries.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The read rule compiled into Cypher for each shape of rule: only the parts it needs, values as parameters. */
class ReadRuleTest {

    private static final String CYPHER = "MATCH (a)-[m:MEMBER_OF]->(b) WHERE READABLE(a) AND READABLE_REL(m) RETURN a{.*, CONTACTS(a)}";

    @Test
    void everythingCompilesToNoPredicateAndPlainContacts() {
        assertThat(ReadRule.ALL.compile(CYPHER))
                .isEqualTo("MATCH (a)-[m:MEMBER_OF]->(b) WHERE true AND true RETURN a{.*, email: a.`email`, phone: a.`phone`}");
    }

    @Test
    void aCoordinatorReadsItsTenantsAndPublishedRecordsWithoutSubqueries() {
        ReadRule coordinator = new Principal("c", "999950000000", java.util.EnumSet.of(AccessRole.COORDINATOR), null).readRule();

        assertThat(coordinator.compile(CYPHER)).isEqualTo("MATCH (a)-[m:MEMBER_OF]->(b)"
                + " WHERE (a.tenant IN $readFull OR a.visibility = 'PUBLISHED') AND (m.tenant IN $readFull OR m.visibility = 'PUBLISHED')"
                + " RETURN a{.*, email: CASE WHEN a.tenant IN $readContacts THEN a.`email` END,"
                + " phone: CASE WHEN a.tenant IN $readContacts THEN a.`phone` END}");
        assertThat(coordinator.parameters()).containsEntry(ReadRule.FULL_PARAMETER, List.of("999950000000", ReadRule.REFERENCE));
    }

    @Test
    void onlyAPartnerPaysForItsOwnOrganisation() {
        ReadRule partner = new Principal("p", "999950000000", java.util.EnumSet.of(AccessRole.PARTNER), "org").readRule();
        ReadRule internalOnly = new ReadRule(List.of("999950000000"), false, null, List.of());

        assertThat(partner.compile(CYPHER)).contains("a.key = $readOrganisation OR EXISTS { (a)-[:HELD_IN|IN_UNIT]->",
                "startNode(m).key = $readOrganisation").doesNotContain("READABLE", "CONTACTS");
        assertThat(internalOnly.compile(CYPHER)).contains("WHERE (a.tenant IN $readFull) AND (m.tenant IN $readFull)")
                .doesNotContain("PUBLISHED", "EXISTS");
        assertThat(List.of(ReadRule.ALL.shape(), partner.shape(), internalOnly.shape(), ReadRule.PUBLIC.shape()))
                .doesNotHaveDuplicates();
    }
}
