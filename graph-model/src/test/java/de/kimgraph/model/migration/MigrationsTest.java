package de.kimgraph.model.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.NodeSpec;
import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

class MigrationsTest {

    private final Driver driver = TestNeo4j.get().withDemo().driver();

    @Test
    void everyLabelAndKeyedRelationshipTypeHasAKeyConstraint() {
        List<String> constrained = driver.executableQuery("""
                SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties
                WHERE type IN ['UNIQUENESS', 'RELATIONSHIP_UNIQUENESS'] AND properties = ['key']
                RETURN labelsOrTypes[0] AS name""").execute().records().stream()
                .map(r -> r.get("name").asString()).toList();

        assertThat(constrained).containsAll(GraphSpec.nodes().stream().map(NodeSpec::label).toList());
        assertThat(constrained).containsAll(GraphSpec.keyedTypes());
    }

    @Test
    void applyingAgainChangesNothing() {
        assertThat(Migrations.apply(driver)).isEmpty();
        long recorded = driver.executableQuery("MATCH (m:__Migration) RETURN count(m) AS n").execute()
                .records().getFirst().get("n").asLong();
        assertThat(recorded).isEqualTo(Migrations.available().size());
    }

    @Test
    void splitsStatementsAndDropsComments() {
        var migration = new Migrations.Migration("V9", "V9__x.cypher", "// why\nCREATE (a);\nCREATE\n  (b);\n", "x");
        assertThat(migration.statements()).containsExactly("CREATE (a)", "CREATE\n  (b)");
    }
}
