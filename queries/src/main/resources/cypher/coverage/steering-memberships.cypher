// Per recipient in $recipients: the valid memberships of the recipient or one of its units (PART_OF, transitively) in valid, active steering bodies (type STEERING_BODY) that COVER the scope area, one of its sub-areas or an area containing it
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
WITH collect(x.key) AS areas
UNWIND $recipients AS recipientKey
MATCH (recipient:Actor {key: recipientKey})
WHERE READABLE(recipient)
MATCH (unit:Actor) ((:Actor)-[p:PART_OF]->(y:Actor)
                    WHERE (p.validFrom IS NULL OR p.validFrom <= $asOf) AND (p.validTo IS NULL OR p.validTo >= $asOf)
                      AND (y.validFrom IS NULL OR y.validFrom <= $asOf) AND (y.validTo IS NULL OR y.validTo >= $asOf))* (recipient)
WHERE READABLE(unit) AND (unit.validFrom IS NULL OR unit.validFrom <= $asOf) AND (unit.validTo IS NULL OR unit.validTo >= $asOf)
MATCH (unit)-[m:MEMBER_OF]->(b:Body)
WHERE b.type = 'STEERING_BODY' AND READABLE(b) AND READABLE_REL(m) AND coalesce(b.status, 'ACTIVE') = 'ACTIVE'
  AND (b.validFrom IS NULL OR b.validFrom <= $asOf) AND (b.validTo IS NULL OR b.validTo >= $asOf)
  AND (m.validFrom IS NULL OR m.validFrom <= $asOf) AND (m.validTo IS NULL OR m.validTo >= $asOf)
  AND EXISTS {
    MATCH (b)-[c:COVERS]->(covered:Area)
    WHERE covered.key IN areas
      AND (c.validFrom IS NULL OR c.validFrom <= $asOf) AND (c.validTo IS NULL OR c.validTo >= $asOf)
  }
RETURN DISTINCT recipientKey AS recipient, b.key AS body, b.name AS bodyName, unit.key AS member, unit.name AS memberName,
       m.key AS membership, m.role AS role
ORDER BY recipient, body, member
