package de.kimgraph.model.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetLoader;
import de.kimgraph.model.dataset.LoadResult;
import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

class SyntheticNetworkTest {

    private static final String OLPE = "059660000000";

    @Test
    void theSameSeedGivesTheSameRecordsAndAKreisIsTheSameAloneAndInNrw() {
        SyntheticNetwork.Network first = SyntheticNetwork.generate(SyntheticNetwork.Scale.kreis(OLPE), 42);
        SyntheticNetwork.Network again = SyntheticNetwork.generate(SyntheticNetwork.Scale.kreis(OLPE), 42);
        SyntheticNetwork.Network other = SyntheticNetwork.generate(SyntheticNetwork.Scale.kreis(OLPE), 43);
        assertThat(again.datasets()).isEqualTo(first.datasets());
        assertThat(other.datasets().get(1).nodes()).isNotEqualTo(first.datasets().get(1).nodes());

        SyntheticNetwork.Network nrw = SyntheticNetwork.generate(SyntheticNetwork.Scale.nrw(), 42);
        Dataset olpeInNrw = nrw.datasets().stream().filter(d -> d.name().equals("synthetic-" + OLPE)).findFirst()
                .orElseThrow();
        assertThat(olpeInNrw).isEqualTo(first.datasets().get(1));
    }

    @Test
    void nrwHasTheShapeOfDomainSection7() {
        SyntheticNetwork.Network nrw = SyntheticNetwork.generate(SyntheticNetwork.Scale.nrw(), 42);
        assertThat(nrw.datasets()).hasSize(54);
        assertThat(nrw.nodes().get("Actor")).isBetween(36_000, 44_000);
        assertThat(nrw.nodes().get("Body")).isBetween(4_500, 5_500);
        assertThat(nrw.nodes().get("Service")).isBetween(55_000, 65_000);
        assertThat(nrw.relationshipCount()).isBetween(250_000, 450_000);
        // every Kreis in the range of one Kreis (DOMAIN.md §7), Köln and the smallest Kreise at the ends
        for (Dataset dataset : nrw.datasets().subList(1, nrw.datasets().size())) {
            long actors = dataset.nodes().stream().filter(n -> n.label().equals("Actor")).count();
            long services = dataset.nodes().stream().filter(n -> n.label().equals("Service")).count();
            assertThat(actors).as(dataset.name()).isBetween(200L, 2_600L);
            assertThat(services).as(dataset.name()).isBetween(300L, 4_000L);
            assertThat(dataset.relationships().size()).as(dataset.name()).isBetween(1_500, 50_000);
        }
    }

    @Test
    void aKreisLoadsThroughTheValidatingLoaderAndLoadsAgainWithoutChanges() {
        Driver driver = TestNeo4j.get().withDemo().driver();
        // a thinned Kreis Olpe (a tenth of the density), so that the test stays quick
        SyntheticNetwork.Network olpe = SyntheticNetwork.generate(
                new SyntheticNetwork.Scale("test", java.util.List.of(OLPE), 0.4, 0.08, 0.6), 7);
        DatasetLoader loader = new DatasetLoader(driver);
        long created = 0;
        for (Dataset dataset : olpe.datasets()) {
            created += loader.load(dataset).created();
        }
        assertThat(created).isEqualTo(olpe.nodeCount() + olpe.relationshipCount());
        long actors = driver.executableQuery("MATCH (a:Actor {tenant: $t}) RETURN count(a) AS n")
                .withParameters(Map.of("t", OLPE)).execute().records().getFirst().get("n").asLong();
        long memberships = driver.executableQuery("MATCH (:Actor)-[m:MEMBER_OF {tenant: $t}]->(:Body) RETURN count(m) AS n")
                .withParameters(Map.of("t", OLPE)).execute().records().getFirst().get("n").asLong();
        assertThat(actors).isEqualTo(olpe.datasets().get(1).nodes().stream().filter(n -> n.label().equals("Actor")).count());
        assertThat(memberships).isEqualTo(olpe.relationships().get("MEMBER_OF").longValue());
        for (Dataset dataset : olpe.datasets()) {
            LoadResult again = loader.load(dataset);
            assertThat(again.created() + again.changed()).as(dataset.name()).isZero();
        }
    }

    @Test
    void theBulkWriterWritesEveryRecordOnce() {
        Driver driver = TestNeo4j.get().withDemo().driver();
        String hoexter = "057620000000";
        SyntheticNetwork.Network network = SyntheticNetwork.generate(
                new SyntheticNetwork.Scale("test", java.util.List.of(hoexter), 0.4, 0.08, 0.6), 7);
        try {
            BulkWriter.write(driver, network.datasets().subList(1, 2), message -> { });
            long nodes = driver.executableQuery("MATCH (n {tenant: $t}) WHERE n.version = 1 RETURN count(n) AS n")
                    .withParameters(Map.of("t", hoexter)).execute().records().getFirst().get("n").asLong();
            long relationships = driver.executableQuery("MATCH ()-[r {tenant: $t}]->() WHERE r.version = 1 RETURN count(r) AS n")
                    .withParameters(Map.of("t", hoexter)).execute().records().getFirst().get("n").asLong();
            assertThat(nodes).isEqualTo(network.datasets().get(1).nodes().size());
            assertThat(relationships).isEqualTo(network.datasets().get(1).relationships().size());
        } finally {
            TestNeo4j.get().deleteTenant(hoexter);
        }
    }

    @AfterAll
    static void cleanUp() {
        TestNeo4j neo4j = TestNeo4j.get();
        neo4j.deleteTenant(OLPE);
        neo4j.deleteTenant(SyntheticNetwork.LAND_TENANT);
    }
}
