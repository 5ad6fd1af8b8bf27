// Duplicate bodies: pairs of valid bodies in scope that share at least one valid member (blocking), with their plain and hierarchy-weighted member overlap, the fields both address (one the same as or a sub-field of the other) and the areas both cover (the same or one inside the other)
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
UNWIND inside + above AS x
MATCH (x)<-[c:COVERS]-(b:Body)
WHERE READABLE(b)
  AND (b.validFrom IS NULL OR b.validFrom <= $asOf) AND (b.validTo IS NULL OR b.validTo >= $asOf)
  AND (c.validFrom IS NULL OR c.validFrom <= $asOf) AND (c.validTo IS NULL OR c.validTo >= $asOf)
WITH collect(DISTINCT b) AS bodies
// one row per body, its members with their weight (the highest level an actor sits there at)
UNWIND bodies AS b
CALL (b) {
  MATCH (b)<-[m:MEMBER_OF]-(x:Actor)
  WHERE READABLE(x)
    AND READABLE_REL(m) AND (m.validFrom IS NULL OR m.validFrom <= $asOf) AND (m.validTo IS NULL OR m.validTo >= $asOf)
    AND (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)
  WITH x, max(CASE m.hierarchyLevel WHEN 'LEADERSHIP' THEN 3 WHEN 'MIDDLE_MANAGEMENT' THEN 2 ELSE 1 END) AS w
  RETURN collect({key: x.key, name: x.name, w: w}) AS members
}
WITH b, members
WHERE size(members) > 0
// blocking: a pair exists only through an actor that sits in both
UNWIND members AS seat
WITH seat.key AS actor, collect({body: b, members: members, w: seat.w}) AS seats
WHERE size(seats) > 1
UNWIND seats AS s1
UNWIND seats AS s2
WITH s1, s2, actor
WHERE s1.body.key < s2.body.key
WITH s1.body AS b1, s2.body AS b2, s1.members AS members1, s2.members AS members2,
     count(actor) AS shared,
     sum(CASE WHEN s1.w < s2.w THEN s1.w ELSE s2.w END) AS sharedMin,
     collect(actor) AS sharedKeys
WITH b1, b2, members1, members2, shared, sharedMin, sharedKeys,
     reduce(t = 0, e IN members1 | t + e.w) AS weight1,
     reduce(t = 0, e IN members2 | t + e.w) AS weight2
WITH b1, b2, members1, members2, shared, sharedKeys,
     toFloat(shared) / (size(members1) + size(members2) - shared) AS jaccard,
     toFloat(sharedMin) / (weight1 + weight2 - sharedMin) AS weighted
WHERE weighted >= $minOverlap
CALL (b1, b2) {
  MATCH (b1)-[d1:ADDRESSES]->(f1:FieldOfAction), (b2)-[d2:ADDRESSES]->(f2:FieldOfAction)
  WHERE (d1.validFrom IS NULL OR d1.validFrom <= $asOf) AND (d1.validTo IS NULL OR d1.validTo >= $asOf)
    AND (d2.validFrom IS NULL OR d2.validFrom <= $asOf) AND (d2.validTo IS NULL OR d2.validTo >= $asOf)
    AND (f1 = f2 OR EXISTS { (f1)-[:PART_OF*1..]->(f2) } OR EXISTS { (f2)-[:PART_OF*1..]->(f1) })
  WITH CASE WHEN EXISTS { (f2)-[:PART_OF*1..]->(f1) } THEN f2 ELSE f1 END AS f
  RETURN collect(DISTINCT f{.key, .labelDe, .labelEn}) AS fields
}
WITH * WHERE size(fields) > 0
CALL (b1, b2) {
  MATCH (b1)-[c1:COVERS]->(x1:Area), (b2)-[c2:COVERS]->(x2:Area)
  WHERE (c1.validFrom IS NULL OR c1.validFrom <= $asOf) AND (c1.validTo IS NULL OR c1.validTo >= $asOf)
    AND (c2.validFrom IS NULL OR c2.validFrom <= $asOf) AND (c2.validTo IS NULL OR c2.validTo >= $asOf)
    AND (x1 = x2 OR EXISTS { (x1)-[:PART_OF*1..]->(x2) } OR EXISTS { (x2)-[:PART_OF*1..]->(x1) })
  WITH CASE WHEN EXISTS { (x2)-[:PART_OF*1..]->(x1) } THEN x2 ELSE x1 END AS x
  RETURN collect(DISTINCT x{.key, .name}) AS areas
}
WITH * WHERE size(areas) > 0
CALL (b1, b2) {
  MATCH (b1)-[l:MANDATES|FEEDS_INTO|DOCKS_ONTO]-(b2)
  WHERE (l.validFrom IS NULL OR l.validFrom <= $asOf) AND (l.validTo IS NULL OR l.validTo >= $asOf)
  RETURN collect(DISTINCT type(l)) AS links
}
RETURN b1{.key, .name} AS body1, b2{.key, .name} AS body2, members1, members2, shared, sharedKeys,
       jaccard, weighted, fields, areas, links
ORDER BY weighted DESC, jaccard DESC, body1.key, body2.key
