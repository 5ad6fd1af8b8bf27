// Runs `npm ci` only when node_modules does not match package-lock.json (a marker holds the lock file's hash),
// so that repeated Maven builds stay fast and offline once the packages are installed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const lock = readFileSync('package-lock.json');
const hash = createHash('sha256').update(lock).digest('hex');
const marker = 'node_modules/.kimgraph-lock.sha256';
if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === hash) {
  console.log('node_modules up to date with package-lock.json; npm ci skipped');
} else {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  writeFileSync(marker, hash + '\n');
}
