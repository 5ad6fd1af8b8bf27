/** The append-only audit trail: one AuditEvent node per change, written in the transaction of the change. */
@NullMarked
package de.kimgraph.model.audit;

import org.jspecify.annotations.NullMarked;
