package de.kimgraph.model.synthetic;

import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetLoader;
import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/** Times the validating load of synthetic Kreise, phase by phase (progress lines with elapsed ms). */
class SyntheticLoadBench {

    @Test
    void load() {
        Driver driver = TestNeo4j.get().withDemo().driver();
        String scale = System.getProperty("kimgraph.bench.scale", "kreis:059660000000,kreis:057620000000");
        for (String name : scale.split(",")) {
            SyntheticNetwork.Network network = SyntheticNetwork.generate(SyntheticNetwork.Scale.named(name), 42);
            for (Dataset dataset : network.datasets()) {
                long started = System.nanoTime();
                DatasetLoader loader = new DatasetLoader(driver, message -> System.out.printf("  %6d ms  %s%n",
                        (System.nanoTime() - started) / 1_000_000, message));
                var result = loader.load(dataset);
                System.out.printf("%s: %d created, %d unchanged in %d ms%n", dataset.name(), result.created(),
                        result.unchanged(), (System.nanoTime() - started) / 1_000_000);
            }
        }
    }
}
