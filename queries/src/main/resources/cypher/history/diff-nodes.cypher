// Which actors, bodies, services, positions and agreements of the area were valid on $from and not on $to (ENDED), or the reverse (ADDED)
// A record belongs to the area when it is linked to it at all (based in, serving or covering it or an enclosing area, or through
// such an actor), whatever the validity of that link: its own validity decides. Only records with validFrom or validTo inside the
// interval can change, so that is the first filter.
#include scope/areas
CALL (inside, covering) {
  MATCH (n:Actor)
  WHERE READABLE(n)
    AND ((n.validFrom > $from AND n.validFrom <= $to) OR (n.validTo >= $from AND n.validTo < $to))
    AND (EXISTS { MATCH (n)-[:BASED_IN]->(g:Area) WHERE g IN inside }
      OR EXISTS { MATCH (n)-[:PROVIDES]->(h1:Service)-[:SERVES]->(g:Area) WHERE g IN covering AND READABLE(h1) }
      OR EXISTS { MATCH (n)-[h3:MEMBER_OF]->(h2:Body)-[:COVERS]->(g:Area) WHERE g IN covering AND READABLE(h2) AND READABLE_REL(h3) })
  RETURN 'ACTOR' AS kind, n, n.name AS label
  UNION ALL
  MATCH (n:Body)
  WHERE READABLE(n)
    AND ((n.validFrom > $from AND n.validFrom <= $to) OR (n.validTo >= $from AND n.validTo < $to))
    AND EXISTS { MATCH (n)-[:COVERS]->(g:Area) WHERE g IN covering }
  RETURN 'BODY' AS kind, n, n.name AS label
  UNION ALL
  MATCH (n:Service)
  WHERE READABLE(n)
    AND ((n.validFrom > $from AND n.validFrom <= $to) OR (n.validTo >= $from AND n.validTo < $to))
    AND EXISTS { MATCH (n)-[:SERVES]->(g:Area) WHERE g IN covering }
  RETURN 'SERVICE' AS kind, n, n.name AS label
  UNION ALL
  MATCH (n:Position)-[:IN_UNIT]->(u:Actor)
  WHERE READABLE(n) AND READABLE(u)
    AND ((n.validFrom > $from AND n.validFrom <= $to) OR (n.validTo >= $from AND n.validTo < $to))
    AND (EXISTS { MATCH (u)-[:BASED_IN]->(g:Area) WHERE g IN inside }
      OR EXISTS { MATCH (u)-[:PROVIDES]->(h4:Service)-[:SERVES]->(g:Area) WHERE g IN covering AND READABLE(h4) }
      OR EXISTS { MATCH (u)-[h6:MEMBER_OF]->(h5:Body)-[:COVERS]->(g:Area) WHERE g IN covering AND READABLE(h5) AND READABLE_REL(h6) })
  RETURN DISTINCT 'POSITION' AS kind, n, n.title + ' – ' + u.name AS label
  UNION ALL
  MATCH (n:Agreement)
  WHERE READABLE(n)
    AND ((n.validFrom > $from AND n.validFrom <= $to) OR (n.validTo >= $from AND n.validTo < $to))
    AND (EXISTS { MATCH (n)-[:GOVERNS]->(h7:Service)-[:SERVES]->(g:Area) WHERE g IN covering AND READABLE(h7) }
      OR EXISTS { MATCH (n)-[:GOVERNS]->(h8:Body)-[:COVERS]->(g:Area) WHERE g IN covering AND READABLE(h8) }
      OR EXISTS { MATCH (n)<-[:PARTY_TO]-(h9:Actor)-[:BASED_IN]->(g:Area) WHERE g IN inside AND READABLE(h9) }
      OR EXISTS { MATCH (n)<-[:PARTY_TO]-(h10:Actor)-[:PROVIDES]->(h11:Service)-[:SERVES]->(g:Area) WHERE g IN covering AND READABLE(h10) AND READABLE(h11) }
      OR EXISTS { MATCH (n)<-[:PARTY_TO]-(h12:Actor)-[h14:MEMBER_OF]->(h13:Body)-[:COVERS]->(g:Area) WHERE g IN covering AND READABLE(h12) AND READABLE(h13) AND READABLE_REL(h14) })
  RETURN 'AGREEMENT' AS kind, n, n.title AS label
}
WITH kind, n, label, all(x IN [n] WHERE (x.validFrom IS NULL OR x.validFrom <= $from) AND (x.validTo IS NULL OR x.validTo >= $from)) AS atFrom, all(x IN [n] WHERE (x.validFrom IS NULL OR x.validFrom <= $to) AND (x.validTo IS NULL OR x.validTo >= $to)) AS atTo
WHERE atFrom <> atTo
RETURN kind, CASE WHEN atTo THEN 'ADDED' ELSE 'ENDED' END AS change, n.key AS key, label,
       n.validFrom AS validFrom, n.validTo AS validTo
ORDER BY kind, change, key
