// The GraphQL documents of the page (all from the published schema, frontend-schema/schema.snapshot.graphqls).
// Pages of 500 (the maximum) keep a Kreis to four or five round trips; each list query alone stays under the
// operation cost limit (kimgraph.limits.max-complexity), together they would not.

export const VOCABULARIES = `query Vocabularies {
  fieldsOfAction { key labelDe labelEn parent { key } }
  targetGroups { key labelDe labelEn }
  legalDomains { key labelDe labelEn }
  bodyTypes: terms(vocabulary: "BodyType") { key de en }
  sectors: terms(vocabulary: "Sector") { key de en }
}`;

export const ACTORS = `query NetworkActors($filter: EntityFilter, $after: String) {
  actors(filter: $filter, first: 500, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { key name kind sector visibility legalDomains { key }
      relations { key type from { key } to { key } } } }
  }
}`;

export const BODIES = `query NetworkBodies($filter: EntityFilter, $after: String) {
  bodies(filter: $filter, first: 500, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { key name type visibility members { key role actor { key } } } }
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

// Every page asks coverageGaps again; the findings (the explanations of empty cells) come with the first page only.
export const COVERAGE = `query Coverage($area: ID!, $asOf: Date, $after: String, $withFindings: Boolean!) {
  coverageGaps(area: $area, asOf: $asOf) {
    summary { gemeinden cells none thin covered }
    findings @include(if: $withFindings) { kind severity explanation explanationEn evidence { type key label role } }
    cells(first: 500, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { status serviceCount area { key name } field { key labelDe } targetGroup { key labelDe }
        services { key name } } }
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
