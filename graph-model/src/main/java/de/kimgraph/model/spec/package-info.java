/** The graph model as data: labels, properties, relationship types and the fixed vocabularies, the single source the loader, the migrations and the API are checked against. */
@NullMarked
package de.kimgraph.model.spec;

import org.jspecify.annotations.NullMarked;
