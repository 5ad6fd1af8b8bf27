// The audit trail (append-only, one :AuditEvent per change) and relation proposals of partners (issue 4).
CREATE CONSTRAINT audit_event_key IF NOT EXISTS FOR (n:AuditEvent) REQUIRE n.key IS UNIQUE;
// A coordinator reads its tenant's events newest first: the index gives both the seek and the order.
CREATE INDEX audit_event_tenant_at IF NOT EXISTS FOR (n:AuditEvent) ON (n.tenant, n.at);
CREATE INDEX audit_event_record IF NOT EXISTS FOR (n:AuditEvent) ON (n.recordKey);
CREATE INDEX audit_event_at IF NOT EXISTS FOR (n:AuditEvent) ON (n.at);
CREATE CONSTRAINT proposal_key IF NOT EXISTS FOR (n:Proposal) REQUIRE n.key IS UNIQUE;
CREATE INDEX proposal_tenant IF NOT EXISTS FOR (n:Proposal) ON (n.tenant);
CREATE INDEX proposal_to_tenant IF NOT EXISTS FOR (n:Proposal) ON (n.toTenant);
