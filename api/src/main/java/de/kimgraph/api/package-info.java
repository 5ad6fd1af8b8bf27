/** The Spring Boot application of kim-graph. */
@NullMarked
package de.kimgraph.api;

import org.jspecify.annotations.NullMarked;
