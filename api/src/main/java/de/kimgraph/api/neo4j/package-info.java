/** Which Neo4j the service talks to (the in-process default or a configured server) and bringing it to the state the service needs. */
@NullMarked
package de.kimgraph.api.neo4j;

import org.jspecify.annotations.NullMarked;
