// The languages requested in the scope area or one of its sub-areas (Area.requestedLanguages, ISO 639-1), each with the areas requesting it
MATCH (a:Area {key: $area})
WHERE READABLE(a)
  AND (a.validFrom IS NULL OR a.validFrom <= $asOf) AND (a.validTo IS NULL OR a.validTo >= $asOf)
MATCH (x:Area) ((:Area)-[r:PART_OF]->(y:Area)
                WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
                  AND (y.validFrom IS NULL OR y.validFrom <= $asOf) AND (y.validTo IS NULL OR y.validTo >= $asOf))* (a)
WHERE READABLE(x)
  AND (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)
  AND size(coalesce(x.requestedLanguages, [])) > 0
WITH DISTINCT x
ORDER BY x.key
UNWIND x.requestedLanguages AS language
RETURN language, collect({key: x.key, name: x.name}) AS areas
ORDER BY language
