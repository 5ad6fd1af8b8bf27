// Per (recipient, programme) in $pairs: the valid agreements that the recipient or one of its units (PART_OF, transitively) is PARTY_TO and that another party providing a valid service funded by the programme, or a valid grantee of the programme, is also party to, or that GOVERN a valid service funded by the programme
UNWIND $pairs AS pair
MATCH (recipient:Actor {key: pair.recipient})
WHERE READABLE(recipient)
MATCH (programme:FundingProgramme {key: pair.programme})
WHERE READABLE(programme)
MATCH (unit:Actor) ((:Actor)-[p:PART_OF]->(y:Actor)
                    WHERE (p.validFrom IS NULL OR p.validFrom <= $asOf) AND (p.validTo IS NULL OR p.validTo >= $asOf)
                      AND (y.validFrom IS NULL OR y.validFrom <= $asOf) AND (y.validTo IS NULL OR y.validTo >= $asOf))* (recipient)
WHERE READABLE(unit) AND (unit.validFrom IS NULL OR unit.validFrom <= $asOf) AND (unit.validTo IS NULL OR unit.validTo >= $asOf)
MATCH (unit)-[pt:PARTY_TO]->(agr:Agreement)
WHERE (pt.validFrom IS NULL OR pt.validFrom <= $asOf) AND (pt.validTo IS NULL OR pt.validTo >= $asOf)
  AND READABLE(agr) AND (agr.validFrom IS NULL OR agr.validFrom <= $asOf) AND (agr.validTo IS NULL OR agr.validTo >= $asOf)
CALL (unit, agr, programme) {
  MATCH (agr)<-[pt2:PARTY_TO]-(other:Actor)
  WHERE other <> unit AND READABLE(other)
    AND (pt2.validFrom IS NULL OR pt2.validFrom <= $asOf) AND (pt2.validTo IS NULL OR pt2.validTo >= $asOf)
    AND (other.validFrom IS NULL OR other.validFrom <= $asOf) AND (other.validTo IS NULL OR other.validTo >= $asOf)
    AND (EXISTS {
           MATCH (other)-[pr:PROVIDES]->(s:Service)-[fb:FUNDED_BY]->(programme)
           WHERE READABLE(s) AND READABLE_REL(fb) AND (pr.validFrom IS NULL OR pr.validFrom <= $asOf) AND (pr.validTo IS NULL OR pr.validTo >= $asOf)
             AND (s.validFrom IS NULL OR s.validFrom <= $asOf) AND (s.validTo IS NULL OR s.validTo >= $asOf)
             AND (fb.validFrom IS NULL OR fb.validFrom <= $asOf) AND (fb.validTo IS NULL OR fb.validTo >= $asOf)
         } OR EXISTS {
           MATCH (programme)-[g:GRANTS]->(other)
           WHERE READABLE_REL(g) AND (g.validFrom IS NULL OR g.validFrom <= $asOf) AND (g.validTo IS NULL OR g.validTo >= $asOf)
         })
  RETURN {via: 'PARTY', key: other.key, name: other.name} AS link
  UNION
  MATCH (agr)-[gv:GOVERNS]->(s:Service)-[fb:FUNDED_BY]->(programme)
  WHERE READABLE(s) AND READABLE_REL(fb)
    AND (gv.validFrom IS NULL OR gv.validFrom <= $asOf) AND (gv.validTo IS NULL OR gv.validTo >= $asOf)
    AND (s.validFrom IS NULL OR s.validFrom <= $asOf) AND (s.validTo IS NULL OR s.validTo >= $asOf)
    AND (fb.validFrom IS NULL OR fb.validFrom <= $asOf) AND (fb.validTo IS NULL OR fb.validTo >= $asOf)
  RETURN {via: 'GOVERNS', key: s.key, name: s.name} AS link
}
WITH pair, agr, unit, link
ORDER BY unit.key, link.via, link.key
RETURN pair.recipient AS recipient, pair.programme AS programme, agr.key AS agreement, agr.title AS title,
       collect(DISTINCT {key: unit.key, name: unit.name}) AS parties, collect(DISTINCT link) AS links
ORDER BY recipient, programme, agreement
