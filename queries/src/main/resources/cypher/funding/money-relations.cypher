// Which grants, pass-ons and co-financings involving actors of the area hang on these programmes
// A CO_FINANCES relation from a funder of the programme (FUNDS) to one of its grant or pass-on recipients is the relation form of
// that money. An actor of the area: scope/area-actors (based in it, or providing a service / sitting in a body that covers it,
// a sub-area or an enclosing area). Every part starts from those actors, once for all the programmes, not from the programmes' money across the Land.
#include scope/areas
#include scope/area-actors
CALL (areaActors) {
  UNWIND areaActors AS u
  MATCH (p:FundingProgramme)-[r:GRANTS]->(u)
  WHERE p.key IN $programmes AND READABLE(p) AND READABLE_REL(r)
    AND all(x IN [p, r] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
  RETURN p, 'GRANT' AS kind, r.key AS key, r.amount AS amount, null AS from, u{.*, CONTACTS(u)} AS to
  UNION ALL
  UNWIND areaActors AS x
  MATCH (x)-[r:PASSES_ON]-(:Actor)
  WHERE r.programme IN $programmes
  WITH DISTINCT r
  MATCH (p:FundingProgramme {key: r.programme})
  WITH p, r, startNode(r) AS a, endNode(r) AS u
  WHERE READABLE(p) AND READABLE(a) AND READABLE_REL(r) AND READABLE(u)
    AND all(x IN [p, r, a, u] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
  RETURN p, 'PASS_ON' AS kind, r.key AS key, r.amount AS amount, a{.*, CONTACTS(a)} AS from, u{.*, CONTACTS(u)} AS to
  UNION ALL
  UNWIND areaActors AS x
  MATCH (x)-[r:CO_FINANCES]-(:Actor)
  WITH DISTINCT r
  WITH r, startNode(r) AS a, endNode(r) AS u
  MATCH (p:FundingProgramme)<-[fu:FUNDS]-(a)
  WHERE p.key IN $programmes AND READABLE(p)
    AND READABLE(a) AND READABLE_REL(r) AND READABLE(u)
    AND all(x IN [p, fu, a, r, u] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
    AND (EXISTS { MATCH (p)-[gr:GRANTS]->(u) WHERE READABLE_REL(gr) AND all(x IN [gr] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) }
      OR EXISTS { MATCH ()-[po:PASSES_ON]->(u) WHERE po.programme = p.key AND READABLE_REL(po) AND all(x IN [po] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)) })
  RETURN p, 'CO_FINANCING' AS kind, r.key AS key, r.amount AS amount, a{.*, CONTACTS(a)} AS from, u{.*, CONTACTS(u)} AS to
}
RETURN p.key AS programme, kind, key, amount, from, to
ORDER BY programme, kind, key
