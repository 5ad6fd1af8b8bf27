package de.kimgraph.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import de.kimgraph.api.ApiTest;
import de.kimgraph.model.synthetic.BulkWriter;
import de.kimgraph.model.synthetic.SyntheticNetwork;
import de.kimgraph.model.testing.TestNeo4j;
import de.kimgraph.queries.access.AccessRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The network map end to end: the service on the demo district, the page at {@code /karte/} driven in headless
 * Chromium by {@code web/e2e/network-map.mjs} (playwright-core with Debian's {@code /usr/bin/chromium}, no browser
 * download) as a child process. The script signs in with local tokens, checks the node count against the API,
 * filters, opens gap cells, highlights a finding's evidence, exports, shows the interface papers and checks that a
 * DASHBOARD token does not see an internal record a COORDINATOR sees. Screenshots, exports and the script's output
 * stay in {@code api/target/e2e-screenshots/}. The first test runs on the demo district only; the second adds a
 * synthetic Kreis for the render time and removes it afterwards. Skipped, with the reason, where Chromium, node or the web module's
 * packages are missing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkMapE2ETest extends ApiTest {


    private static final String DEMO_KREIS = "999990000000";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();
    private static final Path OUT = Path.of("target", "e2e-screenshots").toAbsolutePath();

    @Test
    @Order(1)
    void coordinatorsAndDashboardsSeeTheNetworkGapsAndFindingsInTheBrowser() throws Exception {
        assumeBrowser();

        String asOf = LocalDate.now(ZoneOffset.UTC).toString();
        var coordinator = graphQl(as(AccessRole.COORDINATOR, DEMO_KREIS));
        var dashboard = graphQl(as(AccessRole.DASHBOARD, DEMO_KREIS));
        Map<String, Object> filter = Map.of("filter", Map.of("area", DEMO_KREIS, "asOf", asOf));
        JsonNode seen = coordinator.execute("networkMapCounts", filter);
        long expectedNodes = seen.at("/data/actors/totalCount").asLong() + seen.at("/data/bodies/totalCount").asLong();
        assertThat(expectedNodes).isPositive();

        String internalName = nodes(coordinator.execute("networkMapNames", filter))
                .filter(n -> n.path("visibility").asString().equals("INTERNAL"))
                .map(n -> n.path("name").asString()).findFirst().orElseThrow();
        assertThat(nodes(dashboard.execute("networkMapNames", filter)).map(n -> n.path("name").asString()))
                .isNotEmpty().doesNotContain(internalName);

        int exit = run(List.of("node", "e2e/network-map.mjs"), Map.of(
                "BASE_URL", "http://localhost:" + port,
                "SCREENSHOTS", OUT.toString(),
                "EXPECTED_NODES", Long.toString(expectedNodes),
                "INTERNAL_NAME", internalName,
                "CHROMIUM", CHROMIUM.toString()), "network-map", 480);

        String output = Files.readString(OUT.resolve("network-map.out.txt"), StandardCharsets.UTF_8);
        assertThat(exit).as("network-map.mjs exit code; its output:%n%s%n%s", output,
                Files.readString(OUT.resolve("network-map.err.txt"), StandardCharsets.UTF_8)).isZero();
        assertThat(output).contains("OK");
        assertThat(OUT.resolve("01-network-coordinator.png")).exists();
        assertThat(OUT.resolve("08-network-dashboard.png")).exists();
    }

    /**
     * First render of a Kreis-sized network: a synthetic Kreis Mettmann of about 2,000 actors and bodies (bulk
     * written), opened as its COORDINATOR. The figures go to {@code render-2000.txt}: {@code firstRenderMs} is the
     * network request plus the drawing; the goal of issue 7 is under 2 s for 2,000 nodes, asserted loosely here (a
     * shared CI machine), reported exactly.
     */
    @Test
    @Order(2)
    void drawsAKreisOfTwoThousandNodes() throws Exception {
        assumeBrowser();
        SyntheticNetwork.Network network = SyntheticNetwork.generate(new SyntheticNetwork.Scale("karte-2000",
                List.of(SyntheticNetwork.DEFAULT_KREIS), 4.0, 0.42, 1.0), 7);
        BulkWriter.write(driver, network.datasets(), message -> { });

        int exit = run(List.of("node", "e2e/network-map.mjs"), Map.of(
                "MODE", "measure",
                "BASE_URL", "http://localhost:" + port,
                "SCREENSHOTS", OUT.toString(),
                "TOKEN", token(as(AccessRole.COORDINATOR, SyntheticNetwork.DEFAULT_KREIS)),
                "CHROMIUM", CHROMIUM.toString()), "render-2000", 300);

        String output = Files.readString(OUT.resolve("render-2000.out.txt"), StandardCharsets.UTF_8);
        assertThat(exit).as("network-map.mjs (measure) exit code; its output:%n%s", output).isZero();
        String figures = output.lines().filter(l -> l.startsWith("MEASURE ")).findFirst().orElseThrow()
                .substring("MEASURE ".length());
        Files.writeString(OUT.resolve("render-2000.txt"), "Synthetic Kreis Mettmann, " + network.nodes() + "\n"
                + figures + "\n", StandardCharsets.UTF_8);
        JsonNode measured = tools.jackson.databind.json.JsonMapper.builder().build().readTree(figures);
        assertThat(measured.path("nodes").asInt()).isBetween(1_900, 2_200);
        assertThat(measured.path("drawMs").asInt()).isLessThan(10_000);
        assertThat(measured.path("firstRenderMs").asInt()).isLessThan(15_000);
    }

    @AfterAll
    static void removeSynthetic() {
        TestNeo4j.get().deleteTenant(SyntheticNetwork.DEFAULT_KREIS);
        TestNeo4j.get().deleteTenant(SyntheticNetwork.LAND_TENANT);
    }

    /** Skips the test, with the reason, where Chromium, the web module's packages or node are missing. */
    private static void assumeBrowser() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CHROMIUM), "übersprungen (skipped): " + CHROMIUM + " fehlt (missing)");
        assumeTrue(Files.isDirectory(WEB.resolve("node_modules/playwright-core")),
                "übersprungen (skipped): web/node_modules/playwright-core fehlt; build the web module first");
        Files.createDirectories(OUT);
        assumeTrue(run(List.of("node", "--version"), Map.of(), "node-version", 30) == 0,
                "übersprungen (skipped): node fehlt (missing)");
    }

    /** The actors and bodies of an answer. */
    private static Stream<JsonNode> nodes(JsonNode answer) {
        return Stream.concat(answer.at("/data/actors/edges").valueStream(), answer.at("/data/bodies/edges").valueStream())
                .map(e -> e.path("node"));
    }

    /** Runs a command in the web module with its output in files (never the test JVM's streams); the exit code. */
    private static int run(List<String> command, Map<String, String> env, String name, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(WEB.toFile())
                .redirectOutput(OUT.resolve(name + ".out.txt").toFile())
                .redirectError(OUT.resolve(name + ".err.txt").toFile());
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return -1;
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return -2;
        }
        return process.exitValue();
    }
}
