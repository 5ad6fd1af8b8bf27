/** Funding cliffs (was bricht weg): what loses its funding when a programme ends — positions by funded FTE, services, led bodies, money relations, requirements. */
@NullMarked
package de.kimgraph.queries.analytics.funding;

import org.jspecify.annotations.NullMarked;
