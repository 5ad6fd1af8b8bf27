package de.kimgraph.exchange.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

class ExchangeCliTest {

    private final Driver driver = TestNeo4j.get().withDemo().driver();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ExchangeCli cli = new ExchangeCli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @TempDir
    Path directory;

    private int run(String... args) throws IOException {
        return cli.run(args, driver);
    }

    @Test
    void exportsTheDemoAndADryRunOfTheExportChangesNothing() throws IOException {
        Path file = directory.resolve("auental.json");

        assertThat(run("export", "json", "--tenant", "999990000000", "-o", file.toString())).isZero();
        assertThat(run("import", file.toString(), "--dry-run")).isZero();

        assertThat(Files.readString(file)).contains("\"kim-graph/1\"", "Kreis Auental (fiktiv)");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("(Probelauf/dry run): 0 neu/created, 0 geändert/changed, 0 beendet/ended");
    }

    @Test
    void aBadFileExitsWithOneAndNamesTheRecord() throws IOException {
        Path file = directory.resolve("bad.json");
        Files.writeString(file, """
                {"format": "kim-graph/1", "tenant": "999990000000",
                 "nodes": {"Actor": [{"key": "cli-x", "name": "X", "kind": "NONSENSE"}]}}""");

        assertThat(run("import", file.toString())).isEqualTo(ExchangeCli.INVALID);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nichts wurde geschrieben",
                "bad.json: nodes.Actor[0] / kind [UNKNOWN_TERM]");
        assertThat(driver.executableQuery("MATCH (a:Actor {key: 'cli-x'}) RETURN count(a) AS n").execute()
                .records().getFirst().get("n").asLong()).isZero();
    }

    @Test
    void unknownCommandsAndFormatsAreUsageErrors() throws IOException {
        assertThat(run("explode")).isEqualTo(ExchangeCli.USAGE);
        assertThat(run("export", "docx", "--tenant", "999990000000")).isEqualTo(ExchangeCli.USAGE);
        assertThat(run("export", "json")).isEqualTo(ExchangeCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unbekannter Befehl", "unknown format docx",
                "--tenant fehlt");
    }
}
