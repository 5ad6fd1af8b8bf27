// Which valid positions in units of the area are funded by these programmes: share, FTE and funded FTE (fte x share)
// A missing share counts as 1 (the whole post, so a cliff is not under-reported); a missing fte adds nothing.
UNWIND $programmes AS programmeKey
MATCH (p:FundingProgramme {key: programmeKey})
WHERE READABLE(p)
MATCH (area:Area {key: $area})
WITH p,
     COLLECT { MATCH (g:Area)-[:PART_OF*0..]->(area) RETURN g } AS inside,
     COLLECT { MATCH (area)-[:PART_OF*0..]->(up:Area) RETURN up } AS above
WITH p, inside, inside + above AS covering
MATCH (p)<-[f:FUNDED_BY]-(pos:Position)-[iu:IN_UNIT]->(u:Actor)
WHERE READABLE(pos) AND READABLE_REL(f) AND READABLE(u)
  AND all(x IN [p, f, pos, iu, u] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
  AND (EXISTS { MATCH (u)-[b:BASED_IN]->(g:Area) WHERE g IN inside AND all(x IN [b] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) }
    OR EXISTS { MATCH (u)-[pr:PROVIDES]->(s:Service)-[sv:SERVES]->(g:Area)
                WHERE g IN covering AND READABLE(s) AND all(x IN [pr, s, sv] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) }
    OR EXISTS { MATCH (u)-[m:MEMBER_OF]->(b:Body)-[c:COVERS]->(g:Area)
                WHERE g IN covering AND READABLE_REL(m) AND READABLE(b) AND all(x IN [m, b, c] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) })
RETURN p.key AS programme, pos{.*} AS position, u{.*, CONTACTS(u)} AS unit,
       f{.*, type: type(f), _from: pos.key, _to: p.key, _fromLabel: 'Position', _toLabel: 'FundingProgramme'} AS funding,
       coalesce(f.share, 1.0) AS share, pos.fte AS fte, coalesce(pos.fte, 0.0) * coalesce(f.share, 1.0) AS fundedFte
ORDER BY programme, pos.key
