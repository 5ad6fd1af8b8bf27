// Which valid bodies covering the area are chaired, co-chaired or run (secretariat) by a unit with a position funded by these programmes (found from the areas' bodies)
#include scope/areas
UNWIND covering AS g
MATCH (g)<-[c:COVERS]-(b:Body)
WHERE READABLE(b)
  AND all(x IN [c, b] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
WITH DISTINCT b
MATCH (b)<-[m:MEMBER_OF]-(u:Actor)<-[iu:IN_UNIT]-(pos:Position)-[f:FUNDED_BY]->(p:FundingProgramme)
WHERE p.key IN $programmes
  AND m.role IN ['CHAIR', 'CO_CHAIR', 'SECRETARIAT']
  AND READABLE(p) AND READABLE(pos) AND READABLE_REL(f) AND READABLE(u) AND READABLE_REL(m)
  AND all(x IN [p, f, pos, iu, u, m] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
RETURN p.key AS programme, b{.*} AS body,
       m{.*, type: type(m), _from: u.key, _to: b.key, _fromLabel: 'Actor', _toLabel: 'Body'} AS membership,
       m.role AS role, u{.*, CONTACTS(u)} AS actor, collect(pos{.*}) AS positions
ORDER BY programme, body.key, membership.key
