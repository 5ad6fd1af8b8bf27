// The services that can be parallel services of the scope, one row each: valid services serving a valid area inside the scope or an area above it, with their form, valid target groups, and each valid area they serve with the areas that contain it (itself included). The JVM pairs them by form, shared group and area chain (ParallelServices) and hands the pairs to parallel-services.
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
MATCH (x)<-[sv:SERVES]-(s:Service)
WHERE READABLE(s)
  AND (s.validFrom IS NULL OR s.validFrom <= $asOf) AND (s.validTo IS NULL OR s.validTo >= $asOf)
  AND (sv.validFrom IS NULL OR sv.validFrom <= $asOf) AND (sv.validTo IS NULL OR sv.validTo >= $asOf)
WITH DISTINCT s
WITH s, COLLECT {
       MATCH (s)-[gr:FOR_GROUP]->(g:TargetGroup)
       WHERE (gr.validFrom IS NULL OR gr.validFrom <= $asOf) AND (gr.validTo IS NULL OR gr.validTo >= $asOf)
       RETURN DISTINCT g.key
     } AS groups
WHERE size(groups) > 0
RETURN s.key AS key, s.form AS form, groups,
       COLLECT {
         MATCH (s)-[v:SERVES]->(x:Area)
         WHERE (v.validFrom IS NULL OR v.validFrom <= $asOf) AND (v.validTo IS NULL OR v.validTo >= $asOf)
         RETURN DISTINCT {area: x.key, chain: COLLECT { MATCH (x)-[:PART_OF*0..]->(up:Area) RETURN DISTINCT up.key }}
       } AS areas
