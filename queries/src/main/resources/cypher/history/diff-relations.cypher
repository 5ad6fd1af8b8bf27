// Which relations between actors, at least one of them of the area, were valid on $from and not on $to (ENDED), or the reverse (ADDED)
// A relation is valid on a day when it and both its actors are. Found from the area's actors (scope/linked-actors).
#include scope/areas
#include scope/linked-actors
UNWIND linkedActors AS a
MATCH (a)-[r:COOPERATES_WITH|REFERS_TO|COMMISSIONS|CO_FINANCES|SUPERVISES|HANDS_OVER_TO]-(o:Actor)
WHERE READABLE_REL(r) AND READABLE(o)
WITH DISTINCT r, startNode(r) AS src, endNode(r) AS dst
WITH r, src, dst, all(x IN [r, src, dst] WHERE (x.validFrom IS NULL OR x.validFrom <= $from) AND (x.validTo IS NULL OR x.validTo >= $from)) AS atFrom,
     all(x IN [r, src, dst] WHERE (x.validFrom IS NULL OR x.validFrom <= $to) AND (x.validTo IS NULL OR x.validTo >= $to)) AS atTo
WHERE atFrom <> atTo
RETURN 'RELATION' AS kind, CASE WHEN atTo THEN 'ADDED' ELSE 'ENDED' END AS change, r.key AS key,
       src.name + ' → ' + dst.name + ' (' + type(r) + ')' AS label, r.validFrom AS validFrom, r.validTo AS validTo
ORDER BY change, key
