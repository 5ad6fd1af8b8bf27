/** Network health of an area: density, components, centralisation, communities compared with the formal bodies, isolated actors. */
@NullMarked
package de.kimgraph.queries.analytics.health;

import org.jspecify.annotations.NullMarked;
