// The requirements (REQUIRES) of programmes with a valid grant (GRANTS) to a recipient based in the scope area or one of its sub-areas, with the programmes each requirement concerns
MATCH (a:Area {key: $area})
WHERE READABLE(a)
  AND (a.validFrom IS NULL OR a.validFrom <= $asOf) AND (a.validTo IS NULL OR a.validTo >= $asOf)
MATCH (x:Area) ((:Area)-[r:PART_OF]->(y:Area)
                WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
                  AND (y.validFrom IS NULL OR y.validFrom <= $asOf) AND (y.validTo IS NULL OR y.validTo >= $asOf))* (a)
WHERE (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)
MATCH (recipient:Actor)-[bi:BASED_IN]->(x)
WHERE READABLE(recipient)
  AND (recipient.validFrom IS NULL OR recipient.validFrom <= $asOf) AND (recipient.validTo IS NULL OR recipient.validTo >= $asOf)
  AND (bi.validFrom IS NULL OR bi.validFrom <= $asOf) AND (bi.validTo IS NULL OR bi.validTo >= $asOf)
MATCH (p:FundingProgramme)-[gr:GRANTS]->(recipient)
WHERE READABLE(p) AND READABLE_REL(gr)
  AND (p.validFrom IS NULL OR p.validFrom <= $asOf) AND (p.validTo IS NULL OR p.validTo >= $asOf)
  AND (gr.validFrom IS NULL OR gr.validFrom <= $asOf) AND (gr.validTo IS NULL OR gr.validTo >= $asOf)
MATCH (p)-[rq:REQUIRES]->(req:Requirement)
WHERE (rq.validFrom IS NULL OR rq.validFrom <= $asOf) AND (rq.validTo IS NULL OR rq.validTo >= $asOf)
  AND READABLE(req) AND (req.validFrom IS NULL OR req.validFrom <= $asOf) AND (req.validTo IS NULL OR req.validTo >= $asOf)
CALL (req) {
  OPTIONAL MATCH (req)-[c:CONCERNS]->(q:FundingProgramme)
  WHERE (c.validFrom IS NULL OR c.validFrom <= $asOf) AND (c.validTo IS NULL OR c.validTo >= $asOf)
    AND READABLE(q) AND (q.validFrom IS NULL OR q.validFrom <= $asOf) AND (q.validTo IS NULL OR q.validTo >= $asOf)
  WITH q
  ORDER BY q.key
  RETURN collect(q {.*}) AS concerns
}
RETURN DISTINCT gr.key AS grant, p {.*} AS programme, recipient {.*, CONTACTS(recipient)} AS recipient, req {.*} AS requirement, concerns
ORDER BY recipient.key, programme.key, requirement.key
