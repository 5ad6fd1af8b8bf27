package de.kimgraph.model.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned Cypher files listed in {@code db/migration/migrations.txt} that the database has not seen
 * yet, and records each as a {@code :__Migration} node with its checksum. An applied file that changed since is
 * an error, not silently re-run.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final String BASE = "/db/migration/";

    /** One migration file. */
    public record Migration(String version, String file, String cypher, String checksum) {

        /** The statements of the file, split on semicolons at line ends; comment lines dropped. */
        public List<String> statements() {
            List<String> result = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : cypher.split("\n")) {
                if (line.strip().startsWith("//") || line.isBlank()) {
                    continue;
                }
                current.append(line).append('\n');
                if (line.strip().endsWith(";")) {
                    String statement = current.toString().strip();
                    result.add(statement.substring(0, statement.length() - 1));
                    current.setLength(0);
                }
            }
            if (!current.toString().isBlank()) {
                result.add(current.toString().strip());
            }
            return result;
        }
    }

    private Migrations() {
    }

    public static List<Migration> available() {
        List<Migration> result = new ArrayList<>();
        for (String line : read("migrations.txt").split("\n")) {
            String file = line.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            String cypher = read(file);
            result.add(new Migration(file.substring(0, file.indexOf("__")), file, cypher, sha256(cypher)));
        }
        return result;
    }

    /** Applies what is missing; returns the versions applied now. */
    public static List<String> apply(Driver driver) {
        List<String> applied = new ArrayList<>();
        try (var session = driver.session()) {
            Map<String, String> done = new java.util.HashMap<>();
            session.run("MATCH (m:__Migration) RETURN m.version AS version, m.checksum AS checksum")
                    .forEachRemaining(r -> done.put(r.get("version").asString(), r.get("checksum").asString()));
            for (Migration migration : available()) {
                String checksum = done.get(migration.version());
                if (checksum != null) {
                    if (!checksum.equals(migration.checksum())) {
                        throw new IllegalStateException("Migration " + migration.file()
                                + " was changed after it was applied; add a new migration instead.");
                    }
                    continue;
                }
                for (String statement : migration.statements()) {
                    session.run(statement).consume();
                }
                session.run("CREATE (:__Migration {version: $version, file: $file, checksum: $checksum, "
                        + "appliedAt: datetime()})", Values.parameters("version", migration.version(), "file",
                        migration.file(), "checksum", migration.checksum())).consume();
                LOG.info("Applied migration {}", migration.file());
                applied.add(migration.version());
            }
            session.run("CALL db.awaitIndexes(300)").consume();
        }
        return applied;
    }

    private static String read(String file) {
        try (InputStream in = Migrations.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration resource " + BASE + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
