// Which valid services cover the area (serving it, a sub-area or an enclosing area) in the field (with its sub-fields), for the
// target group and under the legal domain; with the served areas that matter, providers, their role contacts, fields and funding
MATCH (area:Area {key: $area})
WITH COLLECT { MATCH (g:Area)-[:PART_OF*0..]->(area) RETURN g } AS inside,
     COLLECT { MATCH (area)-[:PART_OF*1..]->(up:Area) RETURN up } AS above
UNWIND inside + above AS g
MATCH (g)<-[sv:SERVES]-(s:Service)
WHERE READABLE(s)
  AND all(x IN [sv, s] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
WITH DISTINCT s, inside, above
WHERE ($field IS NULL OR EXISTS {
        MATCH (s)-[r:IN_FIELD]->(:FieldOfAction)-[:PART_OF*0..]->(:FieldOfAction {key: $field})
        WHERE all(x IN [r] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) })
  AND ($targetGroup IS NULL OR EXISTS {
        MATCH (s)-[r:FOR_GROUP]->(:TargetGroup {key: $targetGroup}) WHERE all(x IN [r] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) })
  AND ($legalDomain IS NULL OR EXISTS {
        MATCH (s)-[r:UNDER]->(:LegalDomain {key: $legalDomain}) WHERE all(x IN [r] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) })
WITH s, inside,
     COLLECT { MATCH (s)-[r:SERVES]->(g:Area)
               WHERE (g IN inside OR g IN above) AND all(x IN [r] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
               RETURN g ORDER BY g.key } AS served
RETURN s{.*} AS service,
       [g IN served | g{.*}] AS areas,
       none(g IN served WHERE g IN inside) AS viaEnclosingArea,
       COLLECT { MATCH (a:Actor)-[r:PROVIDES]->(s) WHERE READABLE(a) AND all(x IN [r, a] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
                 RETURN a{.*, CONTACTS(a)} ORDER BY a.key } AS providers,
       COLLECT { MATCH (role:Role)-[h:HELD_IN]->(a:Actor)-[r:PROVIDES]->(s)
                 WHERE READABLE(role) AND READABLE(a) AND all(x IN [role, h, a, r] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
                 RETURN DISTINCT role{.*, CONTACTS(role), actorKey: a.key, actorName: a.name} AS contact ORDER BY contact.key } AS contacts,
       COLLECT { MATCH (s)-[r:IN_FIELD]->(f:FieldOfAction) WHERE all(x IN [r] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
                 RETURN f{.*} ORDER BY f.key } AS fields,
       COLLECT { MATCH (s)-[r:FOR_GROUP]->(t:TargetGroup) WHERE all(x IN [r] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
                 RETURN t{.*} ORDER BY t.key } AS targetGroups,
       COLLECT { MATCH (s)-[r:UNDER]->(l:LegalDomain) WHERE all(x IN [r] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
                 RETURN l{.*} ORDER BY l.key } AS legalDomains,
       COLLECT { MATCH (s)-[r:FUNDED_BY]->(p:FundingProgramme) WHERE READABLE_REL(r) AND READABLE(p) AND all(x IN [r, p] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
                 RETURN p{.*, share: r.share} ORDER BY p.key } AS programmes
ORDER BY s.name, s.key
