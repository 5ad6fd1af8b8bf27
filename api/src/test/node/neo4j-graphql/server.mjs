// The Neo4j GraphQL Library (@neo4j/graphql) on the kim-graph database, for the issue 6 comparison.
// A plain node:http handler for POST /graphql calling graphql() with the library's schema: the least overhead
// around the library, no Apollo. Reads only (typeDefs.graphql switches the generated mutations off).
//
// Env: NEO4J_URI (default bolt://127.0.0.1:7687), NEO4J_USERNAME / NEO4J_PASSWORD (default neo4j / empty; the
// embedded Neo4j ignores them), PORT (default 0 = a free port), BIND_ADDRESS (default 127.0.0.1).
// Prints exactly one line "LISTENING <port>" on stdout once it serves; logs go to stderr.
// Stops on SIGTERM/SIGINT, and when stdin is a pipe or socket and closes (the parent process went away).

import { readFileSync, fstatSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { graphql } from 'graphql';
import neo4j from 'neo4j-driver';
import { Neo4jGraphQL } from '@neo4j/graphql';

const typeDefs = readFileSync(fileURLToPath(new URL('./typeDefs.graphql', import.meta.url)), 'utf8');
const uri = process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687';
const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j',
    process.env.NEO4J_PASSWORD ?? ''));
const MAX_BODY = 1024 * 1024;

const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
await driver.verifyConnectivity();

const server = createServer((request, response) => {
    if (request.url !== '/graphql' && !request.url.startsWith('/graphql?')) {
        return send(response, 404, { errors: [{ message: 'not found: use POST /graphql' }] });
    }
    if (request.method !== 'POST') {
        return send(response, 405, { errors: [{ message: 'use POST' }] });
    }
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
        size += chunk.length;
        if (size > MAX_BODY) {
            request.destroy();
        } else {
            chunks.push(chunk);
        }
    });
    request.on('end', async () => {
        let body;
        try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
            return send(response, 400, { errors: [{ message: 'body is not JSON' }] });
        }
        try {
            const result = await graphql({
                schema,
                source: body.query,
                variableValues: body.variables ?? undefined,
                operationName: body.operationName ?? undefined,
                contextValue: {},
            });
            send(response, 200, result);
        } catch (error) {
            send(response, 500, { errors: [{ message: String(error?.message ?? error) }] });
        }
    });
});

function send(response, status, value) {
    const text = JSON.stringify(value);
    response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    response.end(text);
}

let stopping = false;
async function stop() {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(0), 2000).unref();
    server.close();
    server.closeAllConnections?.();
    await driver.close().catch(() => {});
    process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
const stdin = fstatSync(0);
if (stdin.isFIFO() || stdin.isSocket()) { // a pipe (Java's ProcessBuilder) or a socket pair (Node's spawn)
    process.stdin.on('end', stop).on('close', stop).on('error', stop).resume();
}

server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), process.env.BIND_ADDRESS ?? '127.0.0.1', () => {
    process.stdout.write(`LISTENING ${server.address().port}\n`);
    console.error(`@neo4j/graphql on ${uri}: POST http://${server.address().address}:${server.address().port}/graphql`);
});
