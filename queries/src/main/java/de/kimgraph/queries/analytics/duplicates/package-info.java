/** Duplicate structures (DOMAIN.md §5.3): overlapping bodies, parallel services, meeting load, fragmented funding and duplicate records as merge candidates. */
@NullMarked
package de.kimgraph.queries.analytics.duplicates;

import org.jspecify.annotations.NullMarked;
