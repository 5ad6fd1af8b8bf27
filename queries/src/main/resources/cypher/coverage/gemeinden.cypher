// The scope area and its Gemeinden (the areas with municipality = true in it, or the area itself if it is one), valid on asOf, each with the keys of itself and the areas containing it
MATCH (a:Area {key: $area})
WHERE READABLE(a)
  AND (a.validFrom IS NULL OR a.validFrom <= $asOf) AND (a.validTo IS NULL OR a.validTo >= $asOf)
CALL (a) {
  MATCH (g:Area) ((:Area)-[r:PART_OF]->(y:Area)
                  WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
                    AND (y.validFrom IS NULL OR y.validFrom <= $asOf) AND (y.validTo IS NULL OR y.validTo >= $asOf))* (a)
  WHERE READABLE(g) AND g.municipality = true
    AND (g.validFrom IS NULL OR g.validFrom <= $asOf) AND (g.validTo IS NULL OR g.validTo >= $asOf)
  WITH DISTINCT g
  CALL (g) {
    MATCH (g) ((:Area)-[u:PART_OF]->(z:Area)
               WHERE (u.validFrom IS NULL OR u.validFrom <= $asOf) AND (u.validTo IS NULL OR u.validTo >= $asOf)
                 AND (z.validFrom IS NULL OR z.validFrom <= $asOf) AND (z.validTo IS NULL OR z.validTo >= $asOf))* (x:Area)
    RETURN collect(DISTINCT x.key) AS chain
  }
  ORDER BY g.key
  RETURN collect(g {.*, chain: chain}) AS gemeinden
}
RETURN a {.*} AS area, gemeinden
