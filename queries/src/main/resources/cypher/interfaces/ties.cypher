// Ties of the actor graph among the given actors on a date: every valid actor relation (one row each, with its direction), and every valid body with its valid members among them (co-membership becomes edges in the JVM). Starts from the given actors by key, so it reads their relationships only.
UNWIND $actors AS actorKey
MATCH (a:Actor {key: actorKey})-[r:COOPERATES_WITH|REFERS_TO|COMMISSIONS|CO_FINANCES|SUPERVISES|HANDS_OVER_TO]->(b:Actor)
WHERE READABLE(a) AND READABLE_REL(r) AND READABLE(b)
  AND b.key IN $actors
  AND (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
RETURN 'RELATION' AS kind, type(r) AS type, r.key AS key, null AS label, a.key AS source, b.key AS target,
       [] AS members
UNION ALL
UNWIND $actors AS actorKey
MATCH (a:Actor {key: actorKey})-[m:MEMBER_OF]->(body:Body)
WHERE READABLE(a) AND READABLE_REL(m)
  AND (m.validFrom IS NULL OR m.validFrom <= $asOf) AND (m.validTo IS NULL OR m.validTo >= $asOf)
  AND READABLE(body)
  AND (body.validFrom IS NULL OR body.validFrom <= $asOf) AND (body.validTo IS NULL OR body.validTo >= $asOf)
WITH body, collect({actor: a.key, membership: m.key}) AS members
RETURN 'BODY' AS kind, body.type AS type, body.key AS key, body.name AS label, null AS source, null AS target,
       members
