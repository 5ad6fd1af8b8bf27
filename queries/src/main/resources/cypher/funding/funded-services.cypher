// Which valid services covering the area (serving it, a sub-area or an enclosing area) are funded by these programmes, with share and providers
UNWIND $programmes AS programmeKey
MATCH (p:FundingProgramme {key: programmeKey})
WHERE READABLE(p)
MATCH (area:Area {key: $area})
WITH p,
     COLLECT { MATCH (g:Area)-[:PART_OF*0..]->(area) RETURN g } AS inside,
     COLLECT { MATCH (area)-[:PART_OF*0..]->(up:Area) RETURN up } AS above
WITH p, inside + above AS covering
MATCH (p)<-[f:FUNDED_BY]-(s:Service)
WHERE READABLE(s) AND READABLE_REL(f)
  AND all(x IN [p, f, s] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
  AND EXISTS { MATCH (s)-[sv:SERVES]->(g:Area) WHERE g IN covering AND all(x IN [sv] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) }
RETURN p.key AS programme, s{.*} AS service,
       f{.*, type: type(f), _from: s.key, _to: p.key, _fromLabel: 'Service', _toLabel: 'FundingProgramme'} AS funding,
       coalesce(f.share, 1.0) AS share,
       COLLECT { MATCH (a:Actor)-[pr:PROVIDES]->(s) WHERE READABLE(a) AND all(x IN [pr, a] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) RETURN a{.*, CONTACTS(a)} ORDER BY a.key } AS providers
ORDER BY programme, s.key
