// Fragmented funding: per unit (of $units) and position function, the valid positions in it and their valid funding shares by valid programmes; kept where at least two positions draw on at least $minProgrammes different programmes
UNWIND $units AS unit
MATCH (u:Actor {key: unit})<-[iu:IN_UNIT]-(p:Position)-[fb:FUNDED_BY]->(prog:FundingProgramme)
WHERE READABLE(u) AND READABLE(p)
  AND READABLE_REL(fb) AND READABLE(prog)
  AND p.function IS NOT NULL
  AND (iu.validFrom IS NULL OR iu.validFrom <= $asOf) AND (iu.validTo IS NULL OR iu.validTo >= $asOf)
  AND (p.validFrom IS NULL OR p.validFrom <= $asOf) AND (p.validTo IS NULL OR p.validTo >= $asOf)
  AND (fb.validFrom IS NULL OR fb.validFrom <= $asOf) AND (fb.validTo IS NULL OR fb.validTo >= $asOf)
  AND (prog.validFrom IS NULL OR prog.validFrom <= $asOf) AND (prog.validTo IS NULL OR prog.validTo >= $asOf)
WITH u, p.function AS function,
     count(DISTINCT p) AS positions, count(DISTINCT prog) AS programmes,
     collect({position: p{.key, .title, .fte}, funding: fb.key, share: fb.share, programme: prog{.key, .name}}) AS fundings
WHERE positions >= 2 AND programmes >= $minProgrammes
RETURN u{.key, .name} AS unit, function, positions, programmes, fundings
ORDER BY programmes DESC, positions DESC, unit.key, function
