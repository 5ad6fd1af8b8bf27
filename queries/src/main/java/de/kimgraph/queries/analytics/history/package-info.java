/** History (DOMAIN.md §5.7): what was added and what ended in an area between two dates. */
@NullMarked
package de.kimgraph.queries.analytics.history;

import org.jspecify.annotations.NullMarked;
