// End-to-end run of the network map in headless Chromium (Debian's chromium, no browser download), started by
// api/src/test/java/de/kimgraph/api/web/NetworkMapE2ETest.java against the service on the demo district.
// Environment: BASE_URL, SCREENSHOTS (directory), EXPECTED_NODES (actors + bodies the API gives a COORDINATOR),
// INTERNAL_NAME (an internal demo record a COORDINATOR sees and a DASHBOARD must not), CHROMIUM (executable).
// Exit code 0 when every step passed; each step is logged on stdout.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.env.BASE_URL ?? 'http://localhost:8080';
const shots = process.env.SCREENSHOTS ?? 'e2e-screenshots';
const expectedNodes = Number(process.env.EXPECTED_NODES ?? '0');
const internalName = process.env.INTERNAL_NAME ?? '';
mkdirSync(shots, { recursive: true });

const profile = mkdtempSync(join(tmpdir(), 'kimgraph-e2e-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  acceptDownloads: true,
  viewport: { width: 1366, height: 860 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] ?? await context.newPage();
page.setDefaultTimeout(60_000);
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('[browser ' + m.type() + '] ' + m.text()); });
page.on('pageerror', (e) => console.log('[page error] ' + e.message));

let step = 'start';
function check(condition, message) {
  if (!condition) {
    throw new Error(step + ': ' + message);
  }
}
async function shot(name) {
  await page.screenshot({ path: join(shots, name + '.png'), fullPage: true });
}
async function nodeCount() {
  return Number(await page.locator('#node-count').textContent());
}
async function waitForNetwork() {
  await page.waitForFunction(() => /^Netzwerk: \d+/.test(document.getElementById('status')?.textContent ?? '')
    || document.getElementById('status')?.classList.contains('error'));
  const status = await page.locator('#status').textContent();
  check(!(await page.locator('#status.error').count()), 'error shown: ' + status);
}
async function signInAs(role) {
  await page.goto(base + '/karte/');
  await page.locator('#role option[value="' + role + '"]').waitFor({ state: 'attached' });
  await page.selectOption('#role', role);
  await page.click('#signin-button');
  await page.waitForFunction((r) => (document.getElementById('who')?.textContent ?? '').includes(r), role);
  await waitForNetwork();
}
async function tableNames() {
  return page.locator('#node-table tbody button').allTextContents();
}

if (process.env.MODE === 'measure') {
  // First render of a large network: the token (from the test) is put into sessionStorage as the page's sign-in
  // does, then the page is opened; timed until the network is drawn and counted.
  try {
    step = 'measure first render';
    await page.goto(base + '/karte/');
    await page.evaluate((t) => sessionStorage.setItem('kimgraph.token', t), process.env.TOKEN);
    const started = Date.now();
    await page.reload();
    await waitForNetwork();
    const shown = Date.now() - started;
    const render = await page.evaluate(() => window.kimgraphRender);
    const nodes = await nodeCount();
    const edges = Number(await page.locator('#edge-count').textContent());
    await shot('10-synthetic-network');
    // a second load (plans warm, browser cache filled)
    const again = Date.now();
    await page.click('#scope button[type=submit]');
    await page.waitForFunction(() => !/^Netzwerk: /.test(document.getElementById('status')?.textContent ?? ''));
    await waitForNetwork();
    const second = Date.now() - again;
    const render2 = await page.evaluate(() => window.kimgraphRender);
    console.log('MEASURE ' + JSON.stringify({ nodes, edges, communities: render.communities,
      pageToDrawnMs: shown, fetchMs: render.fetchMs, drawMs: render.ms, firstRenderMs: render.fetchMs + render.ms,
      reloadToDrawnMs: second, fetchMsSecond: render2.fetchMs, drawMsSecond: render2.ms,
      renderMsSecond: render2.fetchMs + render2.ms }));
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    process.exit(0);
  } catch (e) {
    console.log('FAILED at ' + step + ': ' + (e && e.stack ? e.stack : e));
    try { await shot('failure-measure'); } catch { /* the page may be gone */ }
    await context.close().catch(() => {});
    process.exit(1);
  }
}

try {
  step = 'sign in as COORDINATOR';
  const started = Date.now();
  await signInAs('COORDINATOR');
  console.log('network shown ' + (Date.now() - started) + ' ms after the page was opened');
  const render = await page.evaluate(() => window.kimgraphRender);
  console.log('render ' + JSON.stringify(render));
  await shot('01-network-coordinator');

  step = 'node count against the API';
  const all = await nodeCount();
  console.log('nodes ' + all + ', expected ' + expectedNodes);
  check(all > 0, 'no nodes');
  check(!expectedNodes || all === expectedNodes, 'nodes ' + all + ' != API ' + expectedNodes);
  const edges = Number(await page.locator('#edge-count').textContent());
  check(edges > 0, 'no edges');

  step = 'internal record visible for COORDINATOR';
  await page.click('#table-alt summary');
  const names = await tableNames();
  check(names.length === all, 'table rows ' + names.length + ' != nodes ' + all);
  check(!internalName || names.includes(internalName), 'internal record missing: ' + internalName);

  step = 'details of a node';
  const first = page.locator('#node-table tbody button').first();
  const firstName = await first.textContent();
  await first.click();
  await page.locator('#details h2').filter({ hasText: firstName ?? '' }).waitFor();
  await page.locator('#details h3').first().waitFor();
  await shot('02-details');

  step = 'filter by body type';
  const bodyType = await page.locator('#f-bodytype option').nth(1).getAttribute('value');
  await page.selectOption('#f-bodytype', bodyType);
  await page.waitForFunction((n) => Number(document.getElementById('node-count')?.textContent) !== n, all);
  await waitForNetwork();
  const filtered = await nodeCount();
  console.log('filter body type ' + bodyType + ': ' + filtered + ' nodes');
  check(filtered > 0 && filtered < all, 'filtered count ' + filtered);
  await shot('03-filter-bodytype');
  await page.selectOption('#f-bodytype', '');
  await page.waitForFunction((n) => Number(document.getElementById('node-count')?.textContent) === n, all);

  step = 'filter by field of action';
  await page.selectOption('#f-field', 'HOUSING');
  await page.waitForFunction((n) => Number(document.getElementById('node-count')?.textContent) !== n, all);
  await waitForNetwork();
  const housing = await nodeCount();
  console.log('filter field HOUSING: ' + housing + ' nodes');
  check(housing < all, 'field filter did not narrow');
  await page.selectOption('#f-field', '');
  await page.waitForFunction((n) => Number(document.getElementById('node-count')?.textContent) === n, all);

  step = 'time line';
  const todayValue = await page.inputValue('#asof');
  await page.fill('#asof', '2023-12-31');
  await page.click('#scope button[type=submit]');
  await page.locator('#status', { hasText: 'am 2023-12-31' }).waitFor();
  const earlier = await nodeCount();
  await page.fill('#asof', todayValue);
  await page.click('#scope button[type=submit]');
  await page.locator('#status', { hasText: 'am ' + todayValue }).waitFor();
  const change = await page.locator('#change-info').textContent();
  console.log('2023-12-31: ' + earlier + ' nodes; back to ' + todayValue + ': ' + change);
  check(/Gegenüber 2023-12-31/.test(change ?? ''), 'no change shown');
  check(await nodeCount() === all, 'back at today: ' + (await nodeCount()) + ' nodes');
  await shot('03b-time-line');

  step = 'gap matrix';
  await page.click('#tab-gaps');
  for (let attempt = 0; ; attempt++) {
    await page.waitForFunction(() => document.querySelector('#gap-matrix button.cell')
      || document.getElementById('status')?.classList.contains('error'), undefined, { timeout: 180_000 });
    if (await page.locator('#gap-matrix button.cell').count()) {
      break;
    }
    console.log('gap matrix attempt ' + attempt + ': ' + (await page.locator('#status').textContent()));
    check(attempt < 2, 'gap matrix failed three times');
    await page.click('#tab-network');
    await page.click('#tab-gaps');
  }
  const cellCount = await page.locator('#gap-matrix button.cell').count();
  console.log('gap matrix cells ' + cellCount);
  await page.locator('#gap-matrix button.cell.COVERED, #gap-matrix button.cell.THIN').first().click();
  await page.locator('#gap-details h3', { hasText: 'Angebote' }).waitFor();
  await page.locator('#gap-matrix button.cell.NONE').first().click();
  await page.locator('#gap-details', { hasText: 'Kein gültiges Angebot' }).waitFor();
  await shot('04-gap-matrix');
  // every Gemeinde as rows: one button per cell of the whole matrix
  const totalCells = Number(/ (\d+) Zellen/.exec((await page.locator('#gap-summary').textContent()) ?? '')?.[1]);
  await page.selectOption('#g-gemeinde', '*');
  const eachCells = await page.locator('#gap-matrix button.cell').count();
  console.log('gap matrix, each Gemeinde as a row: ' + eachCells + ' of ' + totalCells + ' cells');
  check(eachCells === totalCells, 'cells per Gemeinde ' + eachCells + ' != ' + totalCells);
  await shot('04b-gap-matrix-gemeinden');
  await page.selectOption('#g-gemeinde', '');

  step = 'colour by community';
  await page.click('#tab-network');
  await page.selectOption('#f-colour', 'community');
  check(await page.locator('#legend', { hasText: 'Gemeinschaft 1' }).count() === 1, 'no community legend');
  const colours = await page.evaluate(() => new Set(window.kimgraph.cy.nodes().map((n) => n.data('colour'))).size);
  console.log('community colours ' + colours);
  check(colours >= 3, 'community colours ' + colours);
  await shot('04c-communities');
  await page.selectOption('#f-colour', 'sector');

  step = 'finding evidence highlighted';
  await page.click('#tab-findings');
  // the three analyses arrive one by one; a cold service may time one out, then reopening the tab asks again
  for (let attempt = 0; ; attempt++) {
    await page.waitForFunction(() => ![...document.querySelectorAll('#finding-list h2')]
      .some((h) => /wird berechnet/.test(h.textContent ?? '')), undefined, { timeout: 240_000 });
    const failed = await page.locator('#finding-list h2', { hasText: 'Fehler' }).count();
    if (!failed) {
      break;
    }
    console.log('findings: ' + failed + ' analyses failed, attempt ' + attempt + ': '
      + (await page.locator('#finding-list li.error').allTextContents()).join(' | '));
    check(attempt < 2, 'findings failed three times');
    await page.click('#tab-network');
    await page.click('#tab-findings');
  }
  const findings = await page.locator('#finding-list li.finding').count();
  console.log('findings ' + findings);
  let highlighted = 0;
  const buttons = page.locator('#finding-list button[data-finding]');
  for (let i = 0; i < (await buttons.count()) && !highlighted; i++) {
    await page.click('#tab-findings');
    await buttons.nth(i).click();
    highlighted = await page.evaluate(() => window.kimgraph.cy.$('.evidence').length);
  }
  console.log('evidence elements highlighted ' + highlighted);
  check(highlighted > 0, 'no evidence highlighted');
  check(await page.locator('#view-network').isVisible(), 'network view not shown');
  await shot('05-finding-evidence');

  step = 'export PNG and SVG';
  await page.click('#tab-export');
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
  check(png.suggestedFilename().endsWith('.png'), 'png name ' + png.suggestedFilename());
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
  check(svg.suggestedFilename().endsWith('.svg'), 'svg name ' + svg.suggestedFilename());
  await png.saveAs(join(shots, 'export.png'));
  await svg.saveAs(join(shots, 'export.svg'));

  step = 'interface papers printable';
  await page.selectOption('#paper', 'ALL');
  await page.click('#paper-show');
  await page.locator('#paper-view table.paper').nth(3).waitFor();
  const paperRows = await page.locator('#paper-view tbody tr').count();
  console.log('interface paper rows ' + paperRows);
  check(paperRows > 0, 'no paper rows');
  await shot('06-papers');
  await page.emulateMedia({ media: 'print' });
  await shot('07-papers-print');
  await page.emulateMedia({ media: 'screen' });

  step = 'DASHBOARD sees only published data';
  await page.click('#signout');
  await signInAs('DASHBOARD');
  const dashboard = await nodeCount();
  await page.click('#table-alt summary');
  const dashboardNames = await tableNames();
  console.log('DASHBOARD nodes ' + dashboard);
  check(dashboard > 0 && dashboard < all, 'DASHBOARD nodes ' + dashboard + ' of ' + all);
  check(!internalName || !dashboardNames.includes(internalName), 'internal record shown to DASHBOARD: ' + internalName);
  const internalRows = await page.locator('#node-table tbody td', { hasText: /^intern$/ }).count();
  check(internalRows === 0, internalRows + ' internal rows for DASHBOARD');
  await shot('08-network-dashboard');

  console.log('OK');
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  process.exit(0);
} catch (e) {
  console.log('FAILED at ' + step + ': ' + (e && e.stack ? e.stack : e));
  try { await shot('failure'); } catch { /* the page may be gone */ }
  await context.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
  process.exit(1);
}
