package de.kimgraph.exchange.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.kimgraph.exchange.ExportScope;
import de.kimgraph.exchange.Format;
import de.kimgraph.exchange.Formats;
import de.kimgraph.exchange.GraphExporter;
import de.kimgraph.exchange.Importer;
import de.kimgraph.exchange.ReadOptions;
import de.kimgraph.model.bootstrap.GraphBootstrap;
import de.kimgraph.model.dataset.DatasetException;
import de.kimgraph.model.dataset.DatasetLoader;
import de.kimgraph.model.dataset.LoadResult;
import de.kimgraph.model.dataset.Problem;
import de.kimgraph.model.embedded.EmbeddedNeo4j;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * {@code bin/exchange}: import, export and templates from the command line.
 *
 * <pre>
 * bin/exchange formats
 * bin/exchange template xlsx [-o datei.xlsx]
 * bin/exchange import DATEI [--format F] [--tenant ARS] [--dry-run] [--comment TEXT]
 * bin/exchange export FORMAT --tenant ARS [--area ARS] [--as-of JJJJ-MM-TT] [--public] [-o DATEI]
 * </pre>
 *
 * <p>It connects to {@code NEO4J_URI} ({@code NEO4J_USERNAME}, {@code NEO4J_PASSWORD}) when set, otherwise it opens
 * the embedded store of {@code bin/run} ({@code KIMGRAPH_DATA_DIR}, default {@code .local/neo4j}), which must not
 * be in use by a running service at the same time. The command line acts as the operator (role ADMIN in the audit
 * trail, subject {@code cli:<user>}). It always ends the JVM explicitly: the embedded Neo4j leaves a non-daemon
 * thread behind.
 */
public final class ExchangeCli {

    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            Aufruf/usage:
              bin/exchange formats
              bin/exchange template FORMAT [-o DATEI]
              bin/exchange import DATEI [--format F] [--tenant ARS] [--dry-run] [--comment TEXT]
              bin/exchange export FORMAT --tenant ARS [--area ARS] [--as-of JJJJ-MM-TT] [--public] [-o DATEI]
            Ohne NEO4J_URI wird der eingebettete Speicher in KIMGRAPH_DATA_DIR (.local/neo4j) geöffnet; der Dienst
            (bin/run) darf dann nicht gleichzeitig laufen. Without NEO4J_URI the embedded store is opened; stop
            bin/run first.""";

    private final PrintStream out;
    private final PrintStream err;

    ExchangeCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int status;
        try {
            status = new ExchangeCli(System.out, System.err).run(args, null);
        } catch (RuntimeException | IOException e) {
            System.err.println("Fehler/error: " + e.getMessage());
            status = INVALID;
        }
        System.exit(status);
    }

    /** Runs one command; {@code driver} is used when given (tests), otherwise the configured database. */
    int run(String[] args, @Nullable Driver driver) throws IOException {
        if (args.length == 0) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        Arguments a = Arguments.parse(args);
        if (a.error != null) {
            err.println(a.error);
            err.println(USAGE_TEXT);
            return USAGE;
        }
        switch (a.command) {
            case "formats" -> {
                for (Format f : Formats.all()) {
                    out.printf(Locale.ROOT, "%-8s %-6s %s%s%s%n", f.id(), f.extension(), f.labelDe(),
                            f.readable() ? "" : " (nur Export)", f.hasTemplate() ? " (mit Vorlage)" : "");
                }
                return OK;
            }
            case "template" -> {
                Format format = format(a.positional(0));
                if (format == null) {
                    return USAGE;
                }
                if (!format.hasTemplate()) {
                    err.println("Das Format " + format.id() + " hat keine Vorlage (no template).");
                    return USAGE;
                }
                Path target = Path.of(a.option("o", "kim-graph-vorlage." + format.extension()));
                try (OutputStream file = Files.newOutputStream(target)) {
                    format.writeTemplate(file);
                }
                err.println("Vorlage geschrieben/template written: " + target);
                return OK;
            }
            case "import" -> {
                return withDriver(driver, d -> importFile(d, a));
            }
            case "export" -> {
                return withDriver(driver, d -> export(d, a));
            }
            default -> {
                err.println("Unbekannter Befehl/unknown command: " + a.command);
                err.println(USAGE_TEXT);
                return USAGE;
            }
        }
    }

    private int importFile(Driver driver, Arguments a) throws IOException {
        String file = a.positional(0);
        if (file == null) {
            err.println("Welche Datei? (which file?)");
            return USAGE;
        }
        Path path = Path.of(file);
        Format format = a.options.containsKey("format") ? format(a.option("format", "")) : detect(path);
        if (format == null) {
            return USAGE;
        }
        String user = System.getProperty("user.name", "operator");
        DatasetLoader.Caller caller = new DatasetLoader.Caller("cli:" + user, "ADMIN", null, a.options.get("comment"));
        boolean dryRun = a.flags.contains("dry-run");
        Importer importer = new Importer(driver, message -> err.println("  " + message));
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            LoadResult result = importer.run(format, path.getFileName().toString(), in,
                    new ReadOptions(a.options.get("tenant"), path.getFileName().toString(), null), caller, dryRun);
            print(result);
            return OK;
        } catch (DatasetException e) {
            err.println(e.problems().size() + " Fehler, nichts wurde geschrieben (" + e.problems().size()
                    + " problem(s), nothing was written):");
            for (Problem p : e.problems()) {
                err.println("  " + p);
            }
            return INVALID;
        }
    }

    private void print(LoadResult result) {
        out.println(result);
        result.counts().forEach((label, c) -> out.printf(Locale.ROOT, "  %-20s %8d neu %8d geändert %8d beendet %8d"
                + " unverändert%n", label, c.created(), c.changed(), c.ended(), c.unchanged()));
        for (LoadResult.Change change : result.changes().stream().limit(50).toList()) {
            out.println("  " + change.kind() + " " + change.label() + " " + change.key()
                    + (change.fields().isEmpty() ? "" : " " + change.fields() + " vorher/before " + change.before())
                    + "  (" + change.location() + ")");
        }
        if (result.changes().size() > 50 || !result.complete()) {
            out.println("  … (" + (result.created() + result.changed() + result.ended()) + " Änderungen/changes)");
        }
        for (Problem warning : result.warnings()) {
            out.println("  Hinweis/warning: " + warning);
        }
    }

    private int export(Driver driver, Arguments a) throws IOException {
        Format format = format(a.positional(0));
        String tenant = a.options.get("tenant");
        if (format == null) {
            return USAGE;
        }
        if (tenant == null) {
            err.println("--tenant fehlt (missing): der Mandant (ARS), dessen Daten exportiert werden.");
            return USAGE;
        }
        LocalDate asOf;
        try {
            asOf = a.options.containsKey("as-of") ? LocalDate.parse(a.options.get("as-of")) : null;
        } catch (DateTimeParseException e) {
            err.println("--as-of: Datum JJJJ-MM-TT erwartet (date YYYY-MM-DD expected): " + a.options.get("as-of"));
            return USAGE;
        }
        boolean full = !a.flags.contains("public");
        ExportScope scope = new ExportScope(tenant, a.options.get("area"), asOf, full, full);
        var snapshot = new GraphExporter(driver).export(scope);
        String name = "kim-graph-" + tenant + (scope.area() == null ? "" : "-" + scope.area())
                + (asOf == null ? "" : "-" + asOf) + "." + format.extension();
        Path target = Path.of(a.option("o", name));
        try (OutputStream file = Files.newOutputStream(target)) {
            format.write(snapshot, file);
        }
        err.println(snapshot.dataset().nodes().size() + " Knoten/nodes, " + snapshot.dataset().relationships().size()
                + " Beziehungen/relationships → " + target);
        return OK;
    }

    private @Nullable Format format(@Nullable String id) {
        Optional<Format> format = id == null ? Optional.empty() : Formats.find(id);
        if (format.isEmpty()) {
            err.println("Unbekanntes Format/unknown format " + id + "; bekannt/known: "
                    + String.join(", ", Formats.all().stream().map(Format::id).toList()));
            return null;
        }
        return format.get();
    }

    /** The format from the file name; a JSON or ZIP file is told apart by its content. */
    @Nullable Format detect(Path path) throws IOException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        if (extension.equals("csv")) {
            return format("csv");
        }
        List<Format> candidates = Formats.all().stream().filter(f -> f.extension().equals(extension)
                && f.readable()).toList();
        if (candidates.size() == 1) {
            return candidates.getFirst();
        }
        if (candidates.size() > 1) {
            String head;
            try (InputStream in = Files.newInputStream(path)) {
                head = new String(in.readNBytes(64 * 1024), StandardCharsets.ISO_8859_1);
            }
            if (extension.equals("json")) {
                return format(head.contains("\"kim-graph/1\"") ? "json" : "kumu");
            }
            if (extension.equals("zip")) {
                return format(head.contains("datapackage.json") ? "hsds" : "csv");
            }
        }
        err.println("Format von " + path + " nicht erkannt; bitte --format angeben (give --format).");
        return null;
    }

    private interface DriverCommand {
        int run(Driver driver) throws IOException;
    }

    private int withDriver(@Nullable Driver given, DriverCommand command) throws IOException {
        if (given != null) {
            return command.run(given);
        }
        String uri = System.getenv("NEO4J_URI");
        if (uri != null && !uri.isBlank()) {
            String user = System.getenv().getOrDefault("NEO4J_USERNAME", "neo4j");
            String password = System.getenv().getOrDefault("NEO4J_PASSWORD", "");
            try (Driver driver = GraphDatabase.driver(uri, password.isEmpty() ? AuthTokens.none()
                    : AuthTokens.basic(user, password), EmbeddedNeo4j.driverConfig())) {
                driver.verifyConnectivity();
                return command.run(driver);
            }
        }
        Path directory = Path.of(System.getenv().getOrDefault("KIMGRAPH_DATA_DIR", ".local/neo4j"));
        err.println("Eingebettete Neo4j/embedded Neo4j: " + directory.toAbsolutePath());
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(directory, 0);
             Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none(), EmbeddedNeo4j.driverConfig())) {
            GraphBootstrap.run(driver, false);
            return command.run(driver);
        }
    }

    /** {@code command positional… --option value --flag}. */
    static final class Arguments {
        private static final List<String> FLAGS = List.of("dry-run", "public");

        String command = "";
        final List<String> positional = new ArrayList<>();
        final Map<String, String> options = new LinkedHashMap<>();
        final List<String> flags = new ArrayList<>();
        @Nullable String error;

        static Arguments parse(String[] args) {
            Arguments a = new Arguments();
            a.command = args[0];
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("-")) {
                    String name = arg.replaceFirst("^--?", "");
                    if (FLAGS.contains(name)) {
                        a.flags.add(name);
                    } else if (i + 1 < args.length) {
                        a.options.put(name, args[++i]);
                    } else {
                        a.error = "Wert für " + arg + " fehlt (missing value).";
                    }
                } else {
                    a.positional.add(arg);
                }
            }
            return a;
        }

        @Nullable String positional(int index) {
            return index < positional.size() ? positional.get(index) : null;
        }

        String option(String name, String fallback) {
            return options.getOrDefault(name, fallback);
        }
    }
}
