// Actors of the actor graph of an area on a date: the valid actors in scope (based in it, or providing a valid service / holding a valid membership in a valid body that serves / covers an area in it or around it) and their external partners (valid actors outside with a valid actor relation to one inside), with sector, level, area levels and legal domains (with their German labels)
CALL () {
  MATCH (a:Actor)
  WHERE READABLE(a)
    AND (a.validFrom IS NULL OR a.validFrom <= $asOf) AND (a.validTo IS NULL OR a.validTo >= $asOf)
    AND (EXISTS {
           MATCH (a)-[r:BASED_IN]->(:Area)-[:PART_OF*0..]->(:Area {key: $area})
           WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
         }
         OR EXISTS {
           MATCH (a)-[p:PROVIDES]->(s:Service)-[v:SERVES]->(g:Area)
           WHERE READABLE(s) AND (p.validFrom IS NULL OR p.validFrom <= $asOf) AND (p.validTo IS NULL OR p.validTo >= $asOf)
             AND (s.validFrom IS NULL OR s.validFrom <= $asOf) AND (s.validTo IS NULL OR s.validTo >= $asOf)
             AND (v.validFrom IS NULL OR v.validFrom <= $asOf) AND (v.validTo IS NULL OR v.validTo >= $asOf)
             AND (EXISTS { (g)-[:PART_OF*0..]->(:Area {key: $area}) } OR EXISTS { (:Area {key: $area})-[:PART_OF*0..]->(g) })
         }
         OR EXISTS {
           MATCH (a)-[m:MEMBER_OF]->(b:Body)-[c:COVERS]->(g:Area)
           WHERE READABLE_REL(m) AND READABLE(b) AND (m.validFrom IS NULL OR m.validFrom <= $asOf) AND (m.validTo IS NULL OR m.validTo >= $asOf)
             AND (b.validFrom IS NULL OR b.validFrom <= $asOf) AND (b.validTo IS NULL OR b.validTo >= $asOf)
             AND (c.validFrom IS NULL OR c.validFrom <= $asOf) AND (c.validTo IS NULL OR c.validTo >= $asOf)
             AND (EXISTS { (g)-[:PART_OF*0..]->(:Area {key: $area}) } OR EXISTS { (:Area {key: $area})-[:PART_OF*0..]->(g) })
         })
  RETURN collect(a) AS inside
}
CALL (inside) {
  UNWIND inside AS a
  MATCH (a)-[r:COOPERATES_WITH|REFERS_TO|COMMISSIONS|CO_FINANCES|SUPERVISES|HANDS_OVER_TO]-(p:Actor)
  WHERE READABLE_REL(r) AND (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
    AND READABLE(p)
    AND (p.validFrom IS NULL OR p.validFrom <= $asOf) AND (p.validTo IS NULL OR p.validTo >= $asOf)
    AND NOT p IN inside
  RETURN collect(DISTINCT p) AS partners
}
UNWIND [x IN inside | {actor: x, inScope: true}] + [x IN partners | {actor: x, inScope: false}] AS entry
WITH entry.actor AS a, entry.inScope AS inScope
RETURN a.key AS key, a.name AS name, a.sector AS sector, a.level AS level, inScope,
       COLLECT {
         MATCH (a)-[r:BASED_IN]->(g:Area)
         WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
         RETURN DISTINCT g.level
       } AS areaLevels,
       COLLECT {
         MATCH (a)-[r:WORKS_UNDER]->(d:LegalDomain)
         WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
         RETURN DISTINCT {key: d.key, label: d.labelDe}
       } AS legalDomains
ORDER BY key
