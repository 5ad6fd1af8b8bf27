/** Brings a Neo4j to the state the service needs: migrations, NRW reference data, vocabularies and optionally the demo district. */
@NullMarked
package de.kimgraph.model.bootstrap;

import org.jspecify.annotations.NullMarked;
