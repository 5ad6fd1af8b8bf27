/** The network of an area as the map draws it: nodes, edges, degree, betweenness and communities in one answer. */
@NullMarked
package de.kimgraph.queries.analytics.network;

import org.jspecify.annotations.NullMarked;
