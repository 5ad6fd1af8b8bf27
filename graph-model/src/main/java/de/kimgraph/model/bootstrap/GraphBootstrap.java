package de.kimgraph.model.bootstrap;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetLoader;
import de.kimgraph.model.dataset.DatasetParser;
import de.kimgraph.model.dataset.LoadResult;
import de.kimgraph.model.dataset.ReferenceAreas;
import de.kimgraph.model.dataset.Resources;
import de.kimgraph.model.migration.Migrations;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the state the service needs: migrations, then the NRW areas and the seeded
 * vocabularies, then (optionally) the demo district. A dataset is loaded only when its content differs from
 * what was loaded before (a {@code :__Dataset} node keeps the checksum), so a restart does not overwrite edits
 * made through the API, and a changed file in a new release is merged in.
 */
public final class GraphBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(GraphBootstrap.class);

    public static final String VOCABULARIES = "/model/vocabularies.json";
    public static final String DEMO = "/demo/auental.json";

    private GraphBootstrap() {
    }

    /** Applies migrations and loads the reference data; with {@code demo} also the demo district. */
    public static List<LoadResult> run(Driver driver, boolean demo) {
        long started = System.nanoTime();
        Migrations.apply(driver);
        List<LoadResult> results = new ArrayList<>();
        DatasetLoader loader = new DatasetLoader(driver, LOG::info);
        loadIfChanged(driver, loader, "nrw-areas", ReferenceAreas.bytes(), ReferenceAreas::dataset, results);
        byte[] vocabularies = Resources.read(VOCABULARIES);
        loadIfChanged(driver, loader, "vocabularies", vocabularies,
                () -> DatasetParser.parse("vocabularies.json", vocabularies), results);
        if (demo) {
            byte[] auental = Resources.read(DEMO);
            loadIfChanged(driver, loader, "demo-auental", auental, () -> DatasetParser.parse("auental.json", auental),
                    results);
        }
        LOG.info("Graph ready in {} ms", (System.nanoTime() - started) / 1_000_000);
        return results;
    }

    private static void loadIfChanged(Driver driver, DatasetLoader loader, String name, byte[] content,
                                      Supplier<Dataset> dataset, List<LoadResult> results) {
        String checksum = sha256(content);
        try (var session = driver.session()) {
            boolean loaded = session.run("MATCH (d:__Dataset {name: $name}) RETURN d.checksum = $checksum AS same",
                    Values.parameters("name", name, "checksum", checksum)).list(r -> r.get("same").asBoolean())
                    .contains(true);
            if (loaded) {
                LOG.info("Dataset {} is up to date", name);
                return;
            }
            results.add(loader.load(dataset.get()));
            session.run("MERGE (d:__Dataset {name: $name}) SET d.checksum = $checksum, d.loadedAt = datetime()",
                    Values.parameters("name", name, "checksum", checksum)).consume();
        }
    }


    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
