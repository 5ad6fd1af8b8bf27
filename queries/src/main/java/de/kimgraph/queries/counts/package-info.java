/** Grouped counts of entities by field of action, target group, area or kind, with empty groups. */
@NullMarked
package de.kimgraph.queries.counts;

import org.jspecify.annotations.NullMarked;
