// Which valid services covering the area (serving it, a sub-area or an enclosing area) are funded by these programmes, with share and providers (found from the areas' services)
#include scope/areas
UNWIND covering AS g
MATCH (g)<-[sv:SERVES]-(s:Service)-[f:FUNDED_BY]->(p:FundingProgramme)
WHERE p.key IN $programmes
  AND READABLE(p) AND READABLE(s) AND READABLE_REL(f)
  AND all(x IN [p, f, s, sv] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
WITH DISTINCT p, s, f
RETURN p.key AS programme, s{.*} AS service,
       f{.*, type: type(f), _from: s.key, _to: p.key, _fromLabel: 'Service', _toLabel: 'FundingProgramme'} AS funding,
       coalesce(f.share, 1.0) AS share,
       COLLECT { MATCH (a:Actor)-[pr:PROVIDES]->(s) WHERE READABLE(a) AND all(x IN [pr, a] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) RETURN a{.*, CONTACTS(a)} ORDER BY a.key } AS providers
ORDER BY programme, s.key
