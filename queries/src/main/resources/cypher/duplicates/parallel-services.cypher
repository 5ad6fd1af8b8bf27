// Parallel services: of the given pairs ($pairs, [first, second] keys from parallel-service-candidates), those of valid services in scope with the same target group and form, the same field (or one a sub-field of the other), overlapping areas (the same or one inside the other) and different providers, that no valid agreement divides (one governing both services, or one both providers are party to that governs either)
UNWIND $pairs AS pair
MATCH (s1:Service {key: pair[0]}), (s2:Service {key: pair[1]})
WHERE READABLE(s1) AND READABLE(s2) AND (s1.form = s2.form OR (s1.form IS NULL AND s2.form IS NULL))
MATCH (s1)-[gr1:FOR_GROUP]->(g:TargetGroup)<-[gr2:FOR_GROUP]-(s2)
WHERE (gr1.validFrom IS NULL OR gr1.validFrom <= $asOf) AND (gr1.validTo IS NULL OR gr1.validTo >= $asOf)
  AND (gr2.validFrom IS NULL OR gr2.validFrom <= $asOf) AND (gr2.validTo IS NULL OR gr2.validTo >= $asOf)
WITH s1, s2, collect(DISTINCT g{.key, .labelDe, .labelEn}) AS groups
CALL (s1, s2) {
  MATCH (s1)-[i1:IN_FIELD]->(f1:FieldOfAction), (s2)-[i2:IN_FIELD]->(f2:FieldOfAction)
  WHERE (i1.validFrom IS NULL OR i1.validFrom <= $asOf) AND (i1.validTo IS NULL OR i1.validTo >= $asOf)
    AND (i2.validFrom IS NULL OR i2.validFrom <= $asOf) AND (i2.validTo IS NULL OR i2.validTo >= $asOf)
    AND (f1 = f2 OR EXISTS { (f1)-[:PART_OF*1..]->(f2) } OR EXISTS { (f2)-[:PART_OF*1..]->(f1) })
  WITH CASE WHEN EXISTS { (f2)-[:PART_OF*1..]->(f1) } THEN f2 ELSE f1 END AS f
  RETURN collect(DISTINCT f{.key, .labelDe, .labelEn}) AS fields
}
WITH * WHERE size(fields) > 0
CALL (s1, s2) {
  UNWIND [s1, s2] AS s
  MATCH (s)<-[r:PROVIDES]-(p:Actor)
  WHERE READABLE(p)
    AND (p.validFrom IS NULL OR p.validFrom <= $asOf) AND (p.validTo IS NULL OR p.validTo >= $asOf)
    AND (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
  RETURN collect(DISTINCT CASE WHEN s = s1 THEN p END) AS providers1,
         collect(DISTINCT CASE WHEN s = s2 THEN p END) AS providers2
}
WITH * WHERE size(providers1) > 0 AND size(providers2) > 0 AND none(p IN providers1 WHERE p IN providers2)
CALL (s1, s2) {
  MATCH (s1)-[v1:SERVES]->(x1:Area), (s2)-[v2:SERVES]->(x2:Area)
  WHERE (v1.validFrom IS NULL OR v1.validFrom <= $asOf) AND (v1.validTo IS NULL OR v1.validTo >= $asOf)
    AND (v2.validFrom IS NULL OR v2.validFrom <= $asOf) AND (v2.validTo IS NULL OR v2.validTo >= $asOf)
    AND (x1 = x2 OR EXISTS { (x1)-[:PART_OF*1..]->(x2) } OR EXISTS { (x2)-[:PART_OF*1..]->(x1) })
  WITH CASE WHEN EXISTS { (x2)-[:PART_OF*1..]->(x1) } THEN x2 ELSE x1 END AS x
  RETURN collect(DISTINCT x{.key, .name}) AS areas
}
WITH * WHERE size(areas) > 0
CALL (s1, s2, providers1, providers2) {
  UNWIND [s1, s2] AS s
  MATCH (s)<-[gv:GOVERNS]-(ag:Agreement)
  WHERE READABLE(ag)
    AND (ag.validFrom IS NULL OR ag.validFrom <= $asOf) AND (ag.validTo IS NULL OR ag.validTo >= $asOf)
    AND (gv.validFrom IS NULL OR gv.validFrom <= $asOf) AND (gv.validTo IS NULL OR gv.validTo >= $asOf)
  WITH ag, count(DISTINCT s) AS governed
  WHERE governed = 2
     OR (EXISTS { MATCH (p1:Actor)-[t1:PARTY_TO]->(ag)
                  WHERE p1 IN providers1
                    AND (t1.validFrom IS NULL OR t1.validFrom <= $asOf) AND (t1.validTo IS NULL OR t1.validTo >= $asOf) }
         AND EXISTS { MATCH (p2:Actor)-[t2:PARTY_TO]->(ag)
                  WHERE p2 IN providers2
                    AND (t2.validFrom IS NULL OR t2.validFrom <= $asOf) AND (t2.validTo IS NULL OR t2.validTo >= $asOf) })
  RETURN collect(ag.key) AS dividing
}
WITH * WHERE size(dividing) = 0
RETURN s1{.key, .name, .form} AS service1, s2{.key, .name, .form} AS service2,
       [p IN providers1 | p{.key, .name}] AS providers1, [p IN providers2 | p{.key, .name}] AS providers2,
       groups, fields, areas
ORDER BY service1.key, service2.key
