// Which programmes funding something in the area end on or after asOf and before endingBefore (or: the one asked for), and when
// A programme ends on the earlier of periodEnd and validTo. In the area: it funds a service covering the area, or a position in a
// unit of the area, or grants to an actor of the area (an actor of the area: based in it, or providing a service / sitting in a
// body that covers it or a sub-area; covering includes enclosing areas).
MATCH (p:FundingProgramme)
WHERE READABLE(p)
  AND ($programme IS NULL OR p.key = $programme)
WITH p, CASE WHEN p.validTo IS NULL OR (p.periodEnd IS NOT NULL AND p.periodEnd <= p.validTo)
             THEN p.periodEnd ELSE p.validTo END AS ends
WHERE $programme IS NOT NULL
   OR (all(x IN [p] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
       AND ends IS NOT NULL AND ends >= $asOf AND ends < $endingBefore)
MATCH (area:Area {key: $area})
WITH p, ends,
     COLLECT { MATCH (g:Area)-[:PART_OF*0..]->(area) RETURN g } AS inside,
     COLLECT { MATCH (area)-[:PART_OF*0..]->(up:Area) RETURN up } AS above
WITH p, ends, inside, inside + above AS covering
WHERE $programme IS NOT NULL
   OR EXISTS {
        MATCH (p)<-[f:FUNDED_BY]-(s:Service)-[sv:SERVES]->(g:Area)
        WHERE g IN covering AND READABLE_REL(f) AND READABLE(s) AND all(x IN [f, s, sv] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) }
   OR EXISTS {
        MATCH (p)<-[f:FUNDED_BY]-(pos:Position)-[iu:IN_UNIT]->(u:Actor)
        WHERE READABLE_REL(f) AND READABLE(pos) AND READABLE(u) AND all(x IN [f, pos, iu, u] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
          AND (EXISTS { MATCH (u)-[b:BASED_IN]->(g:Area) WHERE g IN inside AND all(x IN [b] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) }
            OR EXISTS { MATCH (u)-[pr:PROVIDES]->(s:Service)-[sv:SERVES]->(g:Area)
                        WHERE g IN covering AND READABLE(s) AND all(x IN [pr, s, sv] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) }
            OR EXISTS { MATCH (u)-[m:MEMBER_OF]->(b:Body)-[c:COVERS]->(g:Area)
                        WHERE g IN covering AND READABLE_REL(m) AND READABLE(b) AND all(x IN [m, b, c] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) }) }
   OR EXISTS {
        MATCH (p)-[gr:GRANTS]->(u:Actor)
        WHERE READABLE_REL(gr) AND READABLE(u) AND all(x IN [gr, u] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
          AND (EXISTS { MATCH (u)-[b:BASED_IN]->(g:Area) WHERE g IN inside AND all(x IN [b] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) }
            OR EXISTS { MATCH (u)-[pr:PROVIDES]->(s:Service)-[sv:SERVES]->(g:Area)
                        WHERE g IN covering AND READABLE(s) AND all(x IN [pr, s, sv] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) }
            OR EXISTS { MATCH (u)-[m:MEMBER_OF]->(b:Body)-[c:COVERS]->(g:Area)
                        WHERE g IN covering AND READABLE_REL(m) AND READABLE(b) AND all(x IN [m, b, c] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) }) }
RETURN p{.*} AS programme, ends
ORDER BY ends, p.key
