// The vocabularies the coverage analysis spans, valid on asOf: fields of action (each with its sub-fields), target groups, residence statuses
CALL () {
  MATCH (f:FieldOfAction)
  WHERE READABLE(f)
    AND (f.validFrom IS NULL OR f.validFrom <= $asOf) AND (f.validTo IS NULL OR f.validTo >= $asOf)
  CALL (f) {
    OPTIONAL MATCH (d:FieldOfAction) ((:FieldOfAction)-[p:PART_OF]->(:FieldOfAction)
                    WHERE (p.validFrom IS NULL OR p.validFrom <= $asOf) AND (p.validTo IS NULL OR p.validTo >= $asOf))+ (f)
    WHERE (d.validFrom IS NULL OR d.validFrom <= $asOf) AND (d.validTo IS NULL OR d.validTo >= $asOf)
    RETURN collect(DISTINCT d.key) AS subFields
  }
  WITH f, subFields
  ORDER BY f.key
  RETURN collect(f {.*, subFields: subFields}) AS fields
}
CALL () {
  MATCH (t:TargetGroup)
  WHERE READABLE(t)
    AND (t.validFrom IS NULL OR t.validFrom <= $asOf) AND (t.validTo IS NULL OR t.validTo >= $asOf)
  WITH t
  ORDER BY t.key
  RETURN collect(t {.*}) AS groups
}
CALL () {
  MATCH (rs:ResidenceStatus)
  WHERE READABLE(rs)
    AND (rs.validFrom IS NULL OR rs.validFrom <= $asOf) AND (rs.validTo IS NULL OR rs.validTo >= $asOf)
  WITH rs
  ORDER BY rs.key
  RETURN collect(rs {.*}) AS statuses
}
RETURN fields, groups, statuses
