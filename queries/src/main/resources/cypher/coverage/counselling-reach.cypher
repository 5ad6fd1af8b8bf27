// Per Gemeinde of the scope area: the valid services in the field $field or one of its sub-fields that reach it (SERVE it or an area containing it), and those that did until before asOf (ended service or ended SERVES); an empty first list is a spatial gap
MATCH (a:Area {key: $area})
WHERE ($tenants IS NULL OR a.tenant IN $tenants)
  AND (a.validFrom IS NULL OR a.validFrom <= $asOf) AND (a.validTo IS NULL OR a.validTo >= $asOf)
MATCH (g:Area) ((:Area)-[r:PART_OF]->(y:Area)
                WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
                  AND (y.validFrom IS NULL OR y.validFrom <= $asOf) AND (y.validTo IS NULL OR y.validTo >= $asOf))* (a)
WHERE ($tenants IS NULL OR g.tenant IN $tenants) AND g.municipality = true
  AND (g.validFrom IS NULL OR g.validFrom <= $asOf) AND (g.validTo IS NULL OR g.validTo >= $asOf)
WITH DISTINCT g
CALL (g) {
  MATCH (g) ((:Area)-[u:PART_OF]->(z:Area)
             WHERE (u.validFrom IS NULL OR u.validFrom <= $asOf) AND (u.validTo IS NULL OR u.validTo >= $asOf)
               AND (z.validFrom IS NULL OR z.validFrom <= $asOf) AND (z.validTo IS NULL OR z.validTo >= $asOf))* (x:Area)
  MATCH (s:Service)-[sv:SERVES]->(x)
  WHERE ($tenants IS NULL OR s.tenant IN $tenants)
    AND (s.validFrom IS NULL OR s.validFrom <= $asOf)
    AND (sv.validFrom IS NULL OR sv.validFrom <= $asOf)
    AND EXISTS {
      MATCH (s)-[i:IN_FIELD]->(:FieldOfAction) ((:FieldOfAction)-[p:PART_OF]->(:FieldOfAction)
                                                WHERE (p.validFrom IS NULL OR p.validFrom <= $asOf) AND (p.validTo IS NULL OR p.validTo >= $asOf))* (:FieldOfAction {key: $field})
      WHERE (i.validFrom IS NULL OR i.validFrom <= $asOf)
    }
  WITH s, min(CASE WHEN (s.validTo IS NULL OR s.validTo >= $asOf) AND (sv.validTo IS NULL OR sv.validTo >= $asOf)
                   THEN NULL ELSE CASE WHEN s.validTo IS NOT NULL AND (sv.validTo IS NULL OR s.validTo < sv.validTo) THEN s.validTo ELSE sv.validTo END END) AS endedOn,
          max(CASE WHEN (s.validTo IS NULL OR s.validTo >= $asOf) AND (sv.validTo IS NULL OR sv.validTo >= $asOf) THEN 1 ELSE 0 END) = 1 AS current
  ORDER BY s.key
  RETURN collect(CASE WHEN current THEN s.key END) AS services,
         collect(CASE WHEN NOT current THEN {key: s.key, name: s.name, endedOn: endedOn} END) AS ended
}
RETURN g {.*} AS area, services, ended
ORDER BY g.key
