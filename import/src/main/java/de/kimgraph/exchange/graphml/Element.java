package de.kimgraph.exchange.graphml;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A node or edge as an XML reader found it: where, its id, its endpoints (edges) and its fields by name. */
record Element(String location, @Nullable String id, @Nullable String source, @Nullable String target,
               Map<String, @Nullable Object> fields) {
}
