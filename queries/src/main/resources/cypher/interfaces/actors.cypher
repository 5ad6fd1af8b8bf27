// Actors of the actor graph of an area on a date: the actors of the area (scope/area-actors: based in it, or providing a valid service / holding a valid membership in a valid body that serves / covers an area in it or around it) and their external partners (valid actors outside with a valid actor relation to one inside), with sector, level, area levels and legal domains (with their German labels)
#include scope/areas
#include scope/area-actors
CALL (areaActors) {
  UNWIND areaActors AS a
  MATCH (a)-[r:COOPERATES_WITH|REFERS_TO|COMMISSIONS|CO_FINANCES|SUPERVISES|HANDS_OVER_TO]-(p:Actor)
  WHERE READABLE_REL(r) AND (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
    AND READABLE(p)
    AND (p.validFrom IS NULL OR p.validFrom <= $asOf) AND (p.validTo IS NULL OR p.validTo >= $asOf)
  RETURN collect(DISTINCT p) AS neighbours
}
// an actor of the area that is also another's partner stays in scope (grouped by node: no list look-ups)
UNWIND [x IN areaActors | {actor: x, inScope: true}] + [x IN neighbours | {actor: x, inScope: false}] AS entry
WITH entry.actor AS a, true IN collect(entry.inScope) AS inScope
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
