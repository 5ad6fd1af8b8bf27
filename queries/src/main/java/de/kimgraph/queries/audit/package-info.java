/** Reading the audit trail: who changed what, when and why, for the coordinators of a tenant and operations. */
@NullMarked
package de.kimgraph.queries.audit;

import org.jspecify.annotations.NullMarked;
