// Actors in scope: valid actors based in the area or a sub-area, or providing a valid service / holding a valid membership in a valid body that serves / covers an area in scope (or an area containing it), with what identifies an organisation (name, identifiers, address) and the actors they are a unit of or that are units of them
MATCH (a:Area {key: $area})
WHERE READABLE(a)
CALL (a) {
  MATCH (g:Area)-[:PART_OF*0..]->(a)
  WHERE (g.validFrom IS NULL OR g.validFrom <= $asOf) AND (g.validTo IS NULL OR g.validTo >= $asOf)
  RETURN collect(DISTINCT g) AS inside
}
CALL (a) {
  OPTIONAL MATCH (a)-[:PART_OF*1..]->(u:Area)
  RETURN collect(DISTINCT u) AS above
}
CALL (inside) {
  UNWIND inside AS g
  MATCH (g)<-[r:BASED_IN]-(x:Actor)
  WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
  RETURN collect(x) AS based
}
CALL (inside, above) {
  UNWIND inside + above AS g
  MATCH (g)<-[sv:SERVES]-(s:Service)<-[p:PROVIDES]-(x:Actor)
  WHERE READABLE(s)
    AND (s.validFrom IS NULL OR s.validFrom <= $asOf) AND (s.validTo IS NULL OR s.validTo >= $asOf)
    AND (sv.validFrom IS NULL OR sv.validFrom <= $asOf) AND (sv.validTo IS NULL OR sv.validTo >= $asOf)
    AND (p.validFrom IS NULL OR p.validFrom <= $asOf) AND (p.validTo IS NULL OR p.validTo >= $asOf)
  RETURN collect(x) AS providers
}
CALL (inside, above) {
  UNWIND inside + above AS g
  MATCH (g)<-[c:COVERS]-(b:Body)<-[m:MEMBER_OF]-(x:Actor)
  WHERE READABLE(b)
    AND (b.validFrom IS NULL OR b.validFrom <= $asOf) AND (b.validTo IS NULL OR b.validTo >= $asOf)
    AND (c.validFrom IS NULL OR c.validFrom <= $asOf) AND (c.validTo IS NULL OR c.validTo >= $asOf)
    AND READABLE_REL(m) AND (m.validFrom IS NULL OR m.validFrom <= $asOf) AND (m.validTo IS NULL OR m.validTo >= $asOf)
  RETURN collect(x) AS members
}
UNWIND based + providers + members AS x
WITH DISTINCT x
WHERE READABLE(x)
  AND (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)
RETURN x.key AS key, x.name AS name, x.address AS address, coalesce(x.identifiers, []) AS identifiers,
       [(x)-[r:PART_OF]-(y:Actor)
        WHERE READABLE(y) AND (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf) | y.key] AS related
ORDER BY key
