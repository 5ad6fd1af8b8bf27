// The GraphQL documents of the page (all from the published schema, frontend-schema/schema.snapshot.graphqls).

export const VOCABULARIES = `query Vocabularies {
  fieldsOfAction { key labelDe labelEn parent { key } }
  targetGroups { key labelDe labelEn }
  legalDomains { key labelDe labelEn }
  bodyTypes: terms(vocabulary: "BodyType") { key de en }
  sectors: terms(vocabulary: "Sector") { key de en }
}`;

// The whole network of the area in one answer (nodes, edges, degree, betweenness, community), cut at maxNodes.
export const NETWORK = `query Network($area: ID!, $asOf: Date, $field: ID, $targetGroup: ID, $legalDomain: ID,
                       $bodyType: BodyType, $maxNodes: Int) {
  network(area: $area, asOf: $asOf, field: $field, targetGroup: $targetGroup, legalDomain: $legalDomain,
          bodyType: $bodyType, maxNodes: $maxNodes) {
    truncated betweennessSampled communityCount
    nodes { key type name kind sector legalDomain visibility degree betweenness community }
    links { key type source target label }
  }
}`;

export const ACTOR_DETAILS = `query ActorDetails($key: ID!, $asOf: Date) {
  actor(key: $key, asOf: $asOf) {
    key name kind sector visibility description email phone website address level
    legalDomains { labelDe }
    basedIn { name }
    parent { name }
    memberships { key role body { key name type } }
    relations { key type from { key name } to { key name } }
    services { key name form fields { labelDe } targetGroups { labelDe } areas { name }
      funding { key share validTo programme { name periodEnd } } }
    positions { key }
  }
}`;

export const BODY_DETAILS = `query BodyDetails($key: ID!, $asOf: Date) {
  body(key: $key, asOf: $asOf) {
    key name type visibility description leadership meetingFrequency status scope
    fields { labelDe }
    areas { name }
    members { key role actor { key name } }
    feedsInto { key name }
  }
}`;

// The whole matrix in one answer (axes, status and service count per cell) with the findings that explain gaps.
export const COVERAGE = `query Coverage($area: ID!, $asOf: Date) {
  coverageGaps(area: $area, asOf: $asOf) {
    summary { gemeinden cells none thin covered }
    findings { kind severity explanation explanationEn evidence { type key label role } }
    matrix { gemeinden { key name } fields { key labelDe } targetGroups { key labelDe } statuses serviceCounts }
  }
}`;

// The services covering one field × target group, in some Gemeinden or all.
// Pages of 300 (cells with services only) keep one page under the operation cost limit.
export const COVERAGE_CELL = `query CoverageCell($area: ID!, $asOf: Date, $areas: [ID!], $fields: [ID!], $targetGroups: [ID!],
                            $after: String) {
  coverageGaps(area: $area, asOf: $asOf) {
    cells(areas: $areas, fields: $fields, targetGroups: $targetGroups, status: [THIN, COVERED], first: 300, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { status area { key } services { key name providers { name } } } }
    }
  }
}`;

const FINDING = `kind severity explanation explanationEn figures { name value }
  evidence { type key label role membership { actor { key } body { key } } relation { from { key } to { key } } }`;

// One request per analysis: each has the request time limit to itself and is shown as soon as it arrives.
export const FINDINGS: Record<string, string> = {
  duplicateStructures: `query Duplicates($area: ID!, $asOf: Date) {
  duplicateStructures(area: $area, asOf: $asOf) { findings { ${FINDING} } } }`,
  interfacePoints: `query Interfaces($area: ID!, $asOf: Date) {
  interfacePoints(area: $area, asOf: $asOf) { findings { interfaceKind ${FINDING} } } }`,
  fundingCliffs: `query FundingCliffs($area: ID!, $asOf: Date) {
  fundingCliffs(area: $area, asOf: $asOf) { findings { ${FINDING} } } }`,
};

export const PAPER = `query Paper($area: ID!, $asOf: Date, $paper: InterfacePaper!) {
  interfacePaper(area: $area, asOf: $asOf, paper: $paper, format: CSV)
}`;

// What was added, ended and edited in the area between two dates (the time line).
export const DIFF = `query Diff($area: ID!, $from: Date!, $to: Date!) {
  diff(area: $area, from: $from, to: $to, first: 500) {
    kinds { kind truncated added { type key label } ended { type key label } changed { type key label } }
  }
}`;
