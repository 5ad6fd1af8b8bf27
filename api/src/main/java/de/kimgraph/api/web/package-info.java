/** HTTP extras: the offline GraphiQL page. */
@NullMarked
package de.kimgraph.api.web;

import org.jspecify.annotations.NullMarked;
