/** Kumu blueprints (JSON) for stakeholder maps: elements and connections with German types, read back by key. */
@NullMarked
package de.kimgraph.exchange.kumu;

import org.jspecify.annotations.NullMarked;
