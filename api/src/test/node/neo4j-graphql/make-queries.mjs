// Writes the @neo4j/graphql documents of the issue 6 nested entity questions, one per question and scope:
//   queries.json            no read rule ("kreis": one tenant, "land": every tenant), the answer kim-graph gives
//                           an ADMIN (and a COORDINATOR of the tenant when every record it touches is its own,
//                           reference data or published);
//   queries-read-rule.json  kim-graph's read rules spelled out as filters: "kreis" as the tenant's COORDINATOR,
//                           "land" as DASHBOARD/STATE (published records and reference data only).
// Run `node make-queries.mjs` after changing them here.
//
// Every level keeps only records valid on $asOf: the nodes and, through the xConnection fields (the only place
// the library filters on relationship properties), the relationships too. Lists are sorted by key.

import { writeFileSync } from 'node:fs';

// validFrom null or <= asOf, validTo null or >= asOf (`eq: null` becomes IS NULL in the library's Cypher).
const VALID_ON = ['{OR: [{validFrom: {eq: null}}, {validFrom: {lte: $asOf}}]}',
    '{OR: [{validTo: {eq: null}}, {validTo: {gte: $asOf}}]}'];

// kim-graph's ReadRule.readable(n): the tenant is one the caller reads in full, or the record is published.
const RULES = {
    none: null,
    coordinator: '{OR: [{tenant: {in: [$tenant, "REFERENCE"]}}, {visibility: {eq: "PUBLISHED"}}]}',
    public: '{OR: [{tenant: {eq: "REFERENCE"}}, {visibility: {eq: "PUBLISHED"}}]}',
};

function documents(rule) {
    const where = (...parts) => {
        const all = [...parts, ...VALID_ON, ...(rule ? [rule] : [])];
        return `{AND: [${all.join(', ')}]}`;
    };
    // Structural links (PROVIDES, IN_FIELD, …) follow their ends: the rule applies to the target node only;
    // memberships are first-class records: the rule applies to the relationship too (as in EntityReader.links).
    const link = (field, selection, { edge = '', firstClass = false } = {}) => {
        const edgeWhere = firstClass ? where() : `{AND: [${VALID_ON.join(', ')}]}`;
        return `${field}Connection(where: {edge: ${edgeWhere}, node: ${where()}}, sort: [{node: {key: ASC}}]) `
            + `{ edges { ${edge ? edge + ' ' : ''}node { ${selection} } } }`;
    };
    const root = (field, scope, selection) => {
        const filter = scope === 'kreis' ? where('{tenant: {eq: $tenant}}') : where();
        const usesTenant = scope === 'kreis' || rule?.includes('$tenant');
        const variables = usesTenant ? '$tenant: String!, $asOf: Date!' : '$asOf: Date!';
        return `query(${variables}) { ${field}(where: ${filter}, sort: [{key: ASC}], limit: 100) { ${selection} } }`;
    };
    const membership = { edge: 'properties { role }', firstClass: true };
    return {
        'actors-nested': (scope) => root('actors', scope, 'key name kind sector '
            + link('memberOf', 'key name type', membership) + ' '
            + link('provides', 'key name ' + link('inField', 'key labelDe'))),
        'bodies-nested': (scope) => root('bodies', scope, 'key name type '
            + link('members', 'key name ' + link('provides', 'key name'), membership)),
        'services-nested': (scope) => root('services', scope, 'key name form '
            + link('providers', 'key name ' + link('memberOf', 'key name', { firstClass: true })) + ' '
            + link('serves', 'key name') + ' '
            + link('inField', 'key') + ' '
            + link('forGroup', 'key')),
    };
}

function write(file, kreisRule, landRule) {
    const kreis = documents(kreisRule);
    const land = documents(landRule);
    const out = {};
    for (const name of Object.keys(kreis)) {
        out[name] = { kreis: kreis[name]('kreis'), land: land[name]('land') };
    }
    writeFileSync(new URL(file, import.meta.url), JSON.stringify(out, null, 2) + '\n');
}

write('./queries.json', RULES.none, RULES.none);
write('./queries-read-rule.json', RULES.coordinator, RULES.public);
