/** The project's own JSON format {@code kim-graph/1}: the whole graph, round-trip exact. */
@NullMarked
package de.kimgraph.exchange.json;

import org.jspecify.annotations.NullMarked;
