// Declared case handovers (HANDS_OVER_TO) valid on a date between actors of the graph with at least one side in scope (found from the actors in scope), with what makes them managed: a valid governing agreement, a named contact, a medium other than NONE; and whether they are a Rechtskreiswechsel (adjacent legal domains)
UNWIND $inScope AS actorKey
MATCH (:Actor {key: actorKey})-[h:HANDS_OVER_TO]-(:Actor)
WITH DISTINCT h
WITH h, startNode(h) AS a, endNode(h) AS b
WHERE READABLE(a) AND READABLE_REL(h) AND READABLE(b)
  AND a.key IN $actors AND b.key IN $actors
  AND (h.validFrom IS NULL OR h.validFrom <= $asOf) AND (h.validTo IS NULL OR h.validTo >= $asOf)
OPTIONAL MATCH (agreement:Agreement {key: h.agreement})
  WHERE READABLE(agreement)
OPTIONAL MATCH (fromDomain:LegalDomain {key: h.fromDomain})
  WHERE READABLE(fromDomain)
OPTIONAL MATCH (toDomain:LegalDomain {key: h.toDomain})
  WHERE READABLE(toDomain)
RETURN h.key AS key, a.key AS source, b.key AS target, h.trigger AS trigger, h.medium AS medium,
       coalesce(h.namedContact, false) AS namedContact,
       agreement.key AS agreementKey, agreement.title AS agreementTitle,
       agreement IS NOT NULL
         AND (agreement.validFrom IS NULL OR agreement.validFrom <= $asOf)
         AND (agreement.validTo IS NULL OR agreement.validTo >= $asOf) AS agreementValid,
       h.fromDomain AS fromDomain, fromDomain.labelDe AS fromDomainLabel, fromDomain.labelEn AS fromDomainLabelEn,
       h.toDomain AS toDomain, toDomain.labelDe AS toDomainLabel, toDomain.labelEn AS toDomainLabelEn,
       CASE WHEN fromDomain IS NULL OR toDomain IS NULL THEN false
            ELSE EXISTS { (fromDomain)-[:ADJACENT_TO]-(toDomain) } END AS rechtskreiswechsel
ORDER BY key
