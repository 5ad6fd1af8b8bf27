// German labels of the given legal domains (seeded vocabulary of tenant REFERENCE, or the caller's own)
MATCH (d:LegalDomain)
WHERE ($tenants IS NULL OR d.tenant IN $tenants OR d.tenant = 'REFERENCE')
  AND d.key IN $keys
RETURN d.key AS key, d.labelDe AS label
