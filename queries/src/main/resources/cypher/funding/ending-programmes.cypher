// Which programmes funding something in the area end on or after asOf and before endingBefore (or: the one asked for), and when
// A programme ends on the earlier of periodEnd and validTo. In the area: it funds a service covering the area, or a position in a
// unit of the area, or grants to an actor of the area (an actor of the area: based in it, or providing a service / sitting in a
// body that covers it or a sub-area; covering includes enclosing areas).
// The programmes touching the area are found from the area's services and actors (scope/), not by searching each
// programme's money across the Land.
#include scope/areas
#include scope/area-actors
CALL (covering, areaActors) {
  UNWIND covering AS g
  MATCH (g)<-[sv:SERVES]-(s:Service)-[f:FUNDED_BY]->(p:FundingProgramme)
  WHERE READABLE_REL(f) AND READABLE(s) AND all(x IN [f, s, sv] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
  RETURN p
  UNION
  UNWIND areaActors AS u
  MATCH (u)<-[iu:IN_UNIT]-(pos:Position)-[f:FUNDED_BY]->(p:FundingProgramme)
  WHERE READABLE_REL(f) AND READABLE(pos) AND all(x IN [f, pos, iu] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
  RETURN p
  UNION
  UNWIND areaActors AS u
  MATCH (u)<-[gr:GRANTS]-(p:FundingProgramme)
  WHERE READABLE_REL(gr) AND all(x IN [gr] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
  RETURN p
}
WITH collect(p) AS touching
MATCH (p:FundingProgramme)
WHERE READABLE(p)
  AND ($programme IS NULL OR p.key = $programme)
WITH p, touching, CASE WHEN p.validTo IS NULL OR (p.periodEnd IS NOT NULL AND p.periodEnd <= p.validTo)
                       THEN p.periodEnd ELSE p.validTo END AS ends
WHERE $programme IS NOT NULL
   OR (all(x IN [p] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
       AND ends IS NOT NULL AND ends >= $asOf AND ends < $endingBefore
       AND p IN touching)
RETURN p{.*} AS programme, ends
ORDER BY ends, p.key
