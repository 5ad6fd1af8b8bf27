/** Who does what (DOMAIN.md §5.1, Wer macht was): services, responsible units, bodies and role contacts of an area, and the four interface papers as Markdown and CSV. */
@NullMarked
package de.kimgraph.queries.analytics.whodoeswhat;

import org.jspecify.annotations.NullMarked;
