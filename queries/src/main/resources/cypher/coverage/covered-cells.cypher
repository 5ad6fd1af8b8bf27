// The covered set of the coverage matrix, as one aggregation per served area: per (area a valid service SERVES, the service's own field of action, target group) the valid services that are FOR_GROUP the group and admit it (statuses intersect where both are given, age ranges overlap), each as [key, places per 1,000 foreign residents of all areas it serves, whether it serves several areas or works in several fields] (the capacity figure only when $withCapacity); the served areas are the scope area, its sub-areas and the areas containing it. The matrix adds each row to the field's enclosing fields and unites, per Gemeinde, the rows of itself and of the areas containing it
MATCH (a:Area {key: $area})
WHERE READABLE(a)
  AND (a.validFrom IS NULL OR a.validFrom <= $asOf) AND (a.validTo IS NULL OR a.validTo >= $asOf)
CALL (a) {
  MATCH (x:Area) ((:Area)-[r:PART_OF]->(y:Area)
                  WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
                    AND (y.validFrom IS NULL OR y.validFrom <= $asOf) AND (y.validTo IS NULL OR y.validTo >= $asOf))* (a)
  WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)
  RETURN x
  UNION
  MATCH (a) ((:Area)-[r:PART_OF]->(y:Area)
             WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
               AND (y.validFrom IS NULL OR y.validFrom <= $asOf) AND (y.validTo IS NULL OR y.validTo >= $asOf))+ (x:Area)
  RETURN x
}
MATCH (s:Service)-[sv:SERVES]->(x)
WHERE READABLE(s)
  AND (s.validFrom IS NULL OR s.validFrom <= $asOf) AND (s.validTo IS NULL OR s.validTo >= $asOf)
  AND (sv.validFrom IS NULL OR sv.validFrom <= $asOf) AND (sv.validTo IS NULL OR sv.validTo >= $asOf)
WITH s, collect(x.key) AS served
MATCH (s)-[i:IN_FIELD]->(f:FieldOfAction)
WHERE (i.validFrom IS NULL OR i.validFrom <= $asOf) AND (i.validTo IS NULL OR i.validTo >= $asOf)
WITH s, served, collect(f.key) AS fields
MATCH (s)-[fg:FOR_GROUP]->(t:TargetGroup)
WHERE (fg.validFrom IS NULL OR fg.validFrom <= $asOf) AND (fg.validTo IS NULL OR fg.validTo >= $asOf)
  AND (size(coalesce(s.eligibleStatuses, [])) = 0 OR size(coalesce(t.statuses, [])) = 0
       OR any(status IN t.statuses WHERE status IN s.eligibleStatuses))
  AND coalesce(s.minAge, 0) <= coalesce(t.maxAge, 1000) AND coalesce(t.minAge, 0) <= coalesce(s.maxAge, 1000)
WITH s, served, fields, collect(t.key) AS groups
CALL (s) {
  OPTIONAL MATCH (s)-[sv2:SERVES]->(x2:Area)
  WHERE $withCapacity AND s.capacity IS NOT NULL
    AND (sv2.validFrom IS NULL OR sv2.validFrom <= $asOf) AND (sv2.validTo IS NULL OR sv2.validTo >= $asOf)
    AND (x2.validFrom IS NULL OR x2.validFrom <= $asOf) AND (x2.validTo IS NULL OR x2.validTo >= $asOf)
  RETURN sum(x2.foreignPopulation) AS need, count(x2.foreignPopulation) = count(x2) AS needKnown
}
WITH s, served, fields, groups,
     CASE WHEN $withCapacity AND s.capacity IS NOT NULL AND needKnown AND need > 0 THEN 1000.0 * s.capacity / need END AS perThousand
UNWIND served AS area
UNWIND fields AS field
UNWIND groups AS targetGroup
RETURN area, field, targetGroup, collect([s.key, perThousand, size(served) > 1 OR size(fields) > 1]) AS services
