// The services that can take part in an implicit interface of the scope, one row each: valid services serving an area inside the scope or above one that is (for a pair, the overlap meets the scope and the other area contains or lies in it, so both services serve such an area), with a valid legal domain and target group. Per service: its legal domains, target groups, and each valid area it serves with the areas that contain it (itself included). The JVM pairs them by area chain, adjacent domains and shared group (InterfacePoints) and hands the pairs to implicit-candidates.
#include scope/areas
CALL (inside) {
  UNWIND inside AS g
  MATCH (g)-[:PART_OF*0..]->(up:Area)
  RETURN collect(DISTINCT up) AS reach
}
UNWIND reach AS g
MATCH (g)<-[v:SERVES]-(s:Service)
WHERE READABLE(s)
  AND (s.validFrom IS NULL OR s.validFrom <= $asOf) AND (s.validTo IS NULL OR s.validTo >= $asOf)
  AND (v.validFrom IS NULL OR v.validFrom <= $asOf) AND (v.validTo IS NULL OR v.validTo >= $asOf)
WITH DISTINCT s
WITH s,
     COLLECT {
       MATCH (s)-[u:UNDER]->(d:LegalDomain)
       WHERE (u.validFrom IS NULL OR u.validFrom <= $asOf) AND (u.validTo IS NULL OR u.validTo >= $asOf)
       RETURN DISTINCT d.key
     } AS domains,
     COLLECT {
       MATCH (s)-[f:FOR_GROUP]->(t:TargetGroup)
       WHERE (f.validFrom IS NULL OR f.validFrom <= $asOf) AND (f.validTo IS NULL OR f.validTo >= $asOf)
       RETURN DISTINCT t.key
     } AS groups
WHERE size(domains) > 0 AND size(groups) > 0
RETURN s.key AS key, domains, groups,
       COLLECT {
         MATCH (s)-[v:SERVES]->(g:Area)
         WHERE (v.validFrom IS NULL OR v.validFrom <= $asOf) AND (v.validTo IS NULL OR v.validTo >= $asOf)
         RETURN DISTINCT {area: g.key, chain: COLLECT { MATCH (g)-[:PART_OF*0..]->(up:Area) RETURN DISTINCT up.key }}
       } AS areas,
       COLLECT {
         MATCH (s)-[u:UNDER]->(:LegalDomain)-[:ADJACENT_TO]-(d:LegalDomain)
         WHERE (u.validFrom IS NULL OR u.validFrom <= $asOf) AND (u.validTo IS NULL OR u.validTo >= $asOf)
         RETURN DISTINCT d.key
       } AS adjacentDomains
