/** The append-only audit trail: one {@code :AuditEvent} per change, written in the transaction of the change. */
@NullMarked
package de.kimgraph.model.audit;

import org.jspecify.annotations.NullMarked;
