// Which valid positions in units of the area (scope/area-actors; found from those units) are funded by these programmes: share, FTE and funded FTE (fte x share)
// A missing share counts as 1 (the whole post, so a cliff is not under-reported); a missing fte adds nothing.
#include scope/areas
#include scope/area-actors
UNWIND areaActors AS u
MATCH (u)<-[iu:IN_UNIT]-(pos:Position)-[f:FUNDED_BY]->(p:FundingProgramme)
WHERE p.key IN $programmes
  AND READABLE(p) AND READABLE(pos) AND READABLE_REL(f)
  AND all(x IN [p, f, pos, iu] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
RETURN p.key AS programme, pos{.*} AS position, u{.*, CONTACTS(u)} AS unit,
       f{.*, type: type(f), _from: pos.key, _to: p.key, _fromLabel: 'Position', _toLabel: 'FundingProgramme'} AS funding,
       coalesce(f.share, 1.0) AS share, pos.fte AS fte, coalesce(pos.fte, 0.0) * coalesce(f.share, 1.0) AS fundedFte
ORDER BY programme, pos.key
