// Fragment (`#include scope/linked-actors`, after `#include scope/areas`): the actors linked to the area at all, as
// `linkedActors`, whatever the validity of the link or the actor (the diff decides by validity itself): readable actors
// based in an area `inside`, providing a readable service that serves an area `covering`, or members (readable
// membership) of a readable body that covers an area `covering`. Starts from the areas.
CALL (inside, covering) {
  CALL (inside, covering) {
    UNWIND inside AS g
    MATCH (g)<-[:BASED_IN]-(x:Actor)
    RETURN x
    UNION
    UNWIND covering AS g
    MATCH (g)<-[:SERVES]-(s:Service)<-[:PROVIDES]-(x:Actor)
    WHERE READABLE(s)
    RETURN x
    UNION
    UNWIND covering AS g
    MATCH (g)<-[:COVERS]-(b:Body)<-[m:MEMBER_OF]-(x:Actor)
    WHERE READABLE(b) AND READABLE_REL(m)
    RETURN x
  }
  WITH x
  WHERE READABLE(x)
  RETURN collect(x) AS linkedActors
}
