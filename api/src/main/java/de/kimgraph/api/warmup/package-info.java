/** Warm-up of Neo4j's query plans after start-up. */
@NullMarked
package de.kimgraph.api.warmup;

import org.jspecify.annotations.NullMarked;
