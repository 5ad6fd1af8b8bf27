package de.kimgraph.model.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads classpath resources that ship with the model (reference data, vocabularies, the demo). */
public final class Resources {

    private Resources() {
    }

    public static byte[] read(String path) {
        try (InputStream in = Resources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
