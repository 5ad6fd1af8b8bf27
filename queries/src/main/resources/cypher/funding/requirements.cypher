// Which requirements these programmes place on other structures, and which requirements of other programmes concern them
UNWIND $programmes AS programmeKey
MATCH (p:FundingProgramme {key: programmeKey})
WHERE READABLE(p)
CALL (p) {
  MATCH (p)-[r:REQUIRES]->(q:Requirement)
  WHERE READABLE(q) AND all(x IN [p, r, q] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
  RETURN 'REQUIRED_BY_PROGRAMME' AS direction, q{.*} AS requirement, p{.*} AS other
  UNION ALL
  MATCH (p)<-[c:CONCERNS]-(q:Requirement)<-[r:REQUIRES]-(o:FundingProgramme)
  WHERE READABLE(q) AND READABLE(o) AND all(x IN [p, c, q, r, o] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
  RETURN 'CONCERNS_PROGRAMME' AS direction, q{.*} AS requirement, o{.*} AS other
}
RETURN p.key AS programme, direction, requirement, other
ORDER BY programme, direction, requirement.key
