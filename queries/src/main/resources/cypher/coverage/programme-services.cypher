// The valid services funded by one of $programmes that reach the scope area (SERVE it, one of its sub-areas or an area containing it), with their providers
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
MATCH (s)-[fb:FUNDED_BY]->(p:FundingProgramme)
WHERE p.key IN $programmes AND READABLE(p) AND READABLE_REL(fb)
  AND (fb.validFrom IS NULL OR fb.validFrom <= $asOf) AND (fb.validTo IS NULL OR fb.validTo >= $asOf)
CALL (s) {
  OPTIONAL MATCH (provider:Actor)-[pr:PROVIDES]->(s)
  WHERE READABLE(provider)
    AND (pr.validFrom IS NULL OR pr.validFrom <= $asOf) AND (pr.validTo IS NULL OR pr.validTo >= $asOf)
    AND (provider.validFrom IS NULL OR provider.validFrom <= $asOf) AND (provider.validTo IS NULL OR provider.validTo >= $asOf)
  WITH provider
  ORDER BY provider.key
  RETURN collect(provider {.key, .name}) AS providers
}
RETURN p.key AS programme, s.key AS key, s.name AS name, providers
ORDER BY programme, key
