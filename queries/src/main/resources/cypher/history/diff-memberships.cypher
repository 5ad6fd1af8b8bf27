// Which memberships in bodies of the area (or of actors based in it) were valid on $from and not on $to (ENDED), or the reverse (ADDED)
// A membership is valid on a day when it, its actor and its body are; so a dissolved body or actor ends its memberships.
// Found from the area: the bodies covering it and the actors based in it.
#include scope/areas
CALL (inside, covering) {
  UNWIND covering AS g
  MATCH (g)<-[:COVERS]-(b:Body)<-[m:MEMBER_OF]-(a:Actor)
  RETURN a, m, b
  UNION
  UNWIND inside AS g
  MATCH (g)<-[:BASED_IN]-(a:Actor)-[m:MEMBER_OF]->(b:Body)
  RETURN a, m, b
}
WITH a, m, b
WHERE READABLE(a) AND READABLE_REL(m) AND READABLE(b)
WITH a, m, b, all(x IN [m, a, b] WHERE (x.validFrom IS NULL OR x.validFrom <= $from) AND (x.validTo IS NULL OR x.validTo >= $from)) AS atFrom, all(x IN [m, a, b] WHERE (x.validFrom IS NULL OR x.validFrom <= $to) AND (x.validTo IS NULL OR x.validTo >= $to)) AS atTo
WHERE atFrom <> atTo
RETURN 'MEMBERSHIP' AS kind, CASE WHEN atTo THEN 'ADDED' ELSE 'ENDED' END AS change, m.key AS key,
       a.name + ' – ' + b.name + coalesce(' (' + m.role + ')', '') AS label, m.validFrom AS validFrom, m.validTo AS validTo
ORDER BY change, key
