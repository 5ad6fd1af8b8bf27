/** The GraphQL layer: wiring of the generic entity reads, links, counts and mutations onto the published schema. */
@NullMarked
package de.kimgraph.api.graph;

import org.jspecify.annotations.NullMarked;
