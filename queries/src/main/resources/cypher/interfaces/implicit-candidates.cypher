// Candidates for implicit interfaces: of the given pairs ($pairs, [first, second] keys), those of valid services for the same target group, under adjacent legal domains (ADJACENT_TO, either direction), serving overlapping areas (one contains the other) where the overlap meets the scope; aggregated per pair with their valid providers. The pairs whose providers are tied are subtracted in the JVM (set difference against the actor graph).
#include scope/areas
// the pairs come from implicit-services, paired in the JVM (same area chain, adjacent domains, a shared group)
UNWIND $pairs AS pair
MATCH (s1:Service {key: pair[0]}), (s2:Service {key: pair[1]})
WHERE READABLE(s1) AND READABLE(s2)
WITH covering, s1, s2
MATCH (s1)-[u1:UNDER]->(d1:LegalDomain)-[:ADJACENT_TO]-(d2:LegalDomain)<-[u2:UNDER]-(s2)
WHERE (u1.validFrom IS NULL OR u1.validFrom <= $asOf) AND (u1.validTo IS NULL OR u1.validTo >= $asOf)
  AND (u2.validFrom IS NULL OR u2.validFrom <= $asOf) AND (u2.validTo IS NULL OR u2.validTo >= $asOf)
WITH covering, s1, s2, collect(DISTINCT {first: d1.key, firstLabel: d1.labelDe, firstLabelEn: d1.labelEn,
                                 second: d2.key, secondLabel: d2.labelDe, secondLabelEn: d2.labelEn}) AS domains
MATCH (s1)-[f1:FOR_GROUP]->(t:TargetGroup)<-[f2:FOR_GROUP]-(s2)
WHERE (f1.validFrom IS NULL OR f1.validFrom <= $asOf) AND (f1.validTo IS NULL OR f1.validTo >= $asOf)
  AND (f2.validFrom IS NULL OR f2.validFrom <= $asOf) AND (f2.validTo IS NULL OR f2.validTo >= $asOf)
WITH covering, s1, s2, domains, collect(DISTINCT {key: t.key, label: t.labelDe, labelEn: t.labelEn}) AS groups
MATCH (s1)-[v1:SERVES]->(g1:Area), (s2)-[v2:SERVES]->(g2:Area)
WHERE (v1.validFrom IS NULL OR v1.validFrom <= $asOf) AND (v1.validTo IS NULL OR v1.validTo >= $asOf)
  AND (v2.validFrom IS NULL OR v2.validFrom <= $asOf) AND (v2.validTo IS NULL OR v2.validTo >= $asOf)
WITH covering, s1, s2, domains, groups,
     CASE WHEN EXISTS { (g1)-[:PART_OF*0..]->(g2) } THEN g1
          WHEN EXISTS { (g2)-[:PART_OF*0..]->(g1) } THEN g2 END AS overlap
WHERE overlap IS NOT NULL
  AND overlap IN covering
WITH s1, s2, domains, groups, collect(DISTINCT {key: overlap.key, label: overlap.name}) AS areas
RETURN s1.key AS first, s1.name AS firstName, s2.key AS second, s2.name AS secondName, domains, groups, areas,
       COLLECT {
         MATCH (p:Actor)-[r:PROVIDES]->(s1)
         WHERE READABLE(p) AND (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
           AND (p.validFrom IS NULL OR p.validFrom <= $asOf) AND (p.validTo IS NULL OR p.validTo >= $asOf)
         RETURN p.key ORDER BY p.key
       } AS firstProviders,
       COLLECT {
         MATCH (p:Actor)-[r:PROVIDES]->(s2)
         WHERE READABLE(p) AND (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
           AND (p.validFrom IS NULL OR p.validFrom <= $asOf) AND (p.validTo IS NULL OR p.validTo >= $asOf)
         RETURN p.key ORDER BY p.key
       } AS secondProviders
ORDER BY first, second
