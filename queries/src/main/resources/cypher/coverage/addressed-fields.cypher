// The fields of action that valid, active bodies in scope (COVERING the scope area, one of its sub-areas or an area containing it) address, each field with its sub-fields (a network on a field also networks its sub-fields), and the bodies that address them
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
MATCH (b:Body)-[c:COVERS]->(x)
WHERE READABLE(b)
  AND (b.validFrom IS NULL OR b.validFrom <= $asOf) AND (b.validTo IS NULL OR b.validTo >= $asOf)
  AND coalesce(b.status, 'ACTIVE') = 'ACTIVE'
  AND (c.validFrom IS NULL OR c.validFrom <= $asOf) AND (c.validTo IS NULL OR c.validTo >= $asOf)
  AND (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)
WITH DISTINCT b
MATCH (b)-[ad:ADDRESSES]->(f0:FieldOfAction)
WHERE (ad.validFrom IS NULL OR ad.validFrom <= $asOf) AND (ad.validTo IS NULL OR ad.validTo >= $asOf)
MATCH (f:FieldOfAction) ((:FieldOfAction)-[p:PART_OF]->(:FieldOfAction)
                         WHERE (p.validFrom IS NULL OR p.validFrom <= $asOf) AND (p.validTo IS NULL OR p.validTo >= $asOf))* (f0)
WITH f, b
ORDER BY b.key
RETURN f.key AS field, collect(DISTINCT b.key) AS bodies
ORDER BY field
