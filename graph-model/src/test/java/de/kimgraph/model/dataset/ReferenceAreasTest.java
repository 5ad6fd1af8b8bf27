package de.kimgraph.model.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Values;

class ReferenceAreasTest {

    private final Driver driver = TestNeo4j.get().withDemo().driver();

    private long count(String cypher) {
        return driver.executableQuery(cypher).withParameters(Map.of("nrw", ReferenceAreas.NRW_ARS)).execute()
                .records().getFirst().get(0).asLong();
    }

    @Test
    void nrwHas396MunicipalitiesAnd53DistrictLevelAreas() {
        assertThat(count("""
                MATCH (m:Area {municipality: true})-[:PART_OF*1..3]->(:Area {ars: $nrw}) RETURN count(DISTINCT m)"""))
                .isEqualTo(396);
        assertThat(count("""
                MATCH (k:Area)-[:PART_OF*1..2]->(:Area {ars: $nrw})
                WHERE k.level IN ['DISTRICT', 'DISTRICT_FREE_CITY'] RETURN count(DISTINCT k)""")).isEqualTo(53);
        assertThat(count("MATCH (r:Area {level: 'GOVERNMENT_REGION'})-[:PART_OF]->(:Area {ars: $nrw}) RETURN count(r)"))
                .isEqualTo(5);
    }

    @Test
    void everyMunicipalityHangsUnderItsDistrictByKeyPrefix() {
        assertThat(count("""
                MATCH (g:Area {level: 'MUNICIPALITY'})-[:PART_OF]->(k:Area)
                WHERE g.ars STARTS WITH '05' AND (k.level <> 'DISTRICT' OR substring(g.ars, 0, 5) <> substring(k.ars, 0, 5))
                RETURN count(g)""")).isZero();
        var ratingen = driver.executableQuery("MATCH (a:Area {ars: $ars})-[:PART_OF]->(k) RETURN a.name AS name, k.name AS kreis")
                .withParameters(Map.of("ars", "051580028028")).execute().records().getFirst();
        assertThat(ratingen.get("name").asString()).isEqualTo("Ratingen");
        assertThat(ratingen.get("kreis").asString()).isEqualTo("Kreis Mettmann");
    }

    @Test
    void referenceDataIsPublishedAndOwnedByTheReferenceTenant() {
        assertThat(count("""
                MATCH (a:Area) WHERE a.ars STARTS WITH '05' AND (a.tenant <> 'REFERENCE' OR a.visibility <> 'PUBLISHED')
                RETURN count(a)""")).isZero();
        assertThat(driver.executableQuery("MATCH (a:Area {ars: $ars}) RETURN a.ags AS ags")
                .withParameters(Values.parameters("ars", "053340002002").asMap()).execute().records().getFirst()
                .get("ags").asString()).isEqualTo("05334002");
    }
}
