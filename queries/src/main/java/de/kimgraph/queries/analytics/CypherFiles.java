package de.kimgraph.queries.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.kimgraph.queries.access.ReadRule;

/**
 * Cypher kept in {@code .cypher} files on the classpath under {@code cypher/} (one question per file, a
 * {@code //} line on top saying which), read once, compiled for the caller's read rule and cached per rule shape:
 * the pseudo-calls {@code READABLE(x)}, {@code READABLE_REL(r)} and {@code CONTACTS(x)} become the rule's
 * predicates ({@link ReadRule#compile}); the files bind {@link Scope#parameters()}, which carry the rule's
 * parameters. An unexpanded pseudo-call would be a Cypher syntax error, so none is silently skipped.
 *
 * <p>A line {@code #include <name>} is replaced by the file {@code cypher/<name>.cypher} before compiling: the
 * fragments under {@code cypher/scope/} say once what "in the area" means and start from the area, so every
 * analytic statement costs what the Kreis holds, not what the Land holds. A line left unreplaced is a syntax error
 * too.
 */
public final class CypherFiles {

    private static final Map<String, String> RAW = new ConcurrentHashMap<>();
    private static final Map<String, String> COMPILED = new ConcurrentHashMap<>();
    private static final Pattern INCLUDE = Pattern.compile("(?m)^[ \\t]*#include[ \\t]+(\\S+)[ \\t]*$");

    private CypherFiles() {
    }

    /** The file {@code cypher/<name>.cypher} for the rule, e.g. {@code get("coverage/covered-cells", scope.read())}. */
    public static String get(String name, ReadRule rule) {
        return COMPILED.computeIfAbsent(name + "#" + rule.shape(), k -> rule.compile(RAW.computeIfAbsent(name, CypherFiles::read)));
    }

    private static String read(String name) {
        return include(name, 0);
    }

    private static String include(String name, int depth) {
        if (depth > 8) {
            throw new IllegalStateException("Cypher fragments include each other in a cycle: " + name);
        }
        Matcher include = INCLUDE.matcher(resource(name));
        return include.replaceAll(found -> Matcher.quoteReplacement(include(found.group(1), depth + 1)));
    }

    private static String resource(String name) {
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
