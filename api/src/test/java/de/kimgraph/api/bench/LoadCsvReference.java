package de.kimgraph.api.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.RelationshipSpec;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Values;

/**
 * The obvious alternative to the validating import: the same records as CSV files (one per label and relationship
 * type), loaded with Neo4j's own {@code LOAD CSV} and plain {@code MERGE} statements that convert each column by
 * its type in the graph model, one statement (one transaction) per file. No checks, no diff, no audit.
 */
final class LoadCsvReference {

    private LoadCsvReference() {
    }

    /** Writes the dataset's CSV files into {@code directory} and loads them; returns the records written. */
    static long load(Driver driver, Dataset dataset, Path directory) throws IOException {
        Files.createDirectories(directory);
        long records = 0;
        Map<String, List<Dataset.NodeRecord>> nodes = new LinkedHashMap<>();
        dataset.nodes().forEach(n -> nodes.computeIfAbsent(n.label(), l -> new ArrayList<>()).add(n));
        for (Map.Entry<String, List<Dataset.NodeRecord>> entry : nodes.entrySet()) {
            List<PropertySpec> specs = columns(GraphSpec.node(entry.getKey()).properties(),
                    entry.getValue().stream().map(Dataset.NodeRecord::properties).toList());
            Path file = directory.resolve(entry.getKey() + ".csv");
            List<List<Object>> rows = new ArrayList<>();
            for (Dataset.NodeRecord node : entry.getValue()) {
                List<Object> row = new ArrayList<>();
                row.add(node.key());
                specs.forEach(s -> row.add(node.properties().get(s.name())));
                rows.add(row);
            }
            write(file, "key", specs, rows);
            run(driver, """
                    LOAD CSV WITH HEADERS FROM $url AS row
                    MERGE (n:`%s` {key: row.key})
                    SET %s, n.version = 1""".formatted(entry.getKey(), assignments("n", specs)), file);
            records += rows.size();
        }
        Map<RelationshipSpec, List<Dataset.RelationshipRecord>> relationships = new LinkedHashMap<>();
        dataset.relationships().forEach(r -> relationships.computeIfAbsent(r.spec(), s -> new ArrayList<>()).add(r));
        int file = 0;
        for (Map.Entry<RelationshipSpec, List<Dataset.RelationshipRecord>> entry : relationships.entrySet()) {
            RelationshipSpec spec = entry.getKey();
            List<PropertySpec> specs = columns(spec.properties(),
                    entry.getValue().stream().map(Dataset.RelationshipRecord::properties).toList());
            Path path = directory.resolve("rel-" + file++ + "-" + spec.type() + ".csv");
            List<List<Object>> rows = new ArrayList<>();
            for (Dataset.RelationshipRecord rel : entry.getValue()) {
                List<Object> row = new ArrayList<>(List.of(rel.key() == null ? "" : rel.key(), rel.from(), rel.to()));
                specs.forEach(s -> row.add(rel.properties().get(s.name())));
                rows.add(row);
            }
            write(path, "key,from,to", specs, rows);
            String merge = spec.keyed() ? "MERGE (a)-[r:`%s` {key: row.key}]->(b)".formatted(spec.type())
                    : "MERGE (a)-[r:`%s`]->(b)".formatted(spec.type());
            run(driver, """
                    LOAD CSV WITH HEADERS FROM $url AS row
                    MATCH (a:`%s` {key: row.from})
                    MATCH (b:`%s` {key: row.to})
                    %s
                    SET %s, r.version = 1""".formatted(spec.fromLabel(), spec.toLabel(), merge,
                    assignments("r", specs)), path);
            records += rows.size();
        }
        return records;
    }

    private static void run(Driver driver, String cypher, Path file) {
        try (var session = driver.session()) {
            session.run(cypher, Values.parameters("url", file.toUri().toString())).consume();
        }
    }

    /** The properties the records use, in model order. */
    private static List<PropertySpec> columns(List<PropertySpec> specs, List<Map<String, Object>> records) {
        Set<String> used = new LinkedHashSet<>();
        records.forEach(r -> used.addAll(r.keySet()));
        return specs.stream().filter(s -> used.contains(s.name()) && !s.name().equals("key")).toList();
    }

    private static String assignments(String variable, List<PropertySpec> specs) {
        List<String> parts = new ArrayList<>();
        for (PropertySpec spec : specs) {
            String cell = "row.`" + spec.name() + "`";
            String value = switch (spec.type()) {
                case INTEGER -> "toInteger(" + cell + ")";
                case FLOAT -> "toFloat(" + cell + ")";
                case BOOLEAN -> "toBoolean(" + cell + ")";
                case DATE -> "date(" + cell + ")";
                case STRING_LIST, ENUM_LIST -> "split(" + cell + ", ';')";
                case STRING, ENUM -> cell;
            };
            parts.add(variable + ".`" + spec.name() + "` = " + value);
        }
        return String.join(", ", parts);
    }

    private static void write(Path file, String keyColumns, List<PropertySpec> specs, List<List<Object>> rows)
            throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder(keyColumns);
            specs.forEach(s -> header.append(',').append(s.name()));
            out.write(header + "\n");
            for (List<Object> row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.size(); i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    Object value = row.get(i);
                    if (value != null && !(value instanceof String s && s.isEmpty())) {
                        String text = value instanceof List<?> list
                                ? String.join(";", list.stream().map(String::valueOf).toList()) : String.valueOf(value);
                        line.append('"').append(text.replace("\"", "\"\"")).append('"');
                    }
                }
                out.write(line + "\n");
            }
        }
    }
}
