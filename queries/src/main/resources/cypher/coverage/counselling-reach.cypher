// Per area in or around the scope (the scope area, its sub-areas and the areas containing it): the services in one of $fields (a counselling field and its sub-fields) that SERVE it on asOf, and those that did until before asOf (ended service or ended SERVES); the analysis unites them per Gemeinde over the Gemeinde and the areas containing it, and an empty union is a spatial gap
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
  AND (s.validFrom IS NULL OR s.validFrom <= $asOf)
  AND (sv.validFrom IS NULL OR sv.validFrom <= $asOf)
  AND EXISTS {
    MATCH (s)-[i:IN_FIELD]->(f:FieldOfAction)
    WHERE f.key IN $fields AND (i.validFrom IS NULL OR i.validFrom <= $asOf)
  }
WITH x, s, (s.validTo IS NULL OR s.validTo >= $asOf) AND (sv.validTo IS NULL OR sv.validTo >= $asOf) AS current,
     CASE WHEN s.validTo IS NOT NULL AND s.validTo < $asOf AND (sv.validTo IS NULL OR s.validTo <= sv.validTo)
          THEN s.validTo ELSE sv.validTo END AS endedOn
ORDER BY s.key
RETURN x.key AS area, collect(CASE WHEN current THEN s.key END) AS services,
       collect(CASE WHEN NOT current THEN {key: s.key, name: s.name, endedOn: endedOn} END) AS ended
