package de.kimgraph.exchange.hsds;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * HSDS 3 wants every {@code id} to be a UUID. Ours are name-based UUIDs (version 5, SHA-1, RFC 4122) of
 * {@code urn:kim-graph:hsds:<table>:<key>…} in the URL namespace, so the same record always gets the same id, in
 * every export and on every machine, and anyone can recompute it from the key. The key itself travels in an
 * attribute (see {@code docs/import-export-hsds.md}).
 */
final class HsdsIds {

    /** The RFC 4122 namespace for URLs and URNs. */
    private static final UUID URL_NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    private HsdsIds() {
    }

    /** The id of a row of {@code table} made from {@code parts} (our keys, codes), e.g. {@code ("service", key)}. */
    static String of(String table, String... parts) {
        return v5(URL_NAMESPACE, "urn:kim-graph:hsds:" + table + ":" + String.join(":", parts)).toString();
    }

    static UUID v5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits()).array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
