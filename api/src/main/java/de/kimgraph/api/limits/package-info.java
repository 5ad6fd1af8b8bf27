/**
 * Abuse limits of the GraphQL endpoint: depth and complexity of an operation, page sizes, list and string
 * arguments, request and database timeouts, the request body size, and the allow-list of persisted queries for
 * dashboards. Every limit answers with a GraphQL error naming the limit, its maximum and the actual value.
 */
@NullMarked
package de.kimgraph.api.limits;

import org.jspecify.annotations.NullMarked;
