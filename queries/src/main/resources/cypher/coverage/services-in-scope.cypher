// The valid services that reach the scope area (SERVE it, one of its sub-areas or an area containing it), with their own fields of action (the analysis adds the enclosing fields: a service in a sub-field is in the field), eligibility, ages and languages
MATCH (a:Area {key: $area})
WHERE READABLE(a)
  AND (a.validFrom IS NULL OR a.validFrom <= $asOf) AND (a.validTo IS NULL OR a.validTo >= $asOf)
CALL (a) {
  MATCH (x:Area) ((:Area)-[r:PART_OF]->(y:Area)
                  WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
                    AND (y.validFrom IS NULL OR y.validFrom <= $asOf) AND (y.validTo IS NULL OR y.validTo >= $asOf))* (a)
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
  AND (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)
WITH DISTINCT s
CALL (s) {
  MATCH (s)-[i:IN_FIELD]->(f:FieldOfAction)
  WHERE (i.validFrom IS NULL OR i.validFrom <= $asOf) AND (i.validTo IS NULL OR i.validTo >= $asOf)
  RETURN collect(f.key) AS ownFields
}
RETURN s.key AS key, s.name AS name, s.minAge AS minAge, s.maxAge AS maxAge,
       coalesce(s.eligibleStatuses, []) AS eligibleStatuses, coalesce(s.languages, []) AS languages, ownFields
ORDER BY key
