// Which valid bodies covering the area are chaired, co-chaired or run (secretariat) by a unit with a position funded by these programmes
UNWIND $programmes AS programmeKey
MATCH (p:FundingProgramme {key: programmeKey})
WHERE READABLE(p)
MATCH (area:Area {key: $area})
WITH p,
     COLLECT { MATCH (g:Area)-[:PART_OF*0..]->(area) RETURN g } AS inside,
     COLLECT { MATCH (area)-[:PART_OF*0..]->(up:Area) RETURN up } AS above
WITH p, inside + above AS covering
MATCH (p)<-[f:FUNDED_BY]-(pos:Position)-[iu:IN_UNIT]->(u:Actor)-[m:MEMBER_OF]->(b:Body)
WHERE READABLE(pos) AND READABLE_REL(f) AND READABLE(u) AND READABLE_REL(m) AND READABLE(b)
  AND m.role IN ['CHAIR', 'CO_CHAIR', 'SECRETARIAT']
  AND all(x IN [p, f, pos, iu, u, m, b] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
  AND EXISTS { MATCH (b)-[c:COVERS]->(g:Area) WHERE g IN covering AND all(x IN [c] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) }
RETURN p.key AS programme, b{.*} AS body,
       m{.*, type: type(m), _from: u.key, _to: b.key, _fromLabel: 'Actor', _toLabel: 'Body'} AS membership,
       m.role AS role, u{.*, CONTACTS(u)} AS actor, collect(pos{.*}) AS positions
ORDER BY programme, body.key, membership.key
