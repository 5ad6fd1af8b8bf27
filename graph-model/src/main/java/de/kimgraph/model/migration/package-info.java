/** Versioned Cypher migrations (constraints and indexes) applied at start-up and recorded in the graph. */
@NullMarked
package de.kimgraph.model.migration;

import org.jspecify.annotations.NullMarked;
