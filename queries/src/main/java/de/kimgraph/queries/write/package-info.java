/** Mutations: create, update and end nodes and first-class relationships, validated at the boundary, with optimistic concurrency. */
@NullMarked
package de.kimgraph.queries.write;

import org.jspecify.annotations.NullMarked;
