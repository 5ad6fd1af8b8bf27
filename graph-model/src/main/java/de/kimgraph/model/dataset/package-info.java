/** Loading of kim-graph/1 datasets (reference data, vocabularies, demo, later imports): validated before writing, one transaction, idempotent. */
@NullMarked
package de.kimgraph.model.dataset;

import org.jspecify.annotations.NullMarked;
