// Writes queries.json: the @neo4j/graphql documents of the issue 6 nested entity questions, one per question and
// scope ("kreis": one tenant, "land": every tenant). Run `node make-queries.mjs` after changing them here.
// Every level keeps only records valid on $asOf: the nodes and, through the xConnection fields (the only place
// the library filters on relationship properties), the relationships too. Lists are sorted by key.

import { writeFileSync } from 'node:fs';

// validFrom null or <= asOf, validTo null or >= asOf (`eq: null` becomes IS NULL in the library's Cypher).
const VALID_ON = '{OR: [{validFrom: {eq: null}}, {validFrom: {lte: $asOf}}]}, '
    + '{OR: [{validTo: {eq: null}}, {validTo: {gte: $asOf}}]}';
const VALID = `{AND: [${VALID_ON}]}`;
const valid = (extra = '') => extra ? `{${extra}, AND: [${VALID_ON}]}` : VALID;
const link = (field, selection, edge = '') =>
    `${field}Connection(where: {edge: ${VALID}, node: ${VALID}}, sort: [{node: {key: ASC}}]) `
    + `{ edges { ${edge ? edge + ' ' : ''}node { ${selection} } } }`;

function root(field, scope, selection) {
    const where = scope === 'kreis' ? valid('tenant: {eq: $tenant}') : valid();
    const variables = scope === 'kreis' ? '$tenant: String!, $asOf: Date!' : '$asOf: Date!';
    return `query(${variables}) { ${field}(where: ${where}, sort: [{key: ASC}], limit: 100) { ${selection} } }`;
}

const questions = {
    'actors-nested': (scope) => root('actors', scope, 'key name kind sector '
        + link('memberOf', 'key name type', 'properties { role }') + ' '
        + link('provides', 'key name ' + link('inField', 'key labelDe'))),
    'bodies-nested': (scope) => root('bodies', scope, 'key name type '
        + link('members', 'key name ' + link('provides', 'key name'), 'properties { role }')),
    'services-nested': (scope) => root('services', scope, 'key name form '
        + link('providers', 'key name ' + link('memberOf', 'key name')) + ' '
        + link('serves', 'key name') + ' '
        + link('inField', 'key') + ' '
        + link('forGroup', 'key')),
};

const out = {};
for (const [name, document] of Object.entries(questions)) {
    out[name] = { kreis: document('kreis'), land: document('land') };
}
writeFileSync(new URL('./queries.json', import.meta.url), JSON.stringify(out, null, 2) + '\n');
