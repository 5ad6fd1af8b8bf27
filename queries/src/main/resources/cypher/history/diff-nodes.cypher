// Which actors, bodies, services, positions and agreements of the area were valid on $from and not on $to (ENDED), or the reverse (ADDED)
// A record belongs to the area when it is linked to it at all (based in, serving or covering it or an enclosing area, or through
// such an actor), whatever the validity of that link: its own validity decides. Only records with validFrom or validTo inside the
// interval can change, so that is the first filter.
MATCH (area:Area {key: $area})
WITH COLLECT { MATCH (g:Area)-[:PART_OF*0..]->(area) RETURN g } AS inside,
     COLLECT { MATCH (area)-[:PART_OF*0..]->(up:Area) RETURN up } AS above
WITH inside, inside + above AS covering
CALL (inside, covering) {
  MATCH (n:Actor)
  WHERE ($tenants IS NULL OR n.tenant IN $tenants)
    AND ((n.validFrom > $from AND n.validFrom <= $to) OR (n.validTo >= $from AND n.validTo < $to))
    AND (EXISTS { MATCH (n)-[:BASED_IN]->(g:Area) WHERE g IN inside }
      OR EXISTS { MATCH (n)-[:PROVIDES]->(:Service)-[:SERVES]->(g:Area) WHERE g IN covering }
      OR EXISTS { MATCH (n)-[:MEMBER_OF]->(:Body)-[:COVERS]->(g:Area) WHERE g IN covering })
  RETURN 'ACTOR' AS kind, n, n.name AS label
  UNION ALL
  MATCH (n:Body)
  WHERE ($tenants IS NULL OR n.tenant IN $tenants)
    AND ((n.validFrom > $from AND n.validFrom <= $to) OR (n.validTo >= $from AND n.validTo < $to))
    AND EXISTS { MATCH (n)-[:COVERS]->(g:Area) WHERE g IN covering }
  RETURN 'BODY' AS kind, n, n.name AS label
  UNION ALL
  MATCH (n:Service)
  WHERE ($tenants IS NULL OR n.tenant IN $tenants)
    AND ((n.validFrom > $from AND n.validFrom <= $to) OR (n.validTo >= $from AND n.validTo < $to))
    AND EXISTS { MATCH (n)-[:SERVES]->(g:Area) WHERE g IN covering }
  RETURN 'SERVICE' AS kind, n, n.name AS label
  UNION ALL
  MATCH (n:Position)-[:IN_UNIT]->(u:Actor)
  WHERE ($tenants IS NULL OR n.tenant IN $tenants)
    AND ((n.validFrom > $from AND n.validFrom <= $to) OR (n.validTo >= $from AND n.validTo < $to))
    AND (EXISTS { MATCH (u)-[:BASED_IN]->(g:Area) WHERE g IN inside }
      OR EXISTS { MATCH (u)-[:PROVIDES]->(:Service)-[:SERVES]->(g:Area) WHERE g IN covering }
      OR EXISTS { MATCH (u)-[:MEMBER_OF]->(:Body)-[:COVERS]->(g:Area) WHERE g IN covering })
  RETURN DISTINCT 'POSITION' AS kind, n, n.title + ' – ' + u.name AS label
  UNION ALL
  MATCH (n:Agreement)
  WHERE ($tenants IS NULL OR n.tenant IN $tenants)
    AND ((n.validFrom > $from AND n.validFrom <= $to) OR (n.validTo >= $from AND n.validTo < $to))
    AND (EXISTS { MATCH (n)-[:GOVERNS]->(:Service)-[:SERVES]->(g:Area) WHERE g IN covering }
      OR EXISTS { MATCH (n)-[:GOVERNS]->(:Body)-[:COVERS]->(g:Area) WHERE g IN covering }
      OR EXISTS { MATCH (n)<-[:PARTY_TO]-(:Actor)-[:BASED_IN]->(g:Area) WHERE g IN inside }
      OR EXISTS { MATCH (n)<-[:PARTY_TO]-(:Actor)-[:PROVIDES]->(:Service)-[:SERVES]->(g:Area) WHERE g IN covering }
      OR EXISTS { MATCH (n)<-[:PARTY_TO]-(:Actor)-[:MEMBER_OF]->(:Body)-[:COVERS]->(g:Area) WHERE g IN covering })
  RETURN 'AGREEMENT' AS kind, n, n.title AS label
}
WITH kind, n, label, all(x IN [n] WHERE (x.validFrom IS NULL OR x.validFrom <= $from) AND (x.validTo IS NULL OR x.validTo >= $from)) AS atFrom, all(x IN [n] WHERE (x.validFrom IS NULL OR x.validFrom <= $to) AND (x.validTo IS NULL OR x.validTo >= $to)) AS atTo
WHERE atFrom <> atTo
RETURN kind, CASE WHEN atTo THEN 'ADDED' ELSE 'ENDED' END AS change, n.key AS key, label,
       n.validFrom AS validFrom, n.validTo AS validTo
ORDER BY kind, change, key
