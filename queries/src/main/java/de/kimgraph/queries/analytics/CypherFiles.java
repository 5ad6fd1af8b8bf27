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
 * {@code //} line on top saying which), read once and cached. The read rule's pseudo-calls
 * ({@code READABLE(x)}, {@code READABLE_REL(r)}, {@code CONTACTS(x)}) are expanded on loading
 * ({@link ReadRule#expand}); the files bind {@link Scope#parameters()}, which carry the rule's parameters.
 */
public final class CypherFiles {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private CypherFiles() {
    }

    /** The file {@code cypher/<name>.cypher}, e.g. {@code get("coverage/covered-cells")}. */
    public static String get(String name) {
        return CACHE.computeIfAbsent(name, CypherFiles::read);
    }

    private static String read(String name) {
        String path = "/cypher/" + name + ".cypher";
        try (InputStream in = CypherFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing Cypher file " + path);
            }
            return ReadRule.expand(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
