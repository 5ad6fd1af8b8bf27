/**
 * GraphML and GEXF for network tools (yEd, Gephi, Cytoscape), and the node/edge view of a snapshot that all
 * network-tool formats share, Kumu included: referenced endpoint nodes, ids, German names, reading back.
 */
@NullMarked
package de.kimgraph.exchange.graphml;

import org.jspecify.annotations.NullMarked;
