/** Who may read and write what: the principal from the token, its read rule compiled into Cypher, access errors. */
@NullMarked
package de.kimgraph.queries.access;

import org.jspecify.annotations.NullMarked;
