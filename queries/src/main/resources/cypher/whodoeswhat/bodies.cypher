// Which valid bodies cover the area (it, a sub-area or an enclosing area) and address the field (with its sub-fields); with the
// covered areas that matter, fields, leading memberships (chair, co-chair, secretariat), members and the lead's role contacts
MATCH (area:Area {key: $area})
WITH COLLECT { MATCH (g:Area)-[:PART_OF*0..]->(area) RETURN g } AS inside,
     COLLECT { MATCH (area)-[:PART_OF*1..]->(up:Area) RETURN up } AS above
UNWIND inside + above AS g
MATCH (g)<-[c:COVERS]-(b:Body)
WHERE READABLE(b)
  AND all(x IN [c, b] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
WITH DISTINCT b, inside, above
WHERE $field IS NULL OR EXISTS {
        MATCH (b)-[r:ADDRESSES]->(:FieldOfAction)-[:PART_OF*0..]->(:FieldOfAction {key: $field})
        WHERE all(x IN [r] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) }
WITH b, inside,
     COLLECT { MATCH (b)-[r:COVERS]->(g:Area)
               WHERE (g IN inside OR g IN above) AND all(x IN [r] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
               RETURN g ORDER BY g.key } AS covered
RETURN b{.*} AS body,
       [g IN covered | g{.*}] AS areas,
       none(g IN covered WHERE g IN inside) AS viaEnclosingArea,
       COLLECT { MATCH (b)-[r:ADDRESSES]->(f:FieldOfAction) WHERE all(x IN [r] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
                 RETURN f{.*} ORDER BY f.key } AS fields,
       COLLECT { MATCH (a:Actor)-[m:MEMBER_OF]->(b)
                 WHERE m.role IN ['CHAIR', 'CO_CHAIR', 'SECRETARIAT'] AND READABLE(a) AND READABLE_REL(m) AND all(x IN [m, a] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
                 RETURN m{.*, type: type(m), _from: a.key, _to: b.key, _fromLabel: 'Actor', _toLabel: 'Body',
                          actorName: a.name} AS lead
                 ORDER BY lead.role, lead._from } AS leads,
       COLLECT { MATCH (a:Actor)-[m:MEMBER_OF]->(b) WHERE READABLE(a) AND READABLE_REL(m) AND all(x IN [m, a] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
                 RETURN DISTINCT a.key AS member ORDER BY member } AS members,
       COLLECT { MATCH (role:Role)-[h:HELD_IN]->(a:Actor)-[m:MEMBER_OF]->(b)
                 WHERE m.role IN ['CHAIR', 'CO_CHAIR', 'SECRETARIAT'] AND READABLE(role) AND READABLE(a) AND READABLE_REL(m)
                   AND all(x IN [role, h, a, m] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
                 RETURN DISTINCT role{.*, CONTACTS(role), actorKey: a.key, actorName: a.name} AS contact ORDER BY contact.key } AS contacts
ORDER BY b.name, b.key
