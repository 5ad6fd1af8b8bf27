package de.kimgraph.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetException;
import de.kimgraph.model.dataset.DatasetLoader;
import de.kimgraph.model.dataset.LoadResult;
import org.neo4j.driver.Driver;

/**
 * Runs one import: read the file in its format (which validates every record), then check it against the database
 * and write it in one transaction, or, in a dry run, report the diff and write nothing. The same path serves the
 * GraphQL mutation, the REST upload and the command line.
 */
public final class Importer {

    private final DatasetLoader loader;
    private final Consumer<String> progress;

    public Importer(Driver driver, Consumer<String> progress) {
        this.loader = new DatasetLoader(driver, progress);
        this.progress = progress;
    }

    /**
     * @throws de.kimgraph.model.dataset.DatasetException when the file does not validate; nothing has been written
     */
    public LoadResult run(Format format, String fileName, InputStream in, ReadOptions options,
                          DatasetLoader.Caller caller, boolean dryRun) throws IOException {
        if (!format.readable()) {
            throw new IllegalArgumentException("Das Format " + format.id() + " kann nur exportiert werden"
                    + " (format " + format.id() + " is export only).");
        }
        long started = System.nanoTime();
        progress.accept("Lese/reading " + fileName + " (" + format.id() + ") …");
        Dataset dataset = format.read(fileName, in, options);
        progress.accept("Gelesen/read: " + dataset.nodes().size() + " Knoten/nodes, " + dataset.relationships().size()
                + " Beziehungen/relationships in " + (System.nanoTime() - started) / 1_000_000 + " ms; prüfe und "
                + (dryRun ? "simuliere (dry run)" : "schreibe (writing)") + " …");
        try {
            return dryRun ? loader.dryRun(dataset, caller) : loader.load(dataset, caller);
        } catch (DatasetException e) {
            throw new DatasetException(e.problems().stream().map(format::describe).toList());
        }
    }
}
