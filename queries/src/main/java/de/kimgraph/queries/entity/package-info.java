/** Reads of entities over the graph: filtered, keyset-paginated lists, look-ups by key and batch-loaded links (no N+1). */
@NullMarked
package de.kimgraph.queries.entity;

import org.jspecify.annotations.NullMarked;
