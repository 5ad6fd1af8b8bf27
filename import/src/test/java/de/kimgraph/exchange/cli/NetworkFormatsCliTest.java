package de.kimgraph.exchange.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neo4j.driver.Driver;

/** The command line exports the network formats and recognises their files on import by name or content. */
class NetworkFormatsCliTest {

    private final Driver driver = TestNeo4j.get().withDemo().driver();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ExchangeCli cli = new ExchangeCli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @TempDir
    Path directory;

    @ParameterizedTest
    @CsvSource({"graphml, auental.graphml, <graphml", "gexf, auental.gexf, <gexf", "kumu, auental.json, \"elements\""})
    void exportsTheDemoAndADryRunOfTheFileChangesNothing(String format, String name, String head) throws IOException {
        Path file = directory.resolve(name);

        assertThat(cli.run(new String[] {"export", format, "--tenant", "999990000000", "-o", file.toString()}, driver))
                .isZero();
        assertThat(cli.run(new String[] {"import", file.toString(), "--dry-run"}, driver)).as(err.toString()).isZero();

        assertThat(Files.readString(file)).contains(head, "Kreis Auental (fiktiv)");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("(Probelauf/dry run): 0 neu/created, 0 geändert/changed, 0 beendet/ended");
    }
}
