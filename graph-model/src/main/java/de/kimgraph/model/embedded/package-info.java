/** The in-process Neo4j of the embedded default, with Bolt on localhost. */
@NullMarked
package de.kimgraph.model.embedded;

import org.jspecify.annotations.NullMarked;
