/** Interface points (Schnittstellen): declared and implicit handovers, brokers, brokerage roles, articulation points and bridges on the actor graph, which this package projects and analyses in the JVM. */
@NullMarked
package de.kimgraph.queries.analytics.interfaces;

import org.jspecify.annotations.NullMarked;
