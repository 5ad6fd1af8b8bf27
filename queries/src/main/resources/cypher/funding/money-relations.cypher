// Which grants, pass-ons and co-financings involving actors of the area hang on these programmes
// A CO_FINANCES relation from a funder of the programme (FUNDS) to one of its grant or pass-on recipients is the relation form of
// that money. An actor of the area: based in it, or providing a service / sitting in a body that covers it (or a sub-area).
UNWIND $programmes AS programmeKey
MATCH (p:FundingProgramme {key: programmeKey})
WHERE READABLE(p)
MATCH (area:Area {key: $area})
WITH p,
     COLLECT { MATCH (g:Area)-[:PART_OF*0..]->(area) RETURN g } AS inside,
     COLLECT { MATCH (area)-[:PART_OF*0..]->(up:Area) RETURN up } AS above
WITH p, inside, inside + above AS covering
WITH p, COLLECT {
       MATCH (a:Actor)
       WHERE READABLE(a)
         AND all(x IN [a] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
         AND (EXISTS { MATCH (a)-[b:BASED_IN]->(g:Area) WHERE g IN inside AND all(x IN [b] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) }
           OR EXISTS { MATCH (a)-[pr:PROVIDES]->(s:Service)-[sv:SERVES]->(g:Area)
                       WHERE g IN covering AND READABLE(s) AND all(x IN [pr, s, sv] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) }
           OR EXISTS { MATCH (a)-[m:MEMBER_OF]->(b:Body)-[c:COVERS]->(g:Area)
                       WHERE g IN covering AND READABLE_REL(m) AND READABLE(b) AND all(x IN [m, b, c] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) })
       RETURN a } AS actors
CALL (p, actors) {
  MATCH (p)-[r:GRANTS]->(u:Actor)
  WHERE u IN actors AND READABLE_REL(r) AND all(x IN [p, r] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
  RETURN 'GRANT' AS kind, r.key AS key, r.amount AS amount, null AS from, u{.*, CONTACTS(u)} AS to
  UNION ALL
  MATCH (a:Actor)-[r:PASSES_ON]->(u:Actor)
  WHERE READABLE(a) AND READABLE_REL(r) AND READABLE(u)
    AND r.programme = p.key
    AND (a IN actors OR u IN actors)
    AND all(x IN [p, r, a, u] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
  RETURN 'PASS_ON' AS kind, r.key AS key, r.amount AS amount, a{.*, CONTACTS(a)} AS from, u{.*, CONTACTS(u)} AS to
  UNION ALL
  MATCH (p)<-[fu:FUNDS]-(a:Actor)-[r:CO_FINANCES]->(u:Actor)
  WHERE (a IN actors OR u IN actors)
    AND READABLE(a) AND READABLE_REL(r) AND READABLE(u)
    AND all(x IN [p, fu, a, r, u] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
    AND (EXISTS { MATCH (p)-[gr:GRANTS]->(u) WHERE READABLE_REL(gr) AND all(x IN [gr] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) }
      OR EXISTS { MATCH ()-[po:PASSES_ON]->(u) WHERE po.programme = p.key AND READABLE_REL(po) AND all(x IN [po] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) })
  RETURN 'CO_FINANCING' AS kind, r.key AS key, r.amount AS amount, a{.*, CONTACTS(a)} AS from, u{.*, CONTACTS(u)} AS to
}
RETURN p.key AS programme, kind, key, amount, from, to
ORDER BY programme, kind, key
