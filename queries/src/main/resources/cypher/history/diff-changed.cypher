// Which actors, bodies, services, positions, agreements, memberships and relations of the area had properties changed between $from and $to (UPDATE / UPDATE_RELATIONSHIP audit events, whole days in UTC)
// Events first (a range seek on the indexed AuditEvent.at, then grouped per record), then each changed record by its unique key,
// kept when the caller may read it and it belongs to the area as in the other diff queries (linked to it at all, whatever the
// validity of that link). Events are not linked to records, so a record that no longer exists simply drops out.
#include scope/areas
CALL () {
  MATCH (e:AuditEvent)
  WHERE e.at >= datetime({date: $from, timezone: 'UTC'}) AND e.at < datetime({date: $to + duration({days: 1}), timezone: 'UTC'})
    AND e.operation IN ['UPDATE', 'UPDATE_RELATIONSHIP']
  RETURN e.label AS type, e.recordKey AS key, collect(e.changes) AS changes, max(e.at) AS lastAt
}
CALL (inside, covering, type, key) {
  MATCH (n:Actor {key: key})
  WHERE type = 'Actor' AND READABLE(n)
    AND (EXISTS { MATCH (n)-[:BASED_IN]->(g:Area) WHERE g IN inside }
      OR EXISTS { MATCH (n)-[:PROVIDES]->(h1:Service)-[:SERVES]->(g:Area) WHERE g IN covering AND READABLE(h1) }
      OR EXISTS { MATCH (n)-[h3:MEMBER_OF]->(h2:Body)-[:COVERS]->(g:Area) WHERE g IN covering AND READABLE(h2) AND READABLE_REL(h3) })
  RETURN 'ACTOR' AS kind, n.name AS label
  UNION ALL
  MATCH (n:Body {key: key})
  WHERE type = 'Body' AND READABLE(n)
    AND EXISTS { MATCH (n)-[:COVERS]->(g:Area) WHERE g IN covering }
  RETURN 'BODY' AS kind, n.name AS label
  UNION ALL
  MATCH (n:Service {key: key})
  WHERE type = 'Service' AND READABLE(n)
    AND EXISTS { MATCH (n)-[:SERVES]->(g:Area) WHERE g IN covering }
  RETURN 'SERVICE' AS kind, n.name AS label
  UNION ALL
  MATCH (n:Position {key: key})-[:IN_UNIT]->(u:Actor)
  WHERE type = 'Position' AND READABLE(n) AND READABLE(u)
    AND (EXISTS { MATCH (u)-[:BASED_IN]->(g:Area) WHERE g IN inside }
      OR EXISTS { MATCH (u)-[:PROVIDES]->(h4:Service)-[:SERVES]->(g:Area) WHERE g IN covering AND READABLE(h4) }
      OR EXISTS { MATCH (u)-[h6:MEMBER_OF]->(h5:Body)-[:COVERS]->(g:Area) WHERE g IN covering AND READABLE(h5) AND READABLE_REL(h6) })
  RETURN 'POSITION' AS kind, n.title + ' – ' + u.name AS label
  UNION ALL
  MATCH (n:Agreement {key: key})
  WHERE type = 'Agreement' AND READABLE(n)
    AND (EXISTS { MATCH (n)-[:GOVERNS]->(h7:Service)-[:SERVES]->(g:Area) WHERE g IN covering AND READABLE(h7) }
      OR EXISTS { MATCH (n)-[:GOVERNS]->(h8:Body)-[:COVERS]->(g:Area) WHERE g IN covering AND READABLE(h8) }
      OR EXISTS { MATCH (n)<-[:PARTY_TO]-(h9:Actor)-[:BASED_IN]->(g:Area) WHERE g IN inside AND READABLE(h9) }
      OR EXISTS { MATCH (n)<-[:PARTY_TO]-(h10:Actor)-[:PROVIDES]->(h11:Service)-[:SERVES]->(g:Area) WHERE g IN covering AND READABLE(h10) AND READABLE(h11) }
      OR EXISTS { MATCH (n)<-[:PARTY_TO]-(h12:Actor)-[h14:MEMBER_OF]->(h13:Body)-[:COVERS]->(g:Area) WHERE g IN covering AND READABLE(h12) AND READABLE(h13) AND READABLE_REL(h14) })
  RETURN 'AGREEMENT' AS kind, n.title AS label
  UNION ALL
  MATCH (a:Actor)-[m:MEMBER_OF {key: key}]->(b:Body)
  WHERE type = 'MEMBER_OF' AND READABLE(a) AND READABLE_REL(m) AND READABLE(b)
    AND (EXISTS { MATCH (b)-[:COVERS]->(g:Area) WHERE g IN covering }
      OR EXISTS { MATCH (a)-[:BASED_IN]->(g:Area) WHERE g IN inside })
  RETURN 'MEMBERSHIP' AS kind, a.name + ' – ' + b.name + coalesce(' (' + m.role + ')', '') AS label
  UNION ALL
  // one arm per relation type, so that each is a seek on that type's unique key
  CALL (type, key) {
    MATCH (src:Actor)-[r:COOPERATES_WITH {key: key}]->(dst:Actor) WHERE type = 'COOPERATES_WITH' RETURN r, src, dst
    UNION ALL
    MATCH (src:Actor)-[r:REFERS_TO {key: key}]->(dst:Actor) WHERE type = 'REFERS_TO' RETURN r, src, dst
    UNION ALL
    MATCH (src:Actor)-[r:COMMISSIONS {key: key}]->(dst:Actor) WHERE type = 'COMMISSIONS' RETURN r, src, dst
    UNION ALL
    MATCH (src:Actor)-[r:CO_FINANCES {key: key}]->(dst:Actor) WHERE type = 'CO_FINANCES' RETURN r, src, dst
    UNION ALL
    MATCH (src:Actor)-[r:SUPERVISES {key: key}]->(dst:Actor) WHERE type = 'SUPERVISES' RETURN r, src, dst
    UNION ALL
    MATCH (src:Actor)-[r:HANDS_OVER_TO {key: key}]->(dst:Actor) WHERE type = 'HANDS_OVER_TO' RETURN r, src, dst
  }
  WITH r, src, dst
  WHERE READABLE_REL(r) AND READABLE(src) AND READABLE(dst)
    AND (EXISTS { MATCH (src)-[:BASED_IN]->(g:Area) WHERE g IN inside }
      OR EXISTS { MATCH (src)-[:PROVIDES]->(h15:Service)-[:SERVES]->(g:Area) WHERE g IN covering AND READABLE(h15) }
      OR EXISTS { MATCH (src)-[h17:MEMBER_OF]->(h16:Body)-[:COVERS]->(g:Area) WHERE g IN covering AND READABLE(h16) AND READABLE_REL(h17) }
      OR EXISTS { MATCH (dst)-[:BASED_IN]->(g:Area) WHERE g IN inside }
      OR EXISTS { MATCH (dst)-[:PROVIDES]->(h18:Service)-[:SERVES]->(g:Area) WHERE g IN covering AND READABLE(h18) }
      OR EXISTS { MATCH (dst)-[h20:MEMBER_OF]->(h19:Body)-[:COVERS]->(g:Area) WHERE g IN covering AND READABLE(h19) AND READABLE_REL(h20) })
  RETURN 'RELATION' AS kind, src.name + ' → ' + dst.name + ' (' + type(r) + ')' AS label
}
RETURN kind, key, label, changes, lastAt
ORDER BY kind, key
