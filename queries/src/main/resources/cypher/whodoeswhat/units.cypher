// Which units are responsible in the area: the providers of the matching services (given as $providers), and the actors working
// under the legal domain (any legal domain when $everyDomain) whose remit covers the area. The remit of a municipal or local actor
// is the area it is based in; that of any other actor the Kreis (or kreisfreie Stadt) around its seat, which lies in one Gemeinde.
MATCH (area:Area {key: $area})
WITH COLLECT { MATCH (g:Area)-[:PART_OF*0..]->(area) RETURN g } AS inside,
     COLLECT { MATCH (area)-[:PART_OF*1..]->(up:Area) RETURN up } AS above
CALL (inside, above) {
  UNWIND $providers AS providerKey
  MATCH (a:Actor {key: providerKey})
  WHERE READABLE(a)
  RETURN a, 'PROVIDES_SERVICE' AS reason
  UNION
  MATCH (a:Actor)-[w:WORKS_UNDER]->(l:LegalDomain)
  WHERE READABLE(a)
    AND (l.key = $legalDomain OR ($legalDomain IS NULL AND $everyDomain))
    AND all(x IN [w, a] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
    AND EXISTS {
      MATCH (a)-[b:BASED_IN]->(home:Area)
      WHERE all(x IN [b] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
      WITH home, CASE WHEN coalesce(a.level, 'LOCAL') IN ['MUNICIPAL', 'LOCAL'] THEN home
                      ELSE coalesce(COLLECT { MATCH path = (home)-[:PART_OF*0..]->(d:Area)
                                              WHERE d.level IN ['DISTRICT', 'DISTRICT_FREE_CITY']
                                              RETURN d ORDER BY length(path) LIMIT 1 }[0], home) END AS remit
      WHERE remit IN inside OR remit IN above }
  RETURN a, 'WORKS_UNDER_LEGAL_DOMAIN' AS reason
}
WITH a, collect(DISTINCT reason) AS reasons
RETURN a{.*, CONTACTS(a)} AS actor, reasons,
       COLLECT { MATCH (a)-[r:WORKS_UNDER]->(l:LegalDomain) WHERE all(x IN [r] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
                 RETURN l{.*} ORDER BY l.key } AS legalDomains,
       COLLECT { MATCH (a)-[r:BASED_IN]->(home:Area) WHERE all(x IN [r] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
                 RETURN home{.*} ORDER BY home.key } AS basedIn,
       COLLECT { MATCH (role:Role)-[h:HELD_IN]->(a) WHERE READABLE(role) AND all(x IN [role, h] WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf))
                 RETURN role{.*, CONTACTS(role), actorKey: a.key, actorName: a.name} AS contact ORDER BY contact.key } AS contacts
ORDER BY actor.name, actor.key
