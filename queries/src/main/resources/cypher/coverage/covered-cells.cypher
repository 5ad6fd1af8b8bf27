// The covered cells of the coverage matrix, as one aggregation: per (Gemeinde, field of action, target group) the valid services that reach the Gemeinde (SERVES it or an area containing it), work in the field or one of its sub-fields, are FOR_GROUP the group and admit it (statuses intersect where both are given, age ranges overlap), with their capacity per 1,000 foreign residents where known
MATCH (a:Area {key: $area})
WHERE ($tenants IS NULL OR a.tenant IN $tenants)
  AND (a.validFrom IS NULL OR a.validFrom <= $asOf) AND (a.validTo IS NULL OR a.validTo >= $asOf)
MATCH (g:Area) ((:Area)-[r:PART_OF]->(y:Area)
                WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
                  AND (y.validFrom IS NULL OR y.validFrom <= $asOf) AND (y.validTo IS NULL OR y.validTo >= $asOf))* (a)
WHERE ($tenants IS NULL OR g.tenant IN $tenants) AND g.municipality = true
  AND (g.validFrom IS NULL OR g.validFrom <= $asOf) AND (g.validTo IS NULL OR g.validTo >= $asOf)
WITH DISTINCT g
MATCH (g) ((:Area)-[u:PART_OF]->(z:Area)
           WHERE (u.validFrom IS NULL OR u.validFrom <= $asOf) AND (u.validTo IS NULL OR u.validTo >= $asOf)
             AND (z.validFrom IS NULL OR z.validFrom <= $asOf) AND (z.validTo IS NULL OR z.validTo >= $asOf))* (x:Area)
MATCH (s:Service)-[sv:SERVES]->(x)
WHERE ($tenants IS NULL OR s.tenant IN $tenants)
  AND (s.validFrom IS NULL OR s.validFrom <= $asOf) AND (s.validTo IS NULL OR s.validTo >= $asOf)
  AND (sv.validFrom IS NULL OR sv.validFrom <= $asOf) AND (sv.validTo IS NULL OR sv.validTo >= $asOf)
WITH s, collect(DISTINCT g.key) AS areas
CALL (s) {
  MATCH (s)-[i:IN_FIELD]->(f0:FieldOfAction) ((:FieldOfAction)-[p:PART_OF]->(:FieldOfAction)
                                              WHERE (p.validFrom IS NULL OR p.validFrom <= $asOf) AND (p.validTo IS NULL OR p.validTo >= $asOf))* (f:FieldOfAction)
  WHERE (i.validFrom IS NULL OR i.validFrom <= $asOf) AND (i.validTo IS NULL OR i.validTo >= $asOf)
    AND (f0.validFrom IS NULL OR f0.validFrom <= $asOf) AND (f0.validTo IS NULL OR f0.validTo >= $asOf)
    AND (f.validFrom IS NULL OR f.validFrom <= $asOf) AND (f.validTo IS NULL OR f.validTo >= $asOf)
  RETURN collect(DISTINCT f.key) AS fields
}
CALL (s) {
  MATCH (s)-[fg:FOR_GROUP]->(t:TargetGroup)
  WHERE (fg.validFrom IS NULL OR fg.validFrom <= $asOf) AND (fg.validTo IS NULL OR fg.validTo >= $asOf)
    AND (t.validFrom IS NULL OR t.validFrom <= $asOf) AND (t.validTo IS NULL OR t.validTo >= $asOf)
    AND (size(coalesce(s.eligibleStatuses, [])) = 0 OR size(coalesce(t.statuses, [])) = 0
         OR any(status IN t.statuses WHERE status IN s.eligibleStatuses))
    AND coalesce(s.minAge, 0) <= coalesce(t.maxAge, 1000) AND coalesce(t.minAge, 0) <= coalesce(s.maxAge, 1000)
  RETURN collect(DISTINCT t.key) AS groups
}
CALL (s) {
  MATCH (s)-[sv2:SERVES]->(x2:Area)
  WHERE (sv2.validFrom IS NULL OR sv2.validFrom <= $asOf) AND (sv2.validTo IS NULL OR sv2.validTo >= $asOf)
    AND (x2.validFrom IS NULL OR x2.validFrom <= $asOf) AND (x2.validTo IS NULL OR x2.validTo >= $asOf)
  RETURN sum(x2.foreignPopulation) AS need, count(x2.foreignPopulation) = count(x2) AS needKnown
}
WITH s, areas, fields, groups,
     CASE WHEN s.capacity IS NOT NULL AND needKnown AND need > 0 THEN 1000.0 * s.capacity / need END AS perThousand
UNWIND areas AS area
UNWIND fields AS field
UNWIND groups AS targetGroup
WITH area, field, targetGroup, s, perThousand
ORDER BY s.key
RETURN area, field, targetGroup, collect(s.key) AS services,
       CASE WHEN count(perThousand) = count(*) THEN sum(perThousand) END AS capacityPer1000
