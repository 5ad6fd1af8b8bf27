package de.kimgraph.api.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import de.kimgraph.api.KimGraphApplication;
import de.kimgraph.api.security.DevIssuer;
import de.kimgraph.model.bootstrap.GraphBootstrap;
import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetLoader;
import de.kimgraph.model.embedded.EmbeddedNeo4j;
import de.kimgraph.model.synthetic.BulkWriter;
import de.kimgraph.model.synthetic.SyntheticNetwork;
import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bench runner of issue 6, in one process: generates the synthetic network (NRW by default), loads it into a
 * fresh in-process Neo4j, starts the whole service on it, and measures each question as median and p95 over
 * repeated runs after warm-up: end-to-end GraphQL over HTTP, the hand-written Cypher lower bound through the driver,
 * and the same nested entity queries through {@code @neo4j/graphql} on Node.js against the same database. It also
 * compares the validating import with {@code LOAD CSV} on the same records and reads the heap after the load and
 * during the heaviest analytic question. Prints a Markdown table and writes it to
 * {@code api/target/network-bench.md}.
 * <p>
 * Not part of the test run (the class name does not end in Test): {@code bin/bench [nrw|kreis]}. Settings (system
 * properties): {@code kimgraph.bench.scale} (nrw), {@code .seed} (42), {@code .warmup} (3), {@code .runs} (20),
 * {@code .budget-seconds} per question (40), {@code .import-kreise} (3).
 */
class NetworkBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String scaleName = System.getProperty("kimgraph.bench.scale", "nrw");
    private final long seed = Long.getLong("kimgraph.bench.seed", 42);
    private final int warmup = Integer.getInteger("kimgraph.bench.warmup", 3);
    private final int runs = Integer.getInteger("kimgraph.bench.runs", 20);
    private final int budgetSeconds = Integer.getInteger("kimgraph.bench.budget-seconds", 40);
    private final int importKreise = Integer.getInteger("kimgraph.bench.import-kreise", 3);
    /** Only the questions whose names contain one of these (comma-separated); empty: all. */
    private final List<String> only = List.of(System.getProperty("kimgraph.bench.only", "").split(",")).stream()
            .filter(s -> !s.isBlank()).toList();
    private final boolean warmPlans = Boolean.parseBoolean(System.getProperty("kimgraph.bench.warm-plans", "true"));
    private final String asOf = LocalDate.now().toString();
    private final Report report = new Report();

    @Test
    void run() throws Exception {
        Path directory = Files.createTempDirectory("kimgraph-bench");
        SyntheticNetwork.Scale scale = SyntheticNetwork.Scale.named(scaleName);
        String kreis = scale.tenants().contains(SyntheticNetwork.DEFAULT_KREIS) ? SyntheticNetwork.DEFAULT_KREIS
                : scale.tenants().getFirst();
        long generated = System.nanoTime();
        SyntheticNetwork.Network network = SyntheticNetwork.generate(scale, seed);
        report.line("Scale `%s`, seed %d: %,d nodes and %,d relationships in %d datasets, generated in %.1f s."
                .formatted(scale.name(), seed, network.nodeCount(), network.relationshipCount(),
                        network.datasets().size(), seconds(generated)));
        report.line("Nodes: " + network.nodes() + ".");
        report.line("Relationships: " + network.relationships() + ".");
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(directory.resolve("main"), 0);
             Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none(), EmbeddedNeo4j.driverConfig())) {
            GraphBootstrap.run(driver, false);
            List<Dataset> rest = compareImport(driver, network, directory);
            long bulk = System.nanoTime();
            BulkWriter.write(driver, rest, message -> System.out.println("  bulk " + message));
            report.line("The remaining %d datasets written by the bulk writer (no checks) in %.1f s.".formatted(
                    rest.size(), seconds(bulk)));
            report.line("Store on disk after loading: %,d MB.".formatted(directorySize(directory.resolve("main")) >> 20));
            long heapAfterLoad = heapAfterGc();
            report.line("Heap after loading (service not started yet; Neo4j runs in the same JVM): %,d MB (max %,d MB)."
                    .formatted(heapAfterLoad >> 20, Runtime.getRuntime().maxMemory() >> 20));
            ConfigurableApplicationContext service = startService(neo4j.boltUri());
            try (NodeServer alternative = NodeServer.start(neo4j.boltUri(), report)) {
                measureAll(service, driver, alternative, kreis);
            } finally {
                service.close();
            }
        } finally {
            deleteQuietly(directory);
        }
        String text = report.toString();
        System.out.println(text);
        Path out = Path.of("target", "network-bench-" + scaleName.replace(':', '-') + ".md");
        Files.writeString(out, text);
        System.out.println("written to " + out.toAbsolutePath());
        // the in-process Neo4j is closed; end the JVM's remaining non-daemon threads with the test run
    }

    // --- import: validating loader against LOAD CSV on the same records ---------------------------------------

    private List<Dataset> compareImport(Driver driver, SyntheticNetwork.Network network, Path directory)
            throws IOException {
        List<Dataset> datasets = network.datasets();
        int count = Math.min(importKreise + 1, datasets.size() - 1);
        DatasetLoader loader = new DatasetLoader(driver);
        loader.load(datasets.getFirst());
        long countedRecords = 0;
        double loaderTotal = 0;
        double csvTotal = 0;
        List<String> details = new ArrayList<>();
        try (EmbeddedNeo4j scratch = EmbeddedNeo4j.start(directory.resolve("scratch"), 0);
             Driver csvDriver = GraphDatabase.driver(scratch.boltUri(), AuthTokens.none(), EmbeddedNeo4j.driverConfig())) {
            GraphBootstrap.run(csvDriver, false);
            LoadCsvReference.load(csvDriver, datasets.getFirst(), directory.resolve("csv-land"));
            for (int i = 1; i <= count; i++) {
                Dataset dataset = datasets.get(i);
                long records = dataset.nodes().size() + dataset.relationships().size();
                long started = System.nanoTime();
                loader.load(dataset);
                double loaderSeconds = seconds(started);
                started = System.nanoTime();
                LoadCsvReference.load(csvDriver, dataset, directory.resolve("csv-" + i));
                double csvSeconds = seconds(started);
                String cold = i == 1 ? " (cold: first of its kind, not counted)" : "";
                details.add("| %s | %,d | %.1f s | %,.0f | %.1f s | %,.0f | %.2f× |%s".formatted(dataset.name(),
                        records, loaderSeconds, records / loaderSeconds, csvSeconds, records / csvSeconds,
                        csvSeconds / loaderSeconds, cold));
                if (i > 1 || count == 1) {
                    countedRecords += records;
                    loaderTotal += loaderSeconds;
                    csvTotal += csvSeconds;
                }
            }
        }
        // all counted records over all their time (not an average of the datasets' rates)
        double loaderRate = countedRecords / loaderTotal;
        double csvRate = countedRecords / csvTotal;
        report.section("Import: validating loader vs LOAD CSV on the same records");
        report.line("Each Kreis dataset through `DatasetLoader` (all checks, diff, audit, one transaction) into the "
                + "bench database, and the same records as CSV files through `LOAD CSV` + `MERGE` into a second, "
                + "empty in-process Neo4j (one statement per file).");
        report.line("");
        report.line("| dataset | records | loader | records/s | LOAD CSV | records/s | ratio |");
        report.line("|---|---:|---:|---:|---:|---:|---:|");
        details.forEach(report::line);
        report.line("");
        report.line("**Validating import: %,.0f records/s, LOAD CSV: %,.0f records/s → %.2f× (goal ≥ 0.5×).**"
                .formatted(loaderRate, csvRate, loaderRate / csvRate));
        return datasets.subList(count + 1, datasets.size());
    }

    // --- the service ------------------------------------------------------------------------------------------

    private ConfigurableApplicationContext startService(String boltUri) {
        long started = System.nanoTime();
        // as command-line arguments: they take precedence over application.yaml (default properties do not)
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.neo4j.uri", boltUri);
        settings.put("server.port", "0");
        settings.put("kimgraph.demo", "false");
        settings.put("kimgraph.security.dev-issuer", "true");
        settings.put("kimgraph.warmup.enabled", "false");
        settings.put("kimgraph.limits.request-timeout", "120s");
        settings.put("kimgraph.limits.database-timeout", "110s");
        settings.put("spring.mvc.async.request-timeout", "150s");
        settings.put("logging.level.root", "warn");
        // a property the synthetic data never sets (phone) would be reported on every query
        settings.put("logging.level.org.springframework.data.neo4j.cypher", "error");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(KimGraphApplication.class)
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        report.line("Service started in %.1f s.".formatted(seconds(started)));
        if (!warmPlans) {
            report.line("Start-up warm-up of the query plans skipped (kimgraph.bench.warm-plans=false).");
            return context;
        }
        started = System.nanoTime();
        var outcomes = context.getBean(de.kimgraph.api.warmup.PlanWarmUp.class).run();
        report.line("Start-up warm-up of the query plans (`PlanWarmUp`, in the background in normal operation): %d "
                .formatted(outcomes.size()) + "requests in %.1f s, %d with errors.".formatted(seconds(started),
                outcomes.stream().filter(o -> !o.errors().isEmpty()).count()));
        outcomes.forEach(o -> report.line("- %s as %s: %,d ms%s".formatted(o.document(), o.role(), o.millis(),
                o.errors().isEmpty() ? "" : ", errors: " + String.join("; ", o.errors()))));
        return context;
    }

    private void measureAll(ConfigurableApplicationContext service, Driver driver, NodeServer alternative,
                            String kreis) throws Exception {
        String port = service.getEnvironment().getProperty("local.server.port");
        String url = "http://127.0.0.1:" + port + "/graphql";
        DevIssuer issuer = service.getBean(DevIssuer.class);
        String admin = issuer.mint(new Principal("bench-admin", null, EnumSet.of(AccessRole.ADMIN), null),
                Duration.ofHours(6));
        String land = SyntheticNetwork.LAND_TENANT;

        if (selected("__typename")) {
            report.section("Fixed cost of a request");
            report.line("`{ __typename }` touches no database: HTTP, token check, GraphQL parsing, validation and "
                    + "limits. `fieldsOfAction` reads 15 vocabulary nodes with one small statement.");
            report.tableHeader(false);
            report.row("__typename", "–", measure(() -> graphQl(url, admin, "{ __typename }", Map.of())),
                    measure(() -> cypher(driver, "RETURN 1 AS one", Map.of())), null);
            report.row("fieldsOfAction", "–",
                    measure(() -> graphQl(url, admin, "{ fieldsOfAction { key labelDe } }", Map.of())),
                    measure(() -> cypher(driver, "MATCH (f:FieldOfAction) RETURN f.key AS key, "
                            + "f.labelDe AS labelDe ORDER BY key", Map.of())), null);
        }

        report.section("Entity queries with two levels of nesting (first 100 by key, valid today)");
        report.line("Service: GraphQL over HTTP as ADMIN (no read rule). Lower bound: one hand-written Cypher "
                + "statement through the driver, results materialised. `@neo4j/graphql`: the same question over HTTP "
                + "(see `api/src/test/node/neo4j-graphql`). Items = objects with a key in the answer (equal = same "
                + "answer size).");
        report.tableHeader(true);
        for (String[] entity : new String[][]{
                {"actors-nested", BenchQueries.ACTORS_NESTED, BenchQueries.ACTORS_NESTED_CYPHER},
                {"bodies-nested", BenchQueries.BODIES_NESTED, BenchQueries.BODIES_NESTED_CYPHER},
                {"services-nested", BenchQueries.SERVICES_NESTED, BenchQueries.SERVICES_NESTED_CYPHER}}) {
            for (String scope : List.of("kreis", "land")) {
                if (!selected(entity[0])) {
                    continue;
                }
                String tenant = scope.equals("kreis") ? kreis : null;
                Map<String, Object> filter = new HashMap<>();
                if (tenant != null) {
                    filter.put("tenant", tenant);
                }
                Map<String, Object> graphQlVariables = Map.of("filter", filter);
                Map<String, Object> cypherParameters = new HashMap<>();
                cypherParameters.put("tenant", tenant);
                cypherParameters.put("asOf", LocalDate.now());
                Stats service1 = measure(() -> graphQl(url, admin, entity[1], graphQlVariables));
                Stats lower = measure(() -> cypher(driver, entity[2], cypherParameters));
                Stats other = alternative.available()
                        ? measure(() -> alternative.query(entity[0], scope, tenant, asOf)) : null;
                report.row(entity[0], scope, service1, lower, other);
            }
        }

        report.section("Grouped counts");
        report.tableHeader(false);
        for (String[] count : new String[][]{
                {"services by field", BenchQueries.COUNT_SERVICES_BY_FIELD, BenchQueries.COUNT_SERVICES_BY_FIELD_CYPHER},
                {"actors by kind", BenchQueries.COUNT_ACTORS_BY_KIND, BenchQueries.COUNT_ACTORS_BY_KIND_CYPHER}}) {
            for (String scope : List.of("kreis", "land")) {
                if (!selected(count[0])) {
                    continue;
                }
                String area = scope.equals("kreis") ? kreis : land;
                Stats service1 = measure(() -> graphQl(url, admin, count[1], Map.of("area", area)));
                Stats lower = measure(() -> cypher(driver, count[2], Map.of("area", area, "asOf", LocalDate.now())));
                report.row(count[0], scope, service1, lower, null);
            }
        }

        report.section("Analytic root fields (GraphQL over HTTP, ADMIN)");
        report.line("Goals: per Kreis p95 < 100 ms, whole Land < 1 s.");
        report.line("");
        report.line("| question | scope | first call after warm-up | median | p95 | runs | keyed objects in the answer | goal |");
        report.line("|---|---|---:|---:|---:|---:|---:|---|");
        String heaviest = null;
        String heaviestArea = null;
        double heaviestMedian = -1;
        for (String[] analytic : new String[][]{
                {"whoDoesWhat", BenchQueries.WHO_DOES_WHAT}, {"coverageGaps", BenchQueries.COVERAGE_GAPS},
                {"duplicateStructures", BenchQueries.DUPLICATE_STRUCTURES},
                {"interfacePoints", BenchQueries.INTERFACE_POINTS}, {"networkHealth", BenchQueries.NETWORK_HEALTH},
                {"fundingCliffs", BenchQueries.FUNDING_CLIFFS}, {"diff", BenchQueries.DIFF},
                {"network", BenchQueries.NETWORK},
                {"interfacePaper", BenchQueries.INTERFACE_PAPER}}) {
            for (String scope : List.of("kreis", "land")) {
                if (!selected(analytic[0])) {
                    continue;
                }
                String area = scope.equals("kreis") ? kreis : land;
                Stats stats = measure(() -> graphQl(url, admin, analytic[1], Map.of("area", area)));
                double goal = scope.equals("kreis") ? 100 : 1000;
                report.line("| %s | %s | %s | %s | %s | %d | %,d | %s |".formatted(analytic[0], scope,
                        ms(stats.first()), ms(stats.median()), ms(stats.p95()), stats.runs(), stats.items(),
                        stats.failed() != null ? "error"
                                : stats.p95() <= goal ? "met" : "missed (%.1f× the goal)".formatted(stats.p95() / goal)));
                if (stats.failed() != null) {
                    report.line("|  | error: " + stats.failed().replace('|', '/') + " | | | | | | |");
                }
                if (scope.equals("land") && stats.median() > heaviestMedian) {
                    heaviestMedian = stats.median();
                    heaviest = analytic[1];
                    heaviestArea = area;
                }
            }
        }

        report.section("Memory");
        if (heaviest != null) {
            long before = heapAfterGc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            String document = heaviest;
            String area = heaviestArea;
            graphQl(url, admin, document, Map.of("area", area));
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            report.line("Heap used after GC with the service running: %,d MB. Peak heap during the heaviest analytic "
                    .formatted(before >> 20) + "question (%s, whole Land): %,d MB (sum of the heap pools' peaks, "
                    .formatted(heaviest.substring(heaviest.indexOf('{') + 1, heaviest.indexOf('(', heaviest.indexOf('{')))
                            .strip(), peak >> 20) + "an upper bound).");
        }
    }

    // --- measuring --------------------------------------------------------------------------------------------

    private boolean selected(String question) {
        return only.isEmpty() || only.stream().anyMatch(question::contains);
    }

    /** Timings in milliseconds: the first (cold) call, then median and p95 after warm-up. */
    record Stats(double first, double median, double p95, int runs, long items, String failed) {
    }

    private Stats measure(Callable<Long> call) {
        try {
            long started = System.nanoTime();
            long items = call.call();
            double first = (System.nanoTime() - started) / 1e6;
            // a question that takes seconds gets no further warm-up and at least 3 runs, not 5
            boolean slow = first > 5_000;
            for (int i = 1; i < warmup && !slow; i++) {
                call.call();
            }
            List<Double> times = new ArrayList<>();
            long budget = System.nanoTime() + budgetSeconds * 1_000_000_000L;
            while (times.size() < runs && (times.size() < (slow ? 3 : 5) || System.nanoTime() < budget)) {
                long t = System.nanoTime();
                call.call();
                times.add((System.nanoTime() - t) / 1e6);
            }
            times.sort(Double::compare);
            return new Stats(first, percentile(times, 0.5), percentile(times, 0.95), times.size(), items, null);
        } catch (Exception e) {
            System.out.println("  failed: " + e.getMessage());
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0, -1, String.valueOf(e.getMessage()));
        }
    }

    private static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** Posts a GraphQL request; returns the answer size; fails on errors. */
    static long graphQl(String url, String token, String document, Map<String, ?> variables) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(180))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        if (Boolean.getBoolean("kimgraph.bench.dump")) {
            Path dump = Path.of("target", "bench-answers", Integer.toHexString((url + document + variables).hashCode())
                    + ".json");
            Files.createDirectories(dump.getParent());
            Files.writeString(dump, url + "\n" + document + "\n" + variables + "\n" + response.body());
        }
        if (response.statusCode() != 200 || answer.has("errors") && !answer.get("errors").isEmpty()) {
            String errors = answer.has("errors") ? answer.get("errors").toString() : response.body();
            throw new IllegalStateException("HTTP " + response.statusCode() + ": "
                    + errors.substring(0, Math.min(300, errors.length())));
        }
        return size(answer.get("data"));
    }

    private static long cypher(Driver driver, String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            List<Map<String, Object>> rows = session.run(cypher, parameters).list(r -> r.asMap(Value::asObject));
            long size = 0;
            for (Map<String, Object> row : rows) {
                size += size(JSON.valueToTree(row));
            }
            return size;
        }
    }

    /** Objects with a key, plus the values of {@code count} fields: compares the answers' sizes. */
    static long size(JsonNode node) {
        if (node == null) {
            return 0;
        }
        long size = 0;
        if (node.isObject()) {
            if (node.has("key")) {
                size++;
            }
            if (node.has("count") && node.get("count").isNumber()) {
                size += node.get("count").asLong();
            }
            for (JsonNode child : node) {
                size += size(child);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                size += size(child);
            }
        }
        return size;
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    static String ms(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value < 10 ? "%.1f ms".formatted(value) : "%,.0f ms".formatted(value);
    }

    private static long directorySize(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }

    /** The Markdown report. */
    static final class Report {
        private final StringBuilder text = new StringBuilder();

        Report() {
            Runtime runtime = Runtime.getRuntime();
            line("# kim-graph bench run " + java.time.LocalDateTime.now().withNano(0));
            line("");
            line("Machine: %d cores, Java %s, max heap %,d MB, %s %s.".formatted(runtime.availableProcessors(),
                    System.getProperty("java.version"), runtime.maxMemory() >> 20, System.getProperty("os.name"),
                    System.getProperty("os.arch")));
        }

        void section(String title) {
            line("");
            line("## " + title);
            line("");
        }

        void line(String line) {
            System.out.println(line);
            text.append(line).append('\n');
        }

        void tableHeader(boolean alternative) {
            line("");
            line("| question | scope | service median | p95 | first call after warm-up | Cypher median | p95 | ratio"
                    + (alternative ? " | @neo4j/graphql median | p95 | ratio" : "") + " | items |");
            line("|---|---|---:|---:|---:|---:|---:|---:" + (alternative ? "|---:|---:|---:" : "") + "|---|");
        }

        void row(String question, String scope, Stats service, Stats lower, Stats alternative) {
            StringBuilder row = new StringBuilder("| %s | %s | %s | %s | %s | %s | %s | %s".formatted(question, scope,
                    ms(service.median()), ms(service.p95()), ms(service.first()), ms(lower.median()), ms(lower.p95()),
                    ratio(service.median(), lower.median())));
            String items = "service " + service.items() + ", Cypher " + lower.items();
            if (alternative != null) {
                row.append(" | %s | %s | %s".formatted(ms(alternative.median()), ms(alternative.p95()),
                        ratio(service.median(), alternative.median())));
                items += ", @neo4j/graphql " + alternative.items();
            }
            line(row + " | " + items + " |");
            for (Stats failed : new Stats[]{service, lower, alternative}) {
                if (failed != null && failed.failed() != null) {
                    line("|  | error: " + failed.failed().replace('|', '/') + " |");
                }
            }
        }

        private static String ratio(double a, double b) {
            return Double.isNaN(a) || Double.isNaN(b) ? "–" : "%.2f×".formatted(a / b);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** The {@code @neo4j/graphql} server on Node.js (api/src/test/node/neo4j-graphql), when Node.js is there. */
    static final class NodeServer implements AutoCloseable {
        private final Process process;
        private final String url;
        private final JsonNode documents;

        private NodeServer(Process process, String url, JsonNode documents) {
            this.process = process;
            this.url = url;
            this.documents = documents;
        }

        static NodeServer start(String boltUri, Report report) {
            Path dir = Path.of("src", "test", "node", "neo4j-graphql").toAbsolutePath();
            try {
                if (!Files.exists(dir.resolve("server.mjs"))) {
                    report.line("@neo4j/graphql: not measured (no server in " + dir + ").");
                    return new NodeServer(null, null, null);
                }
                if (!Files.isDirectory(dir.resolve("node_modules"))) {
                    Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile())
                            .redirectErrorStream(true).redirectOutput(Path.of("target", "npm-ci.log").toFile()).start();
                    if (install.waitFor() != 0) {
                        report.line("@neo4j/graphql: not measured (`npm ci` failed in " + dir + ").");
                        return new NodeServer(null, null, null);
                    }
                }
                ProcessBuilder builder = new ProcessBuilder("node", "server.mjs").directory(dir.toFile())
                        .redirectError(Path.of("target", "neo4j-graphql.log").toAbsolutePath().toFile());
                builder.environment().put("NEO4J_URI", boltUri);
                builder.environment().put("PORT", "0");
                Process process = builder.start();
                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8));
                String line;
                while ((line = out.readLine()) != null && !line.startsWith("LISTENING ")) {
                    System.out.println("  node: " + line);
                }
                if (line == null) {
                    report.line("@neo4j/graphql: not measured (the server ended before listening).");
                    return new NodeServer(null, null, null);
                }
                String version = Files.readString(dir.resolve("package.json"));
                report.line("@neo4j/graphql server started (package.json: " + JSON.readTree(version)
                        .path("dependencies").toString() + ", Node.js " + nodeVersion() + ").");
                return new NodeServer(process, "http://127.0.0.1:" + line.substring("LISTENING ".length()).strip()
                        + "/graphql", JSON.readTree(Files.readString(dir.resolve("queries.json"))));
            } catch (IOException | InterruptedException e) {
                report.line("@neo4j/graphql: not measured (" + e.getMessage() + ").");
                return new NodeServer(null, null, null);
            }
        }

        private static String nodeVersion() throws IOException, InterruptedException {
            Process p = new ProcessBuilder("node", "--version").start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            return v;
        }

        boolean available() {
            return process != null;
        }

        long query(String name, String scope, String tenant, String asOf) throws Exception {
            String document = documents.path(name).path(scope).asString();
            Map<String, Object> variables = new HashMap<>();
            variables.put("asOf", asOf);
            if (tenant != null) {
                variables.put("tenant", tenant);
            }
            return graphQl(url, null, document, variables);
        }

        @Override
        public void close() {
            if (process != null) {
                process.destroy();
            }
        }
    }
}
