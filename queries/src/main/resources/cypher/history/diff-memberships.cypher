// Which memberships in bodies of the area (or of actors based in it) were valid on $from and not on $to (ENDED), or the reverse (ADDED)
// A membership is valid on a day when it, its actor and its body are; so a dissolved body or actor ends its memberships.
MATCH (area:Area {key: $area})
WITH COLLECT { MATCH (g:Area)-[:PART_OF*0..]->(area) RETURN g } AS inside,
     COLLECT { MATCH (area)-[:PART_OF*0..]->(up:Area) RETURN up } AS above
WITH inside, inside + above AS covering
MATCH (a:Actor)-[m:MEMBER_OF]->(b:Body)
WHERE READABLE(a) AND READABLE_REL(m) AND READABLE(b)
  AND (EXISTS { MATCH (b)-[:COVERS]->(g:Area) WHERE g IN covering }
    OR EXISTS { MATCH (a)-[:BASED_IN]->(g:Area) WHERE g IN inside })
WITH a, m, b, all(x IN [m, a, b] WHERE (x.validFrom IS NULL OR x.validFrom <= $from) AND (x.validTo IS NULL OR x.validTo >= $from)) AS atFrom, all(x IN [m, a, b] WHERE (x.validFrom IS NULL OR x.validFrom <= $to) AND (x.validTo IS NULL OR x.validTo >= $to)) AS atTo
WHERE atFrom <> atTo
RETURN 'MEMBERSHIP' AS kind, CASE WHEN atTo THEN 'ADDED' ELSE 'ENDED' END AS change, m.key AS key,
       a.name + ' – ' + b.name + coalesce(' (' + m.role + ')', '') AS label, m.validFrom AS validFrom, m.validTo AS validTo
ORDER BY change, key
