/** What all analyses share: findings with severity, German/English explanation and typed evidence; the scope (area, asOf, read rule); Cypher files. */
@NullMarked
package de.kimgraph.queries.analytics;

import org.jspecify.annotations.NullMarked;
