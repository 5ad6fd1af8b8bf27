// Meeting load: valid actors with their valid memberships in valid bodies in scope, each body with its meeting frequency and the fields it addresses; actors in fewer than $minBodies bodies left out
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
WITH DISTINCT b
CALL (b) {
  OPTIONAL MATCH (b)-[d:ADDRESSES]->(f:FieldOfAction)
  WHERE (d.validFrom IS NULL OR d.validFrom <= $asOf) AND (d.validTo IS NULL OR d.validTo >= $asOf)
  RETURN collect(DISTINCT f{.*}) AS fields
}
MATCH (b)<-[m:MEMBER_OF]-(x:Actor)
WHERE READABLE(x)
  AND READABLE_REL(m) AND (m.validFrom IS NULL OR m.validFrom <= $asOf) AND (m.validTo IS NULL OR m.validTo >= $asOf)
  AND (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)
WITH x, count(DISTINCT b) AS bodies,
     collect({membership: m{.*, type: type(m), _from: x.key, _to: b.key, _fromLabel: 'Actor', _toLabel: 'Body'},
              body: b{.key, .name, .meetingFrequency}, fields: fields}) AS seats
WHERE bodies >= $minBodies
RETURN x{.*, CONTACTS(x)} AS actor, bodies, seats
ORDER BY bodies DESC, actor.key
