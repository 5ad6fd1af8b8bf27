// Fragment (`#include scope/areas`, at the top of a statement): the areas of the scope $area, as `inside` (the area and
// every area below it) and `covering` (those plus every area above it: a service or body for the Land also covers the
// Kreis). No rows when the area does not exist.
MATCH (scopeArea:Area {key: $area})
CALL (scopeArea) {
  MATCH (g:Area)-[:PART_OF*0..]->(scopeArea)
  RETURN collect(DISTINCT g) AS inside
}
CALL (scopeArea) {
  OPTIONAL MATCH (scopeArea)-[:PART_OF*1..]->(up:Area)
  RETURN collect(DISTINCT up) AS above
}
WITH inside, inside + above AS covering
