package de.kimgraph.queries.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.kimgraph.queries.access.ReadRule;

/**
 * Cypher kept in {@code .cypher} files on the classpath under {@code cypher/} (one question per file, a
 * {@code //} line on top saying which), read once, compiled for the caller's read rule and cached per rule shape:
 * the pseudo-calls {@code READABLE(x)}, {@code READABLE_REL(r)} and {@code CONTACTS(x)} become the rule's
 * predicates ({@link ReadRule#compile}); the files bind {@link Scope#parameters()}, which carry the rule's
 * parameters. An unexpanded pseudo-call would be a Cypher syntax error, so none is silently skipped.
 */
public final class CypherFiles {

    private static final Map<String, String> RAW = new ConcurrentHashMap<>();
    private static final Map<String, String> COMPILED = new ConcurrentHashMap<>();

    private CypherFiles() {
    }

    /** The file {@code cypher/<name>.cypher} for the rule, e.g. {@code get("coverage/covered-cells", scope.read())}. */
    public static String get(String name, ReadRule rule) {
        return COMPILED.computeIfAbsent(name + "#" + rule.shape(), k -> rule.compile(RAW.computeIfAbsent(name, CypherFiles::read)));
    }

    private static String read(String name) {
        String path = "/cypher/" + name + ".cypher";
        try (InputStream in = CypherFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing Cypher file " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
