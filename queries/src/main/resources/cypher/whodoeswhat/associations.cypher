// Which associations (welfare associations, free providers, migrant organisations, volunteer initiatives, churches, foundations,
// other third-sector or civil-society actors) work in the area; with their matching services and their bodies there, and contacts.
// In the area: based in it, or providing a service / sitting in a body that covers it or a sub-area. With a filter, an
// association counts when it provides a matching service or, for a field alone, sits in a body on that field.
MATCH (area:Area {key: $area})
WITH COLLECT { MATCH (g:Area)-[:PART_OF*0..]->(area) RETURN g } AS inside,
     COLLECT { MATCH (area)-[:PART_OF*0..]->(up:Area) RETURN up } AS above
WITH inside, inside + above AS covering
MATCH (a:Actor)
WHERE READABLE(a)
  AND (a.kind IN ['WELFARE_ASSOCIATION', 'FREE_PROVIDER', 'MIGRANT_ORGANISATION', 'VOLUNTEER_INITIATIVE', 'CHURCH', 'FOUNDATION']
    OR a.sector IN ['THIRD_SECTOR', 'CIVIL_SOCIETY'])
  AND all(x IN [a] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
  AND (EXISTS { MATCH (a)-[b:BASED_IN]->(g:Area) WHERE g IN inside AND all(x IN [b] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) }
    OR EXISTS { MATCH (a)-[pr:PROVIDES]->(s:Service)-[sv:SERVES]->(g:Area)
                WHERE g IN covering AND READABLE(s) AND all(x IN [pr, s, sv] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) }
    OR EXISTS { MATCH (a)-[m:MEMBER_OF]->(b:Body)-[c:COVERS]->(g:Area)
                WHERE g IN covering AND READABLE_REL(m) AND READABLE(b) AND all(x IN [m, b, c] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) })
WITH a, covering,
     COLLECT { MATCH (a)-[pr:PROVIDES]->(s:Service)
               WHERE READABLE(s) AND all(x IN [pr, s] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
                 AND EXISTS { MATCH (s)-[sv:SERVES]->(g:Area) WHERE g IN covering AND all(x IN [sv] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) }
                 AND ($field IS NULL OR EXISTS {
                        MATCH (s)-[r:IN_FIELD]->(:FieldOfAction)-[:PART_OF*0..]->(:FieldOfAction {key: $field})
                        WHERE all(x IN [r] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) })
                 AND ($targetGroup IS NULL OR EXISTS {
                        MATCH (s)-[r:FOR_GROUP]->(:TargetGroup {key: $targetGroup}) WHERE all(x IN [r] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) })
                 AND ($legalDomain IS NULL OR EXISTS {
                        MATCH (s)-[r:UNDER]->(:LegalDomain {key: $legalDomain}) WHERE all(x IN [r] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) })
               RETURN s{.*} ORDER BY s.name, s.key } AS services,
     COLLECT { MATCH (a)-[m:MEMBER_OF]->(b:Body)
               WHERE READABLE_REL(m) AND READABLE(b) AND all(x IN [m, b] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
                 AND EXISTS { MATCH (b)-[c:COVERS]->(g:Area) WHERE g IN covering AND all(x IN [c] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) }
                 AND ($field IS NULL OR EXISTS {
                        MATCH (b)-[r:ADDRESSES]->(:FieldOfAction)-[:PART_OF*0..]->(:FieldOfAction {key: $field})
                        WHERE all(x IN [r] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) })
               RETURN DISTINCT b{.*} AS body ORDER BY body.name, body.key } AS bodies
WHERE ($field IS NULL AND $targetGroup IS NULL AND $legalDomain IS NULL)
   OR size(services) > 0
   OR ($field IS NOT NULL AND $targetGroup IS NULL AND $legalDomain IS NULL AND size(bodies) > 0)
RETURN a{.*, CONTACTS(a)} AS actor, services, bodies,
       COLLECT { MATCH (a)-[r:BASED_IN]->(home:Area) WHERE all(x IN [r] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
                 RETURN home{.*} ORDER BY home.key } AS basedIn,
       COLLECT { MATCH (role:Role)-[h:HELD_IN]->(a) WHERE READABLE(role) AND all(x IN [role, h] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
                 RETURN role{.*, CONTACTS(role), actorKey: a.key, actorName: a.name} AS contact ORDER BY contact.key } AS contacts
ORDER BY actor.name, actor.key
