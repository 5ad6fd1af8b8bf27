// Runs every document of queries.json once against a running server.mjs (or starts one) and prints the item
// counts per level and the time of a warm run. Env: GRAPHQL_URL (default: start server.mjs on a free port with
// NEO4J_URI), QUERIES (queries.json; or queries-read-rule.json), TENANT (999990000000, the demo district), AS_OF (today), RUNS (warm runs per document, 5).

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const queries = JSON.parse(readFileSync(fileURLToPath(new URL(process.env.QUERIES ?? './queries.json', import.meta.url)), 'utf8'));
const tenant = process.env.TENANT ?? '999990000000';
const asOf = process.env.AS_OF ?? new Date().toISOString().slice(0, 10);
const runs = Number(process.env.RUNS ?? 5);

let url = process.env.GRAPHQL_URL;
let server;
if (!url) {
    server = spawn(process.execPath, [fileURLToPath(new URL('./server.mjs', import.meta.url))],
        { stdio: ['pipe', 'pipe', 'inherit'], env: process.env });
    const port = await new Promise((resolve, reject) => {
        let buffer = '';
        server.stdout.on('data', (chunk) => {
            buffer += chunk;
            const match = /^LISTENING (\d+)$/m.exec(buffer);
            if (match) resolve(match[1]);
        });
        server.on('exit', (code) => reject(new Error(`server.mjs exited with ${code}`)));
    });
    url = `http://127.0.0.1:${port}/graphql`;
}

async function post(query, variables) {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query, variables }) });
    return response.json();
}

// Counts the records on each path of the answer ("actors", "actors.memberOf", ...): connection fields are named
// without "Connection", their edges and nodes are looked through.
function countPaths(value, path, counts = new Map()) {
    if (Array.isArray(value)) {
        value.forEach((item) => countPaths(item, path, counts));
    } else if (value && typeof value === 'object') {
        if ('key' in value) counts.set(path, (counts.get(path) ?? 0) + 1);
        for (const [name, child] of Object.entries(value)) {
            if (!child || typeof child !== 'object' || name === 'properties') continue;
            const step = name === 'edges' || name === 'node' ? path : `${path}.${name.replace(/Connection$/, '')}`;
            countPaths(child, step, counts);
        }
    }
    return counts;
}

let failed = false;
console.log(`asOf ${asOf}, tenant ${tenant}, ${url}`);
for (const [name, scopes] of Object.entries(queries)) {
    for (const [scope, query] of Object.entries(scopes)) {
        const variables = /\$tenant\b/.test(query) ? { tenant, asOf } : { asOf };
        const first = await post(query, variables);
        if (first.errors) {
            failed = true;
            console.log(`${name}/${scope}: ERRORS ${JSON.stringify(first.errors)}`);
            continue;
        }
        const times = [];
        for (let i = 0; i < runs; i++) {
            const start = process.hrtime.bigint();
            await post(query, variables);
            times.push(Number(process.hrtime.bigint() - start) / 1e6);
        }
        times.sort((a, b) => a - b);
        const [root, data] = Object.entries(first.data)[0];
        const counts = [...countPaths(data, root)].map(([path, count]) => `${path} ${count}`).join(', ');
        const timing = times.length === 0 ? '' : `warm median ${times[Math.floor(times.length / 2)].toFixed(1)} ms, `
            + `min ${times[0].toFixed(1)} ms (${runs} runs)`;
        console.log(`${name}/${scope}: ${timing}\n  ${counts}`);
    }
}
server?.kill('SIGTERM');
process.exitCode = failed ? 1 : 0;
