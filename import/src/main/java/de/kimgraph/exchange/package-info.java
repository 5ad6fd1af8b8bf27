/** Import and export of whole networks: the formats, reading the graph for export, and running imports. */
@NullMarked
package de.kimgraph.exchange;

import org.jspecify.annotations.NullMarked;
