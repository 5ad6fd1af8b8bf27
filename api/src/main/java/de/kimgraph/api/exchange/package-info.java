/**
 * Import and export of whole networks over the API: the GraphQL mutation {@code importData} and the list of formats,
 * and the REST upload ({@code POST /imports/{format}}), download ({@code GET /exports/{format}}) and templates
 * ({@code GET /templates/{format}}), all over the formats of the {@code import} module.
 */
@NullMarked
package de.kimgraph.api.exchange;

import org.jspecify.annotations.NullMarked;
