package de.kimgraph.exchange.sheet.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import de.kimgraph.exchange.Formats;
import de.kimgraph.exchange.ReadOptions;
import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetLoader;
import de.kimgraph.model.dataset.LoadResult;
import de.kimgraph.model.spec.Terms;
import de.kimgraph.model.testing.TestNeo4j;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Values;

/**
 * What importing a 100,000-row spreadsheet costs: 40,000 Akteure and 60,000 Angebote (with providers, seats and served
 * areas among the NRW Gemeinden, fields of action, target groups, legal domains; about 390,000 links), written as a
 * workbook the way the template is filled (German labels, date cells, {@code ;} lists), read by {@code XlsxFormat}
 * (streaming) and written by {@code DatasetLoader} in one transaction, in the bench tenant {@code 999939000000}.
 * For reference the same rows as CSV go through Neo4j's own {@code LOAD CSV} with equivalent {@code MERGE}
 * statements, once in one transaction and once {@code IN TRANSACTIONS OF 10000 ROWS} (the usual way).
 *
 * <p>Not run by {@code bin/test} (the class name does not end in Test, as {@code ReadRuleBench}); run it with
 * {@code ./mvnw -o -B -pl import -am verify -Dtest=SheetImportBench -Dsurefire.failIfNoSpecifiedTests=false}. The
 * figures are printed and written to {@code import/target/sheet-import-bench.txt}. The in-process Neo4j shares the
 * JVM, so the heap figures include its transaction state.
 */
class SheetImportBench {

    private static final String TENANT = "999939000000";
    private static final int ACTORS = 40_000;
    private static final int SERVICES = 60_000;
    private static final int ROWS = ACTORS + SERVICES;
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);

    private static final List<String> ACTOR_HEADERS = List.of("Schlüssel", "Name", "Art", "Sektor", "Ebene", "Sitz",
            "Teil von", "Rechtskreise", "E-Mail", "Gültig ab", "Quelle", "Sichtbarkeit");
    private static final List<String> SERVICE_HEADERS = List.of("Schlüssel", "Name", "Form", "Träger", "Handlungsfelder",
            "Zielgruppen", "Gebiete", "Sprachen", "Kapazität", "Mindestalter", "Gültig ab", "Quelle", "Sichtbarkeit");

    private final StringBuilder out = new StringBuilder();
    private final Map<String, Map<String, String>> vocabulary = new HashMap<>();
    private List<String> areas = List.of();

    public static void main(String[] args) {
        new SheetImportBench().run();
    }

    @Test
    void run() {
        TestNeo4j neo4j = TestNeo4j.get().withDemo();
        Driver driver = neo4j.driver();
        try {
            delete(driver);
            areas = driver.executableQuery("MATCH (a:Area {tenant: 'REFERENCE', level: 'MUNICIPALITY'}) RETURN a.key "
                    + "ORDER BY a.key").execute().records().stream().map(r -> r.get(0).asString()).toList();
            for (String label : List.of("FieldOfAction", "TargetGroup", "LegalDomain")) {
                Map<String, String> byLabel = new HashMap<>();
                driver.executableQuery("MATCH (n:`" + label + "`) RETURN n.labelDe AS de, n.key AS key").execute()
                        .records().forEach(r -> byLabel.put(r.get("de").asString(), r.get("key").asString()));
                List.copyOf(byLabel.values()).forEach(k -> byLabel.put(k, k));
                vocabulary.put(label, byLabel);
            }
            line("Sheet import benchmark: %,d rows (%,d Akteure, %,d Angebote) into tenant %s; %d NRW Gemeinden as areas",
                    ROWS, ACTORS, SERVICES, TENANT, areas.size());
            line("JVM: %d cores, max heap %,d MB, Java %s; load average at start %.1f", Runtime.getRuntime()
                    .availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

            long t = System.nanoTime();
            byte[] xlsx = xlsx();
            line("Generated workbook: %,d bytes in %,d ms", xlsx.length, ms(t));

            // --- XlsxFormat + DatasetLoader ---
            gc();
            long baseline = used();
            resetPeaks();
            t = System.nanoTime();
            Dataset dataset = Formats.get("xlsx").read("bench.xlsx", new ByteArrayInputStream(xlsx),
                    new ReadOptions(TENANT, "bench", null));
            long parse = System.nanoTime() - t;
            long parsePeak = peak();
            gc();
            long retained = used() - baseline;
            resetPeaks();
            t = System.nanoTime();
            LoadResult result = new DatasetLoader(driver, profile("first import")).load(dataset);
            long write = System.nanoTime() - t;
            long writePeak = peak();
            line("Loaded: %s; read %,d ms, written %,d ms", result, parse / 1_000_000, write / 1_000_000);
            line("Records: %,d nodes, %,d relationships", dataset.nodes().size(), dataset.relationships().size());
            line("Result: %s", digest(result));

            dataset = null;
            gc();
            t = System.nanoTime();
            Dataset again = Formats.get("xlsx").read("bench.xlsx", new ByteArrayInputStream(xlsx),
                    new ReadOptions(TENANT, "bench", null));
            long warmParse = System.nanoTime() - t;
            resetPeaks();
            t = System.nanoTime();
            LoadResult unchanged = new DatasetLoader(driver, profile("second import")).load(again);
            long second = System.nanoTime() - t;
            long secondPeak = peak();
            again = null;
            line("Second import: %s; read %,d ms, checked %,d ms", unchanged, warmParse / 1_000_000, second / 1_000_000);
            line("Result: %s", digest(unchanged));

            byte[] zip = csvZip();
            resetPeaks();
            t = System.nanoTime();
            Dataset fromCsv = Formats.get("csv").read("bench.zip", new ByteArrayInputStream(zip),
                    new ReadOptions(TENANT, "bench", null));
            long csvParse = System.nanoTime() - t;
            long csvPeak = peak();
            line("CsvFormat read %,d nodes", fromCsv.nodes().size());
            fromCsv = null;
            delete(driver);

            // --- LOAD CSV ---
            Path importDir = importDirectory(driver);
            String loadCsvNote;
            long loadOne = -1;
            long loadBatched = -1;
            long loadPeak = -1;
            if (importDir == null) {
                loadCsvNote = "LOAD CSV skipped: the database is not in this JVM's file system (NEO4J_URI)";
            } else {
                Files.createDirectories(importDir);
                writeCsv(importDir.resolve("bench-akteure.csv"), ACTOR_HEADERS, this::actor);
                writeCsv(importDir.resolve("bench-angebote.csv"), SERVICE_HEADERS, this::service);
                // file:///name is not resolved against server.directories.import by the in-process Neo4j, so
                // the URL names the file absolutely.
                String root = importDir.toUri().toString();
                resetPeaks();
                t = System.nanoTime();
                try (Session session = driver.session(); Transaction tx = session.beginTransaction()) {
                    for (String statement : loadCsvStatements(false)) {
                        tx.run(statement, parameters(root)).consume();
                    }
                    tx.commit();
                }
                loadOne = System.nanoTime() - t;
                loadPeak = peak();
                line("LOAD CSV (one transaction): %s", counts(driver));
                delete(driver);
                t = System.nanoTime();
                try (Session session = driver.session()) {
                    for (String statement : loadCsvStatements(true)) {
                        session.run(statement, parameters(root)).consume();
                    }
                }
                loadBatched = System.nanoTime() - t;
                line("LOAD CSV (IN TRANSACTIONS OF 10000 ROWS): %s", counts(driver));
                loadCsvNote = "LOAD CSV from files in " + importDir + " (absolute file: URLs)";
                Files.deleteIfExists(importDir.resolve("bench-akteure.csv"));
                Files.deleteIfExists(importDir.resolve("bench-angebote.csv"));
            }

            line("");
            line("| phase | time | rows/s | heap |");
            line("|---|---:|---:|---:|");
            row("XlsxFormat.read: parse + validate (first read in the JVM)", parse, "peak " + mb(parsePeak) + ", Dataset retained " + mb(retained));
            row("DatasetLoader.load: check + write (1 tx)", write, "peak " + mb(writePeak));
            row("total (XLSX → graph)", parse + write, "");
            row("XlsxFormat.read again (warm JVM)", warmParse, "");
            row("DatasetLoader.load of the same file again (0 changes, 1 tx)", second, "peak " + mb(secondPeak));
            row("CsvFormat.read (same rows, ZIP): parse + validate", csvParse, "peak " + mb(csvPeak));
            if (loadOne >= 0) {
                row("LOAD CSV + MERGE, 1 transaction (total)", loadOne, "peak " + mb(loadPeak));
                row("LOAD CSV + MERGE, IN TRANSACTIONS OF 10000 ROWS (total)", loadBatched, "");
            }
            line("");
            line("%s. Heap: sum of the heap pools' peaks during the phase (the in-process Neo4j shares the JVM); "
                    + "retained: used heap after GC with the Dataset alive, minus before. Load average at end %.1f.",
                    loadCsvNote, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            line("");
            line("Where the loader's time goes (DatasetLoader progress: per label/type, then per step):");
            profile.forEach(p -> line("- %s", p));
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/sheet-import-bench.txt"), out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(driver);
        }
    }

    // ------------------------------------------------------------------ the rows

    private static final List<String> KINDS = List.of("FREE_PROVIDER", "WELFARE_ASSOCIATION", "MIGRANT_ORGANISATION",
            "VOLUNTEER_INITIATIVE", "EDUCATION_PROVIDER", "MUNICIPAL_UNIT", "AUTHORITY");
    private static final List<String> SECTORS = List.of("THIRD_SECTOR", "THIRD_SECTOR", "CIVIL_SOCIETY", "CIVIL_SOCIETY",
            "PRIVATE", "PUBLIC", "PUBLIC");
    private static final List<String> FORMS = List.of("REFERRAL_ADVICE", "CASE_WORK", "COURSE", "CONTACT_POINT",
            "GROUP_OFFER", "INTERPRETING", "PROJECT");
    private static final List<String> FIELDS = List.of("Migrationsberatung", "Sprachkurse", "Arbeit und Wirtschaft",
            "Wohnen", "Gesundheit", "Familie", "Bildung und Sprache", "Ehrenamt");
    private static final List<String> GROUPS = List.of("Neuzugewanderte", "Geflüchtete", "Frauen",
            "Junge Menschen 12–27", "EU-Bürger:innen", "Drittstaatsangehörige");

    private static String de(String vocabulary, String key) {
        return Terms.get().term(vocabulary, key).orElseThrow().de();
    }

    /** One Akteure row: every tenth actor is an organisation, the nine after it its units. */
    private List<Object> actor(int i) {
        int kind = i % KINDS.size();
        List<Object> row = new ArrayList<>();
        row.add("bench-a-" + i);
        row.add("Akteur " + i + " (fiktiv)");
        row.add(de("ActorKind", KINDS.get(kind)));
        row.add(de("Sector", SECTORS.get(kind)));
        row.add(de("ActorLevel", i % 3 == 0 ? "DISTRICT" : "MUNICIPAL"));
        row.add(areas.get(i % areas.size()));
        row.add(i % 10 == 0 ? null : "bench-a-" + (i - i % 10));
        row.add(i % 5 == 0 ? "SGB II Bürgergeld/Grundsicherung für Arbeitsuchende; Aufenthaltsgesetz"
                : i % 5 == 1 ? "SGB_VIII" : null);
        row.add("kontakt-" + i + "@traeger.example");
        row.add(FROM.plusDays(i % 365));
        row.add("Netzwerkerhebung 2026");
        row.add(i % 2 == 0 ? "Veröffentlicht" : "Intern");
        return row;
    }

    /** One Angebote row: provided by an actor, in one or two fields, for one group, in one or two Gemeinden. */
    private List<Object> service(int i) {
        List<Object> row = new ArrayList<>();
        row.add("bench-s-" + i);
        row.add("Angebot " + i + " (fiktiv)");
        row.add(de("ServiceForm", FORMS.get(i % FORMS.size())));
        row.add("bench-a-" + (i % ACTORS));
        row.add(i % 2 == 0 ? FIELDS.get(i % FIELDS.size()) : FIELDS.get(i % FIELDS.size()) + "; "
                + FIELDS.get((i + 3) % FIELDS.size()));
        row.add(GROUPS.get(i % GROUPS.size()));
        row.add(i % 2 == 0 ? areas.get(i % areas.size()) : areas.get(i % areas.size()) + "; "
                + areas.get((i + 7) % areas.size()));
        row.add(i % 3 == 0 ? "de; ar; uk" : "de");
        row.add((long) (10 + i % 90));
        row.add(i % 4 == 0 ? (Object) 18L : null);
        row.add(FROM.plusDays(i % 200));
        row.add("Netzwerkerhebung 2026");
        row.add(i % 3 == 0 ? "Intern" : "Veröffentlicht");
        return row;
    }

    /** The bench workbook with these areas, for profiling the reader alone. */
    static byte[] workbook(List<String> areas) throws IOException {
        SheetImportBench bench = new SheetImportBench();
        bench.areas = areas;
        return bench.xlsx();
    }

    private byte[] xlsx() throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd.mm.yyyy"));
            sheet(wb.createSheet("Akteure"), ACTOR_HEADERS, ACTORS, this::actor, date);
            sheet(wb.createSheet("Angebote"), SERVICE_HEADERS, SERVICES, this::service, date);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            wb.write(bytes);
            wb.dispose();
            return bytes.toByteArray();
        }
    }

    private static void sheet(Sheet sheet, List<String> headers, int rows, IntFunction<List<Object>> row,
                              CellStyle date) {
        Row header = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            header.createCell(c).setCellValue(headers.get(c));
        }
        for (int i = 0; i < rows; i++) {
            Row r = sheet.createRow(i + 1);
            List<Object> values = row.apply(i);
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                if (v == null) {
                    continue;
                }
                Cell cell = r.createCell(c);
                switch (v) {
                    case String s -> cell.setCellValue(s);
                    case Long l -> cell.setCellValue(l);
                    case LocalDate d -> {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    }
                    default -> throw new IllegalArgumentException(String.valueOf(v));
                }
            }
        }
    }

    private byte[] csvZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("Akteure.csv"));
            csv(zip, ACTOR_HEADERS, ACTORS, this::actor);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("Angebote.csv"));
            csv(zip, SERVICE_HEADERS, SERVICES, this::service);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private void writeCsv(Path file, List<String> headers, IntFunction<List<Object>> row) throws IOException {
        try (OutputStream o = Files.newOutputStream(file)) {
            csv(o, headers, headers == ACTOR_HEADERS ? ACTORS : SERVICES, row);
        }
    }

    /** {@code ;}-separated, ISO dates, no BOM (LOAD CSV would read it into the first header). */
    private static void csv(OutputStream o, List<String> headers, int rows, IntFunction<List<Object>> row)
            throws IOException {
        Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(o, StandardCharsets.UTF_8));
        w.write(String.join(";", headers));
        w.write("\r\n");
        for (int i = 0; i < rows; i++) {
            List<Object> values = row.apply(i);
            for (int c = 0; c < values.size(); c++) {
                if (c > 0) {
                    w.write(';');
                }
                Object v = values.get(c);
                if (v != null) {
                    String s = v.toString();
                    w.write(s.contains(";") ? '"' + s + '"' : s);
                }
            }
            w.write("\r\n");
        }
        w.flush();
    }

    // ------------------------------------------------------------------ LOAD CSV, the reference

    private Map<String, Object> parameters(String root) {
        Map<String, Object> terms = new HashMap<>();
        for (String v : List.of("ActorKind", "Sector", "ActorLevel", "ServiceForm", "Visibility")) {
            Map<String, String> byLabel = new HashMap<>();
            Terms.get().vocabulary(v).forEach(t -> byLabel.put(t.de(), t.key()));
            terms.put(v, byLabel);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("tenant", TENANT);
        p.put("terms", terms);
        p.put("vocab", vocabulary);
        p.put("actors", root + "bench-akteure.csv");
        p.put("services", root + "bench-angebote.csv");
        return p;
    }

    /**
     * The same records as the sheet import: nodes merged on key with their properties, tenant, version; links merged
     * on their endpoints with tenant, source and visibility; terms and vocabulary labels mapped to keys by parameters.
     */
    private static List<String> loadCsvStatements(boolean batched) {
        String link = "SET r.tenant = $tenant, r.source = row.Quelle, r.visibility = $terms.Visibility[row.Sichtbarkeit]";
        List<String> bodies = List.of(
                ("$actors|MERGE (a:Actor {key: row.`Schlüssel`}) ON CREATE SET a.version = 1 "
                        + "SET a.tenant = $tenant, a.name = row.Name, a.kind = $terms.ActorKind[row.Art], "
                        + "a.sector = $terms.Sector[row.Sektor], a.level = $terms.ActorLevel[row.Ebene], "
                        + "a.email = row.`E-Mail`, a.validFrom = date(row.`Gültig ab`), a.source = row.Quelle, "
                        + "a.visibility = $terms.Visibility[row.Sichtbarkeit]"),
                ("$actors|MATCH (a:Actor {key: row.`Schlüssel`}) "
                        + "CALL (a, row) { MATCH (area:Area {key: row.Sitz}) MERGE (a)-[r:BASED_IN]->(area) " + link + " } "
                        + "CALL (a, row) { WITH a, row WHERE row.`Teil von` IS NOT NULL "
                        + "  MATCH (p:Actor {key: row.`Teil von`}) MERGE (a)-[r:PART_OF]->(p) " + link + " } "
                        + "CALL (a, row) { UNWIND coalesce(split(row.Rechtskreise, '; '), []) AS d "
                        + "  MATCH (l:LegalDomain {key: $vocab.LegalDomain[d]}) MERGE (a)-[r:WORKS_UNDER]->(l) " + link + " }"),
                ("$services|MERGE (s:Service {key: row.`Schlüssel`}) ON CREATE SET s.version = 1 "
                        + "SET s.tenant = $tenant, s.name = row.Name, s.form = $terms.ServiceForm[row.Form], "
                        + "s.languages = split(row.Sprachen, '; '), s.capacity = toInteger(row.`Kapazität`), "
                        + "s.minAge = toInteger(row.Mindestalter), s.validFrom = date(row.`Gültig ab`), "
                        + "s.source = row.Quelle, s.visibility = $terms.Visibility[row.Sichtbarkeit] "
                        + "WITH s, row MATCH (p:Actor {key: row.`Träger`}) MERGE (p)-[r:PROVIDES]->(s) " + link),
                ("$services|MATCH (s:Service {key: row.`Schlüssel`}) "
                        + "CALL (s, row) { UNWIND split(row.Handlungsfelder, '; ') AS f "
                        + "  MATCH (x:FieldOfAction {key: $vocab.FieldOfAction[f]}) MERGE (s)-[r:IN_FIELD]->(x) " + link + " } "
                        + "CALL (s, row) { UNWIND split(row.Zielgruppen, '; ') AS g "
                        + "  MATCH (x:TargetGroup {key: $vocab.TargetGroup[g]}) MERGE (s)-[r:FOR_GROUP]->(x) " + link + " } "
                        + "CALL (s, row) { UNWIND split(row.Gebiete, '; ') AS a "
                        + "  MATCH (x:Area {key: a}) MERGE (s)-[r:SERVES]->(x) " + link + " }"));
        List<String> statements = new ArrayList<>();
        for (String body : bodies) {
            String[] parts = body.split("\\|", 2);
            String load = "LOAD CSV WITH HEADERS FROM " + parts[0] + " AS row FIELDTERMINATOR ';' ";
            statements.add(batched ? load + "CALL (row) { " + parts[1] + " } IN TRANSACTIONS OF 10000 ROWS"
                    : load + parts[1]);
        }
        return statements;
    }

    /** Where {@code file:///} points, or null when the database is not an in-process one. */
    private static Path importDirectory(Driver driver) {
        if (System.getenv("NEO4J_URI") != null && !System.getenv("NEO4J_URI").isBlank()) {
            return null;
        }
        var records = driver.executableQuery("SHOW SETTINGS YIELD name, value WHERE name = 'server.directories.import' "
                + "RETURN value").execute().records();
        if (records.isEmpty() || records.getFirst().get(0).isNull()) {
            return null;
        }
        return Path.of(records.getFirst().get(0).asString());
    }

    private static String counts(Driver driver) {
        var r = driver.executableQuery("""
                MATCH (n) WHERE (n:Actor OR n:Service) AND n.tenant = $t
                RETURN count(n) AS nodes, sum(COUNT { (n)-->() }) AS links""")
                .withParameters(Map.of("t", TENANT)).execute().records().getFirst();
        return String.format(Locale.ROOT, "%,d nodes, %,d relationships", r.get("nodes").asLong(), r.get("links").asLong());
    }

    private static void delete(Driver driver) {
        try (Session session = driver.session()) {
            for (String label : List.of("Service", "Actor", "AuditEvent")) {
                session.run("MATCH (n:`" + label + "`) WHERE n.tenant = $t CALL (n) { DETACH DELETE n } "
                        + "IN TRANSACTIONS OF 5000 ROWS", Values.parameters("t", TENANT)).consume();
            }
        }
    }

    // ------------------------------------------------------------------ measuring

    private final List<String> profile = new ArrayList<>();

    /** Keeps the loader's timed progress lines (a group's last batch, and the steps) for the profile. */
    private java.util.function.Consumer<String> profile(String run) {
        return message -> {
            if (message.endsWith(" ms)") || message.contains("Zeiten/timings")) {
                profile.add(run + ": " + message);
            }
        };
    }

    /** The counts and a fingerprint of the changes and warnings, to compare one loader version with another. */
    private static String digest(LoadResult result) {
        return String.format(Locale.ROOT, "counts %s; %d changes (hash %08x); %d warnings (hash %08x)",
                result.counts(), result.changes().size(), result.changes().toString().hashCode(),
                result.warnings().size(), result.warnings().toString().hashCode());
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peak() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes >> 20);
    }

    private void row(String phase, long nanos, String heap) {
        double seconds = nanos / 1e9;
        line("| %s | %,.1f s | %,.0f | %s |", phase, seconds, ROWS / seconds, heap);
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        out.append(text).append('\n');
    }
}
