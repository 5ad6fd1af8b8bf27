/** Coverage gaps: the matrix field of action × target group × Gemeinde with cell status, and the status, age, spatial, language, body and programme-requirement gaps with their evidence. */
@NullMarked
package de.kimgraph.queries.analytics.coverage;

import org.jspecify.annotations.NullMarked;
