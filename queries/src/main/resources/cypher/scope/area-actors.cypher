// Fragment (`#include scope/area-actors`, after `#include scope/areas`): the actors of the area on $asOf as
// `areaActors`: valid, readable actors based in an area `inside`, or providing a valid service that serves an area
// `covering`, or holding a valid membership in a valid body that covers an area `covering`. It starts from the areas,
// so it reads what the Kreis holds, not every actor of the Land.
CALL (inside, covering) {
  CALL (inside, covering) {
    UNWIND inside AS g
    MATCH (g)<-[r:BASED_IN]-(x:Actor)
    WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
    RETURN x
    UNION
    UNWIND covering AS g
    MATCH (g)<-[sv:SERVES]-(s:Service)<-[p:PROVIDES]-(x:Actor)
    WHERE READABLE(s)
      AND (s.validFrom IS NULL OR s.validFrom <= $asOf) AND (s.validTo IS NULL OR s.validTo >= $asOf)
      AND (sv.validFrom IS NULL OR sv.validFrom <= $asOf) AND (sv.validTo IS NULL OR sv.validTo >= $asOf)
      AND (p.validFrom IS NULL OR p.validFrom <= $asOf) AND (p.validTo IS NULL OR p.validTo >= $asOf)
    RETURN x
    UNION
    UNWIND covering AS g
    MATCH (g)<-[c:COVERS]-(b:Body)<-[m:MEMBER_OF]-(x:Actor)
    WHERE READABLE(b) AND READABLE_REL(m)
      AND (b.validFrom IS NULL OR b.validFrom <= $asOf) AND (b.validTo IS NULL OR b.validTo >= $asOf)
      AND (c.validFrom IS NULL OR c.validFrom <= $asOf) AND (c.validTo IS NULL OR c.validTo >= $asOf)
      AND (m.validFrom IS NULL OR m.validFrom <= $asOf) AND (m.validTo IS NULL OR m.validTo >= $asOf)
    RETURN x
  }
  WITH x
  WHERE READABLE(x) AND (x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR x.validTo >= $asOf)
  RETURN collect(x) AS areaActors
}
