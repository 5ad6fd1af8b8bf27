import cytoscape from 'cytoscape';
import type { Core, ElementDefinition } from 'cytoscape';
import './style.css';
import { ApiError, devTokens, gql, session, signIn, signOut } from './api';
import * as Q from './queries';
import { communityLayout } from './layout';

const DEMO_KREIS = '999990000000';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) {
    throw new Error('missing #' + id);
  }
  return element as T;
};

function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    element.setAttribute(name, value);
  }
  children.forEach((c) => element.append(c));
  return element;
}

function status(message: string, error = false): void {
  const s = $('status');
  s.textContent = message;
  s.classList.toggle('error', error);
}

// ---------------------------------------------------------------- vocabularies and colours

interface Vocab { key: string; labelDe: string; labelEn?: string | null }
const labels = new Map<string, string>();
const SECTOR_COLOURS: Record<string, string> = {
  PUBLIC: '#1f5fa8',
  THIRD_SECTOR: '#b35c00',
  CIVIL_SOCIETY: '#2e7d32',
  PRIVATE: '#7b3fa0',
  UNKNOWN: '#6b6b6b',
};
const BODY_COLOUR = '#3c3c3c';
const PALETTE = ['#1f5fa8', '#b35c00', '#2e7d32', '#7b3fa0', '#a31545', '#00796b', '#5d4037', '#827717', '#0277bd', '#ad1457'];
const domainColours = new Map<string, string>();

function fillSelect(id: string, items: { key: string; label: string }[]): void {
  const select = $<HTMLSelectElement>(id);
  items.forEach((i) => select.append(el('option', { value: i.key }, i.label)));
}

async function loadVocabularies(): Promise<void> {
  const v = await gql<{
    fieldsOfAction: (Vocab & { parent: { key: string } | null })[];
    targetGroups: Vocab[];
    legalDomains: Vocab[];
    bodyTypes: { key: string; de: string; en: string }[];
    sectors: { key: string; de: string; en: string }[];
  }>(Q.VOCABULARIES);
  const fields = v.fieldsOfAction.map((f) => ({ key: f.key, label: (f.parent ? '– ' : '') + f.labelDe }));
  fillSelect('f-field', fields);
  fillSelect('f-group', v.targetGroups.map((t) => ({ key: t.key, label: t.labelDe })));
  fillSelect('f-domain', v.legalDomains.map((d) => ({ key: d.key, label: d.labelDe })));
  fillSelect('f-bodytype', v.bodyTypes.map((t) => ({ key: t.key, label: t.de })));
  v.legalDomains.forEach((d, i) => {
    labels.set('domain:' + d.key, d.labelDe);
    domainColours.set(d.key, PALETTE[i % PALETTE.length]);
  });
  v.bodyTypes.forEach((t) => labels.set('bodyType:' + t.key, t.de));
  v.sectors.forEach((t) => labels.set('sector:' + t.key, t.de));
}

// ---------------------------------------------------------------- sign-in

async function setUpSignIn(): Promise<void> {
  const tokens = await devTokens();
  const form = $<HTMLFormElement>('signin');
  if (tokens) {
    $('signin-dev').hidden = false;
    const select = $<HTMLSelectElement>('role');
    tokens.forEach((t) => select.append(el('option', { value: t.role },
      t.role + ' – ' + t.label + (t.tenant ? ' (' + t.tenant + ')' : ''))));
    select.value = 'COORDINATOR';
  } else {
    $('signin-paste').hidden = false;
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (tokens) {
      // a fresh token of the chosen role (the list may be old)
      const role = $<HTMLSelectElement>('role').value;
      const response = await fetch('/dev/token?role=' + encodeURIComponent(role));
      const answer = await response.json();
      signIn(answer.access_token);
    } else {
      const token = $<HTMLInputElement>('token').value;
      if (!token.trim()) {
        status('Bitte ein Token eintragen (please paste a token).', true);
        return;
      }
      signIn(token);
    }
    await afterSignIn();
  });
  $('signout').addEventListener('click', () => {
    signOut();
    location.reload();
  });
}

/** Signed in: who, for which tenant, and sign-out; the sign-in controls (role picker, token field) only when not. */
function showWho(): void {
  const s = session();
  $('who').textContent = s ? 'Angemeldet als ' + (s.role || 'unbekannte Rolle') + (s.tenant ? ' (Mandant ' + s.tenant + ')' : '') : '';
  $('signout').hidden = !s;
  const focusLost = !!s && document.activeElement === $('signin-button');
  $('signin-button').hidden = !!s;
  $('signin-controls').hidden = !!s;
  if (focusLost) {
    $('signout').focus(); // the focused button is gone; keyboard users stay in the sign-in form
  }
}

let vocabulariesLoaded = false;

async function afterSignIn(): Promise<void> {
  showWho();
  const s = session();
  if (!s) {
    return;
  }
  const area = $<HTMLInputElement>('area');
  if (!area.value) {
    area.value = s.tenant ?? DEMO_KREIS;
  }
  try {
    if (!vocabulariesLoaded) {
      // the network is asked for while the vocabularies load (one round trip less before the first drawing)
      if (/^\d{12}$/.test(scope().area)) {
        prefetch(networkVariables());
      }
      await loadVocabularies();
      vocabulariesLoaded = true;
    }
    await refresh();
  } catch (e) {
    report(e);
  }
}

function report(e: unknown): void {
  if (e instanceof ApiError && e.status === 401) {
    signOut();
    showWho();
    status('Anmeldung abgelaufen oder ungültig, bitte neu anmelden (sign in again): ' + e.message, true);
  } else {
    status('Fehler (error): ' + (e instanceof Error ? e.message : String(e)), true);
  }
}

// ---------------------------------------------------------------- scope and time line

const TIMELINE_START = new Date(Date.UTC(2018, 0, 1));

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function monthsSinceStart(date: string): number {
  const d = new Date(date + 'T00:00:00Z');
  return (d.getUTCFullYear() - TIMELINE_START.getUTCFullYear()) * 12 + d.getUTCMonth() - TIMELINE_START.getUTCMonth();
}

function setUpScope(): void {
  const asOf = $<HTMLInputElement>('asof');
  const timeline = $<HTMLInputElement>('timeline');
  asOf.value = today();
  timeline.max = String(monthsSinceStart(today()) + 24);
  const syncTimeline = () => {
    timeline.value = String(monthsSinceStart(asOf.value || today()));
    $('timeline-label').textContent = asOf.value;
  };
  syncTimeline();
  asOf.addEventListener('change', syncTimeline);
  timeline.addEventListener('input', () => {
    const d = new Date(TIMELINE_START);
    d.setUTCMonth(d.getUTCMonth() + Number(timeline.value));
    // the last day of that month, or today within the current month
    const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
    asOf.value = end.slice(0, 7) === today().slice(0, 7) ? today() : end;
    $('timeline-label').textContent = asOf.value;
  });
  timeline.addEventListener('change', () => void refresh());
  $<HTMLFormElement>('scope').addEventListener('submit', (event) => {
    event.preventDefault();
    void refresh();
  });
  ['f-field', 'f-group', 'f-domain', 'f-bodytype'].forEach((id) =>
    $(id).addEventListener('change', () => void loadNetwork().catch(report)));
  $('f-colour').addEventListener('change', () => restyle());
  $('f-layout').addEventListener('change', () => {
    if (cy) {
      runLayout(cy.elements().jsons() as unknown as ElementDefinition[]);
    }
  });
  // a click on the summary comes before the details open (also for Enter and Space)
  $('table-alt').querySelector('summary')!.addEventListener('click', () => {
    if (tableDirty) {
      fillTable();
    }
  });
  window.addEventListener('resize', () => cy?.resize());
  $('f-size').addEventListener('change', () => restyle());
}

function scope(): { area: string; asOf: string } {
  return { area: $<HTMLInputElement>('area').value.trim(), asOf: $<HTMLInputElement>('asof').value || today() };
}

const loaded = { gaps: false, findings: false };

async function refresh(): Promise<void> {
  if (!session()) {
    status('Bitte anmelden (please sign in).', true);
    return;
  }
  if (!/^\d{12}$/.test(scope().area)) {
    status('Gebiet: 12-stelliger Regionalschlüssel (ARS) erwartet (a 12-digit ARS expected).', true);
    return;
  }
  loaded.gaps = false;
  loaded.findings = false;
  try {
    await loadNetwork();
    const current = document.querySelector('[role=tab][aria-selected=true]')?.id;
    if (current === 'tab-gaps') {
      await loadGaps();
    } else if (current === 'tab-findings') {
      await loadFindings();
    }
  } catch (e) {
    report(e);
  }
}

// ---------------------------------------------------------------- network view

interface NetworkNode {
  key: string; type: 'ACTOR' | 'BODY'; name: string; kind: string | null; sector: string | null;
  legalDomain: string | null; visibility: string; degree: number; betweenness: number; community: number;
}
interface NetworkLink { key: string; type: 'MEMBERSHIP' | 'RELATION'; source: string; target: string; label: string | null }
interface Network {
  truncated: boolean; betweennessSampled: boolean; communityCount: number; nodes: NetworkNode[]; links: NetworkLink[];
}

let cy: Core | null = null;
let evidenceKeys = new Set<string>();
let lastNetwork: Network | null = null;

/** The variables of the network query: scope and filters (empty selections left out). */
function networkVariables(): Record<string, string | number> {
  const { area, asOf } = scope();
  const variables: Record<string, string | number> = { area, asOf, maxNodes: MAX_NODES };
  const add = (name: string, id: string) => {
    const value = $<HTMLSelectElement>(id).value;
    if (value) {
      variables[name] = value;
    }
  };
  add('field', 'f-field');
  add('targetGroup', 'f-group');
  add('legalDomain', 'f-domain');
  add('bodyType', 'f-bodytype');
  return variables;
}

/** More nodes than this per label are cut (and said so): a browser drawing of more is no longer readable. */
const MAX_NODES = 5000;

/** A network request under way, with when it was sent and when its answer came (for the figures). */
interface Pending { key: string; answer: Promise<{ network: Network }>; sent: number; arrived: Promise<number> }
let prefetched: Pending | null = null;

function request(variables: Record<string, string | number>): Pending {
  const sent = performance.now();
  const answer = gql<{ network: Network }>(Q.NETWORK, variables);
  const arrived = answer.then(() => performance.now(), () => performance.now());
  return { key: JSON.stringify(variables), answer, sent, arrived };
}

function prefetch(variables: Record<string, string | number>): void {
  prefetched = request(variables);
  prefetched.answer.catch(() => { /* reported when it is used */ });
}

/** The network for these variables: the prefetched request if it is for them, else a new one. */
function fetchNetwork(variables: Record<string, string | number>): Pending {
  const early = prefetched;
  prefetched = null;
  return early && early.key === JSON.stringify(variables) ? early : request(variables);
}

export async function loadNetwork(): Promise<void> {
  status('Netzwerk wird geladen … (loading)');
  const variables = networkVariables();
  const generation = ++drawings;
  const pending = fetchNetwork(variables);
  const { network } = await pending.answer;
  if (generation !== drawings) {
    return; // a later request (another filter or date) draws instead
  }
  const started = performance.now();
  // the request's own time: sent (perhaps while the vocabularies loaded) until its answer arrived
  const fetchMs = Math.round((await pending.arrived) - pending.sent);
  lastNetwork = network;
  const elements: ElementDefinition[] = [];
  for (const n of network.nodes) {
    const body = n.type === 'BODY';
    elements.push({ group: 'nodes', data: { id: n.key, label: n.name, type: body ? 'body' : 'actor', kind: n.kind ?? '',
      sector: body ? 'BODY' : n.sector ?? 'UNKNOWN', domain: n.legalDomain ?? '', visibility: n.visibility,
      degree: n.degree, betweenness: n.betweenness, community: n.community,
      colour: body ? BODY_COLOUR : SECTOR_COLOURS.UNKNOWN, size: 10 } });
  }
  for (const e of network.links) {
    elements.push({ group: 'edges', data: { id: e.key, source: e.source, target: e.target,
      type: e.type === 'MEMBERSHIP' ? 'membership' : 'relation', label: e.label ?? '' } });
  }
  draw(elements);
  const ms = Math.round(performance.now() - started);
  const { asOf: _asOf, maxNodes: _max, ...filters } = variables;
  await showChange(JSON.stringify(filters), generation);
  if (generation !== drawings) {
    return;
  }
  $('render-ms').textContent = '(geladen in ' + fetchMs + ' ms, gezeichnet in ' + ms + ' ms)';
  (window as any).kimgraphRender = { ms, fetchMs, nodes: network.nodes.length, edges: network.links.length,
    communities: network.communityCount };
  status('Netzwerk: ' + network.nodes.length + ' Knoten am ' + scope().asOf + '.'
    + (network.truncated ? ' Gekürzt auf ' + MAX_NODES + ' Akteure bzw. Gremien: bitte filtern (cut, please filter).' : ''));
}

/** Number of the latest network request; an answer of an earlier one is not drawn. */
let drawings = 0;

// What changed since the previous view of the same area and filters at another date (the time line): asked of the
// service's diff (added, ended, edited between the two dates), shown for what the map draws and drew.
let previous: { key: string; asOf: string; area: string; drawn: Set<string> } | null = null;

interface DiffEntry { type: string; key: string; label: string | null }
interface KindDiff { kind: string; truncated: boolean; added: DiffEntry[]; ended: DiffEntry[]; changed: DiffEntry[] }

async function showChange(filterKey: string, generation: number): Promise<void> {
  const { area, asOf } = scope();
  const info = $('change-info');
  info.replaceChildren();
  const before = previous;
  const drawn = cy ? cy.elements() : null;
  previous = { key: filterKey, asOf, area, drawn: new Set(drawn ? drawn.nodes().map((n) => n.id()) : []) };
  if (!before || before.key !== filterKey || before.area !== area || before.asOf === asOf || !drawn) {
    return;
  }
  const forward = before.asOf < asOf;
  const from = forward ? before.asOf : asOf;
  const to = forward ? asOf : before.asOf;
  let kinds: KindDiff[];
  try {
    kinds = (await gql<{ diff: { kinds: KindDiff[] } }>(Q.DIFF, { area, from, to })).diff.kinds;
  } catch (e) {
    if (generation === drawings) {
      info.append('Gegenüber ' + before.asOf + ': Änderungen nicht abrufbar (changes not available): '
        + (e instanceof Error ? e.message : String(e)));
    }
    return;
  }
  if (generation !== drawings) {
    return; // the drawing was replaced meanwhile
  }
  // going back in time, what ended between the dates is what the earlier map shows in addition
  const appeared = new Set(kinds.flatMap((k) => (forward ? k.added : k.ended)).map((a) => a.key));
  const edited = new Set(kinds.flatMap((k) => k.changed).map((a) => a.key));
  const shownNew = drawn.filter((e) => appeared.has(e.id()));
  shownNew.addClass('added');
  const shownEdited = drawn.filter((e) => edited.has(e.id()));
  shownEdited.addClass('edited');
  // what the previous drawing showed and the diff says is gone (the diff covers the whole area, the map its filter)
  const gone = kinds.flatMap((k) => (forward ? k.ended : k.added)).filter((d) => before.drawn.has(d.key));
  const names = gone.slice(0, 20).map((d) => d.label ?? d.key);
  info.append('Gegenüber ' + before.asOf + ' (compared with): ' + shownNew.nodes().length + ' Knoten und '
    + shownNew.edges().length + ' Kanten neu (added, grün), ' + gone.length + ' Akteure/Gremien weggefallen (ended)'
    + (names.length ? ': ' + names.join(', ') + (gone.length > 20 ? ' …' : '') : '')
    + ', ' + shownEdited.length + ' bearbeitet (edited, laut Änderungsprotokoll)'
    + (kinds.some((k) => k.truncated) ? '; die Änderungsliste ist auf 500 je Art gekürzt (list cut at 500 per kind)' : '') + '.');
}

function nodeColour(data: { type: string; sector: string; domain: string; community: number }, mode: string): string {
  if (data.type === 'body' && mode !== 'community') {
    return BODY_COLOUR;
  }
  if (mode === 'domain') {
    return domainColours.get(data.domain) ?? SECTOR_COLOURS.UNKNOWN;
  }
  if (mode === 'community') {
    return PALETTE[(data.community - 1) % PALETTE.length];
  }
  return SECTOR_COLOURS[data.sector] ?? SECTOR_COLOURS.UNKNOWN;
}

/** Above this many nodes the map is laid out by community; a force layout would take seconds. */
const FORCE_LAYOUT_MAX = 300;

function layoutOptions(elements: ElementDefinition[]): any {
  const choice = $<HTMLSelectElement>('f-layout').value;
  const nodes = elements.filter((e) => e.group === 'nodes');
  if (choice === 'force' || (choice === 'auto' && nodes.length <= FORCE_LAYOUT_MAX)) {
    return { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 60,
      numIter: 1000, fit: true, padding: 20 };
  }
  const positions = communityLayout(nodes.map((n) => ({ id: String(n.data.id), community: Number(n.data.community),
    degree: Number(n.data.degree) })), nodes.length > 1000 ? 18 : 26, aspect());
  return { name: 'preset', positions: (node: any) => positions.get(node.id()), fit: true, padding: 20 };
}

/** Width / height of the drawing area. */
function aspect(): number {
  const box = $('cy').getBoundingClientRect();
  return box.width > 0 && box.height > 0 ? box.width / box.height : 1.6;
}

/**
 * Lays the drawing out; a force layout comes out about square, so it is then widened to the drawing area's aspect
 * (up to 1.8 times), which gives the labels room, and fitted.
 */
function runLayout(elements: ElementDefinition[]): void {
  if (!cy) {
    return;
  }
  const options = layoutOptions(elements);
  const layout = cy.layout(options);
  void layout.pon('layoutstop').then(() => {
    if (!cy || options.name !== 'cose' || cy.nodes().length < 2) {
      return;
    }
    const box = cy.nodes().boundingBox({});
    const stretch = Math.min(1.8, (aspect() * box.h) / Math.max(1, box.w));
    if (stretch > 1.05) {
      const middle = box.x1 + box.w / 2;
      cy.batch(() => cy!.nodes().forEach((n) => { n.position('x', middle + (n.position('x') - middle) * stretch); }));
      cy.fit(undefined, 20);
    }
  });
  layout.run();
}

/** Colour and size of every node, set in its data (before the drawing, or in one batch after a change). */
function styleData(elements: { data: Record<string, any> }[]): void {
  const mode = $<HTMLSelectElement>('f-colour').value;
  const metric = $<HTMLSelectElement>('f-size').value === 'betweenness' ? 'betweenness' : 'degree';
  const max = Math.max(Number.MIN_VALUE, ...elements.map((e) => Number(e.data[metric] ?? 0)));
  for (const e of elements) {
    e.data.colour = nodeColour(e.data as any, mode);
    e.data.size = 10 + 40 * Math.sqrt(Number(e.data[metric] ?? 0) / max);
  }
}

function draw(elements: ElementDefinition[]): void {
  if (cy) {
    cy.destroy();
  }
  const nodes = elements.filter((e) => e.group === 'nodes');
  const large = nodes.length > 400;
  styleData(nodes as { data: Record<string, any> }[]);
  cy = cytoscape({
    container: $('cy'),
    elements,
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    pixelRatio: large ? 1 : 'auto',
    style: [
      { selector: 'node', style: { 'background-color': 'data(colour)', label: large ? '' : 'data(label)',
        width: 'data(size)', height: 'data(size)', 'font-size': 9, 'text-wrap': 'ellipsis', 'text-max-width': '110px',
        color: '#111', 'text-valign': 'bottom', 'text-margin-y': 2, 'min-zoomed-font-size': 7 } },
      { selector: 'node[type = "body"]', style: { shape: 'round-rectangle' } },
      { selector: 'node[visibility = "INTERNAL"]', style: { 'border-width': 2, 'border-style': 'dashed', 'border-color': '#000' } },
      { selector: 'edge', style: { width: 1, 'line-color': '#9aa0a6', 'curve-style': 'haystack', opacity: 0.7 } },
      { selector: 'edge[type = "relation"]', style: { 'line-color': '#c0392b', width: 1.5 } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ffbf00', 'border-style': 'solid' } },
      { selector: '.evidence', style: { 'border-width': 5, 'border-color': '#e00000', 'border-style': 'solid', 'z-index': 10 } },
      { selector: 'edge.evidence', style: { 'line-color': '#e00000', width: 4 } },
      { selector: 'node.added', style: { 'border-width': 4, 'border-color': '#1b8a1b', 'border-style': 'double' } },
      { selector: 'edge.added', style: { 'line-color': '#1b8a1b', width: 3 } },
      { selector: 'node.edited', style: { 'border-width': 3, 'border-color': '#0b4c8c', 'border-style': 'dotted' } },
      { selector: '.faded', style: { opacity: 0.15 } },
    ],
    layout: { name: 'null' },
  });
  runLayout(elements);
  cy.on('tap', 'node', (event) => void showDetails(event.target.id()));
  applyEvidence();
  $('node-count').textContent = String(cy.nodes().length);
  $('edge-count').textContent = String(cy.edges().length);
  tableDirty = true;
  if ($<HTMLDetailsElement>('table-alt').open) {
    fillTable();
  }
  drawLegend();
}

function restyle(): void {
  if (!cy) {
    return;
  }
  const nodes = cy.nodes().map((n) => ({ node: n, data: { ...n.data() } }));
  styleData(nodes);
  cy.batch(() => nodes.forEach(({ node, data }) => node.data({ colour: data.colour, size: data.size })));
  drawLegend();
}

function drawLegend(): void {
  const mode = $<HTMLSelectElement>('f-colour').value;
  const legend = $('legend');
  legend.replaceChildren();
  const communities = Math.min(lastNetwork?.communityCount ?? 0, PALETTE.length);
  const entries: [string, string][] = mode === 'domain'
    ? [...domainColours.entries()].map(([k, c]) => [labels.get('domain:' + k) ?? k, c])
    : mode === 'community'
      ? PALETTE.slice(0, communities).map((c, i) => ['Gemeinschaft ' + (i + 1) + (i === 0 ? ' (größte)' : '')
        + (i === PALETTE.length - 1 && (lastNetwork?.communityCount ?? 0) > PALETTE.length ? ' und weitere (and more)' : ''), c])
      : Object.entries(SECTOR_COLOURS).map(([k, c]) => [k === 'UNKNOWN' ? 'unbekannt' : labels.get('sector:' + k) ?? k, c]);
  if (mode !== 'community') {
    entries.push(['Gremium / Netzwerk (body)', BODY_COLOUR]);
  }
  for (const [label, colour] of entries) {
    legend.append(el('span', { class: 'swatch' }, el('span', { class: 'dot', style: 'background:' + colour }), label));
  }
  legend.append(el('span', { class: 'swatch' }, el('span', { class: 'dot internal' }), 'intern (internal)'),
    el('span', { class: 'swatch' }, el('span', { class: 'dot added' }), 'neu seit dem vorigen Stichtag (added)'),
    el('span', { class: 'swatch' }, el('span', { class: 'dot edited' }), 'bearbeitet (edited)'),
    el('span', { class: 'swatch' }, el('span', { class: 'line relation' }), 'Akteursbeziehung'),
    el('span', { class: 'swatch' }, el('span', { class: 'line' }), 'Mitgliedschaft'));
}

/** The table is filled when it is opened (thousands of rows cost time the drawing should not wait for). */
let tableDirty = true;

function fillTable(): void {
  tableDirty = false;
  const body = $('node-table').querySelector('tbody')!;
  body.replaceChildren();
  if (!cy) {
    return;
  }
  const rows = cy.nodes().sort((a, b) => String(a.data('label')).localeCompare(String(b.data('label')), 'de'));
  const fragment = document.createDocumentFragment();
  rows.forEach((n) => {
    const d = n.data();
    const button = el('button', { type: 'button', class: 'link', 'data-key': d.id }, d.label);
    button.addEventListener('click', () => {
      cy?.nodes().unselect();
      n.select();
      void showDetails(d.id);
    });
    fragment.append(el('tr', { 'data-key': d.id }, el('td', {}, button),
      el('td', {}, d.type === 'body' ? 'Gremium' : 'Akteur'),
      el('td', {}, d.type === 'body' ? labels.get('bodyType:' + d.kind) ?? d.kind : labels.get('sector:' + d.sector) ?? '–'),
      el('td', {}, String(d.degree ?? n.degree(false))),
      el('td', {}, d.visibility === 'INTERNAL' ? 'intern' : 'veröffentlicht')));
  });
  body.append(fragment);
}

function list(title: string, items: (Node | string)[]): HTMLElement {
  if (!items.length) {
    return el('p', {}, title + ': –');
  }
  return el('div', {}, el('h3', {}, title), el('ul', {}, ...items.map((i) => el('li', {}, i))));
}

async function showDetails(key: string): Promise<void> {
  const panel = $('details');
  const node = cy?.getElementById(key);
  const type = node?.data('type');
  panel.replaceChildren(el('p', {}, 'Lade … (loading)'));
  try {
    const { asOf } = scope();
    if (type === 'body') {
      const { body } = await gql<any>(Q.BODY_DETAILS, { key, asOf });
      if (!body) { panel.replaceChildren(el('p', {}, 'Nicht sichtbar (not visible).')); return; }
      panel.replaceChildren(el('h2', {}, body.name),
        el('p', {}, (labels.get('bodyType:' + body.type) ?? body.type) + (body.visibility === 'INTERNAL' ? ' · intern' : '')),
        body.description ? el('p', {}, body.description) : '',
        el('p', {}, 'Leitung (leadership): ' + (body.leadership ?? '–') + ' · Turnus: ' + (body.meetingFrequency ?? '–')),
        list('Handlungsfelder', body.fields.map((f: any) => f.labelDe)),
        list('Gebiete', body.areas.map((a: any) => a.name)),
        list('Mitglieder (' + body.members.length + ')', body.members.map((m: any) => m.actor.name + (m.role ? ' (' + m.role + ')' : ''))),
        list('Arbeitet zu (feeds into)', body.feedsInto.map((b: any) => b.name)));
    } else {
      const { actor } = await gql<any>(Q.ACTOR_DETAILS, { key, asOf });
      if (!actor) { panel.replaceChildren(el('p', {}, 'Nicht sichtbar (not visible).')); return; }
      const contact = [actor.email, actor.phone, actor.website, actor.address].filter(Boolean);
      panel.replaceChildren(el('h2', {}, actor.name),
        el('p', {}, actor.kind + ' · ' + (labels.get('sector:' + actor.sector) ?? actor.sector ?? '–')
          + (actor.visibility === 'INTERNAL' ? ' · intern' : '')),
        actor.description ? el('p', {}, actor.description) : '',
        list('Kontakt (contact)', contact.length ? contact : ['keine Angaben für diese Rolle (none for this role)']),
        list('Rechtskreise', actor.legalDomains.map((d: any) => d.labelDe)),
        list('Mitgliedschaften', actor.memberships.map((m: any) => m.body.name + (m.role ? ' (' + m.role + ')' : ''))),
        list('Beziehungen', actor.relations.map((r: any) => r.from.name + ' → ' + r.to.name + ' (' + r.type + ')')),
        list('Angebote', actor.services.map((s: any) => s.name + ' – ' + s.fields.map((f: any) => f.labelDe).join(', ')
          + (s.targetGroups.length ? '; für ' + s.targetGroups.map((t: any) => t.labelDe).join(', ') : ''))),
        list('Förderung', actor.services.flatMap((s: any) => s.funding.map((f: any) => f.programme.name + ' für ' + s.name
          + (f.share != null ? ', ' + Math.round(f.share * 100) + ' %' : '') + (f.validTo ? ', bis ' + f.validTo : '')))));
    }
  } catch (e) {
    panel.replaceChildren(el('p', { class: 'error' }, String(e instanceof Error ? e.message : e)));
  }
}

function applyEvidence(): void {
  if (!cy) {
    return;
  }
  cy.elements().removeClass('evidence faded');
  if (!evidenceKeys.size) {
    return;
  }
  const hit = cy.elements().filter((e) => evidenceKeys.has(e.id()));
  hit.addClass('evidence');
  if (hit.length) {
    cy.elements().not(hit).not(hit.connectedNodes()).addClass('faded');
  }
}

// ---------------------------------------------------------------- gap matrix

interface Axis { key: string; name?: string; labelDe?: string }
interface Matrix {
  gemeinden: Axis[]; fields: Axis[]; targetGroups: Axis[];
  statuses: ('NONE' | 'THIN' | 'COVERED')[]; serviceCounts: number[];
}
let matrix: Matrix | null = null;
let gapFindings: any[] | null = null;
const RANK = { NONE: 0, THIN: 1, COVERED: 2 } as const;
const EACH = '*';
/** Above this many cells the matrix is not drawn with every Gemeinde as a row (one button per cell). */
const EACH_MAX_CELLS = 20000;

async function loadGaps(): Promise<void> {
  if (loaded.gaps) {
    return;
  }
  status('Versorgungslücken werden berechnet … (computing coverage)');
  const { area, asOf } = scope();
  const { coverageGaps } = await gql<any>(Q.COVERAGE, { area, asOf });
  const summary = coverageGaps.summary;
  matrix = coverageGaps.matrix as Matrix;
  gapFindings = coverageGaps.findings ?? [];
  loaded.gaps = true;
  $('gap-summary').textContent = summary.gemeinden + ' Gemeinden, ' + summary.cells + ' Zellen: ' + summary.none
    + ' keins, ' + summary.thin + ' dünn, ' + summary.covered + ' abgedeckt (none / thin / covered).';
  const select = $<HTMLSelectElement>('g-gemeinde');
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, 'alle, schlechteste Zelle (all, worst cell)'),
    summary.cells <= EACH_MAX_CELLS ? el('option', { value: EACH }, 'jede Gemeinde als Zeile (each Gemeinde as a row)')
      : el('option', { value: EACH, disabled: '' }, 'jede Gemeinde als Zeile: zu viele Zellen, bitte ein kleineres Gebiet'));
  [...matrix.gemeinden].sort((a, b) => (a.name ?? a.key).localeCompare(b.name ?? b.key, 'de'))
    .forEach((g) => select.append(el('option', { value: g.key }, g.name ?? g.key)));
  select.value = [...select.options].some((o) => o.value === chosen) ? chosen : '';
  drawMatrix();
  status('Versorgungslücken: ' + summary.cells + ' Zellen.');
}

/** The cell (g, f, t) of the compact matrix: its index is (g × fields + f) × targetGroups + t. */
function cellAt(m: Matrix, g: number, f: number, t: number): { status: 'NONE' | 'THIN' | 'COVERED'; count: number } {
  const i = (g * m.fields.length + f) * m.targetGroups.length + t;
  return { status: m.statuses[i], count: m.serviceCounts[i] };
}

function drawMatrix(): void {
  const m = matrix;
  if (!m) {
    return;
  }
  if (!m.gemeinden.length || !m.fields.length || !m.targetGroups.length) {
    $('gap-matrix').replaceChildren(el('p', {}, 'Keine Gemeinden, Handlungsfelder oder Zielgruppen im Gebiet am Stichtag '
      + '(no Gemeinden, fields or target groups in the area on the date).'));
    return;
  }
  const choice = $<HTMLSelectElement>('g-gemeinde').value;
  const one = m.gemeinden.findIndex((g) => g.key === choice);
  const table = el('table', { class: 'matrix' }, el('caption', {}, 'Handlungsfeld × Zielgruppe'
    + (one >= 0 ? ' in ' + (m.gemeinden[one].name ?? choice) : choice === EACH ? ' × Gemeinde' : ' (schlechteste Gemeinde)')));
  table.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, choice === EACH ? 'Handlungsfeld / Gemeinde' : 'Handlungsfeld'),
    ...m.targetGroups.map((g) => el('th', { scope: 'col' }, el('span', {}, g.labelDe ?? g.key))))));
  const tbody = el('tbody');
  const row = (header: string, gemeinden: number[], f: number, sub = false) => {
    const tr = el('tr', sub ? { class: 'sub' } : {}, el('th', { scope: 'row' }, header));
    m.targetGroups.forEach((group, t) => {
      const cells = gemeinden.map((g) => cellAt(m, g, f, t));
      const worst = cells.reduce((w, c) => (RANK[c.status] < RANK[w.status] ? c : w), cells[0]);
      const text = worst.status === 'NONE' ? '–' : String(Math.max(...cells.map((c) => c.count)));
      const fieldLabel = m.fields[f].labelDe ?? m.fields[f].key;
      const where = gemeinden.length === 1 ? ' in ' + (m.gemeinden[gemeinden[0]].name ?? '') : '';
      const button = el('button', { type: 'button', class: 'cell ' + worst.status, 'data-field': m.fields[f].key,
        'data-group': group.key, 'aria-label': fieldLabel + ' × ' + (group.labelDe ?? group.key) + where + ': ' + worst.status }, text);
      button.addEventListener('click', () => void showCell(f, t, gemeinden));
      tr.append(el('td', {}, button));
    });
    tbody.append(tr);
  };
  const all = m.gemeinden.map((_, g) => g);
  m.fields.forEach((field, f) => {
    const label = field.labelDe ?? field.key;
    if (choice === EACH) {
      all.forEach((g) => row(label + ' – ' + (m.gemeinden[g].name ?? m.gemeinden[g].key), [g], f, g > 0));
    } else {
      row(label, one >= 0 ? [one] : all, f);
    }
  });
  table.append(tbody);
  $('gap-matrix').replaceChildren(table);
}

/** The services of a cell (or of one field × group over several Gemeinden), asked when the cell is opened. */
/** Number of the latest opened cell; the answer for an earlier one is not shown. */
let cellRequests = 0;

async function showCell(f: number, t: number, gemeinden: number[]): Promise<void> {
  const m = matrix!;
  const opened = ++cellRequests;
  const field = m.fields[f];
  const group = m.targetGroups[t];
  const panel = $('gap-details');
  const title = (field.labelDe ?? field.key) + ' × ' + (group.labelDe ?? group.key);
  panel.replaceChildren(el('h2', {}, title), el('p', {}, 'Lade … (loading)'));
  const parts: (Node | string)[] = [el('h2', {}, title)];
  parts.push(el('ul', {}, ...gemeinden.map((g) => {
    const c = cellAt(m, g, f, t);
    return el('li', {}, (m.gemeinden[g].name ?? m.gemeinden[g].key) + ': ' + c.status + ' (' + c.count + ' Angebote)');
  })));
  const anyService = gemeinden.some((g) => cellAt(m, g, f, t).count > 0);
  if (anyService) {
    try {
      const { area, asOf } = scope();
      const services = new Map<string, string>();
      let after: string | null = null;
      do {
        const { coverageGaps }: any = await gql<any>(Q.COVERAGE_CELL, { area, asOf, fields: [field.key],
          targetGroups: [group.key], after,
          areas: gemeinden.length === m.gemeinden.length ? null : gemeinden.map((g) => m.gemeinden[g].key) });
        coverageGaps.cells.edges.forEach((e: any) => e.node.services.forEach((s: any) => services.set(s.key,
          s.name + (s.providers.length ? ' (' + s.providers.map((p: any) => p.name).join(', ') + ')' : ''))));
        after = coverageGaps.cells.pageInfo.hasNextPage ? coverageGaps.cells.pageInfo.endCursor : null;
      } while (after && opened === cellRequests);
      parts.push(list('Angebote, die die Zelle abdecken (covering services)', [...services.values()]));
    } catch (e) {
      parts.push(el('p', { class: 'error' }, String(e instanceof Error ? e.message : e)));
    }
  }
  if (gemeinden.some((g) => cellAt(m, g, f, t).status === 'NONE')) {
    // findings naming the field or the group; for one Gemeinde also those naming it (a spatial gap)
    const keys = new Set([field.key, group.key, ...(gemeinden.length === 1 ? [m.gemeinden[gemeinden[0]].key] : [])]);
    const matching = (gapFindings ?? []).filter((x) => x.evidence.some((e: any) => keys.has(e.key)));
    parts.push(el('p', {}, 'Kein gültiges Angebot im Handlungsfeld für diese Zielgruppe am Stichtag'
      + (gemeinden.length > 1 ? ' in mindestens einer Gemeinde' : '') + ' (no valid service of this field for this target group).'));
    if (matching.length) {
      parts.push(list('Erklärung (explanation)', matching.map((x) => x.kind + ': ' + x.explanation)));
    }
  }
  if (opened === cellRequests) {
    panel.replaceChildren(...parts);
  }
}

// ---------------------------------------------------------------- findings

async function loadFindings(): Promise<void> {
  if (loaded.findings) {
    return;
  }
  loaded.findings = true;
  status('Befunde werden berechnet … (computing findings)');
  const { area, asOf } = scope();
  const groups: [string, string][] = [
    ['duplicateStructures', 'Doppelstrukturen (duplicate structures)'],
    ['interfacePoints', 'Schnittstellen (interface points)'],
    ['fundingCliffs', 'Förderabbrüche (funding cliffs)'],
  ];
  const ol = $('finding-list');
  ol.replaceChildren();
  let i = 0;
  const sections = groups.map(([field, title]) => {
    const heading = el('h2', {}, title + ' – wird berechnet … (computing)');
    const items = el('ol', { class: 'findings', 'data-analysis': field });
    ol.append(el('li', { class: 'group' }, heading, items));
    return { field, title, heading, items };
  });
  const clear = el('button', { type: 'button' }, 'Hervorhebung aufheben (clear highlight)');
  clear.addEventListener('click', () => { evidenceKeys = new Set(); applyEvidence(); status('Hervorhebung aufgehoben.'); });
  ol.append(el('li', { class: 'group' }, clear));
  // one after the other: on a cold service (query plans not made yet) parallel analyses would compete for the CPU
  // and each would risk the time limit; each section is shown as soon as it arrives
  let chain: Promise<unknown> = Promise.resolve();
  const outcomes = await Promise.allSettled(sections.map((section) => (chain = chain.catch(() => undefined).then(async () => {
    const data = await gql<any>(Q.FINDINGS[section.field], { area, asOf });
    const findings: any[] = data[section.field]?.findings ?? [];
    section.heading.textContent = section.title + ' – ' + findings.length;
    for (const f of findings) {
      const keys = evidenceOf(f);
      const button = el('button', { type: 'button', 'data-finding': String(i++) }, 'Im Netzwerk zeigen (show in network)');
      button.addEventListener('click', () => {
        evidenceKeys = keys;
        selectTab('tab-network');
        applyEvidence();
        const shown = cy ? cy.elements().filter((e) => keys.has(e.id())).length : 0;
        status(f.kind + ': ' + shown + ' Belege im Netzwerk hervorgehoben (evidence highlighted) – '
          + f.evidence.map((e: any) => e.label ?? e.key).join(', '));
      });
      section.items.append(el('li', { class: 'finding ' + f.severity },
        el('p', {}, el('strong', {}, f.kind), ' · ' + f.severity + (f.interfaceKind ? ' · ' + f.interfaceKind : '')),
        el('p', {}, f.explanation), el('p', { lang: 'en', class: 'en' }, f.explanationEn),
        el('p', {}, 'Belege (evidence): ' + f.evidence.map((e: any) => e.label ?? e.key).join(', ')), button));
    }
  }))).map((p, n) => p.catch((e) => {
    sections[n].heading.textContent = sections[n].title + ' – Fehler (error)';
    sections[n].items.append(el('li', { class: 'error' }, e instanceof Error ? e.message : String(e)));
    throw e;
  })));
  const failed = outcomes.filter((o) => o.status === 'rejected').length;
  if (failed) {
    loaded.findings = false;
    status(failed + ' von 3 Analysen fehlgeschlagen (failed); erneut: Reiter wieder öffnen (reopen the tab).', true);
  } else {
    status('Befunde geladen (findings loaded).');
  }
}

function evidenceOf(finding: any): Set<string> {
  const keys = new Set<string>();
  for (const e of finding.evidence) {
    keys.add(e.key);
    if (e.membership) { keys.add(e.membership.actor.key); keys.add(e.membership.body.key); }
    if (e.relation) { keys.add(e.relation.from.key); keys.add(e.relation.to.key); }
  }
  return keys;
}

// ---------------------------------------------------------------- export and print

function download(name: string, blob: Blob): void {
  const a = el('a', { href: URL.createObjectURL(blob), download: name }) as HTMLAnchorElement;
  document.body.append(a);
  a.click();
  a.remove();
}

function fileBase(): string {
  const { area, asOf } = scope();
  return 'Netzwerkkarte_' + area + '_' + asOf;
}

function svgOf(c: Core): string {
  const bb = c.elements().boundingBox({});
  const pad = 20;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${bb.x1 - pad} ${bb.y1 - pad} ${bb.w + 2 * pad} ${bb.h + 2 * pad}" font-family="sans-serif" font-size="9">`];
  c.edges().forEach((e) => {
    const s = e.source().position();
    const t = e.target().position();
    parts.push(`<line x1="${s.x}" y1="${s.y}" x2="${t.x}" y2="${t.y}" stroke="${e.data('type') === 'relation' ? '#c0392b' : '#9aa0a6'}" stroke-width="1"/>`);
  });
  c.nodes().forEach((n) => {
    const p = n.position();
    const r = n.data('size') / 2;
    const shape = n.data('type') === 'body'
      ? `<rect x="${p.x - r}" y="${p.y - r}" width="${2 * r}" height="${2 * r}" rx="3"`
      : `<circle cx="${p.x}" cy="${p.y}" r="${r}"`;
    parts.push(`${shape} fill="${n.data('colour')}"><title>${esc(n.data('label'))}</title></${n.data('type') === 'body' ? 'rect' : 'circle'}>`);
    parts.push(`<text x="${p.x}" y="${p.y + r + 9}" text-anchor="middle">${esc(n.data('label'))}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const t = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (quoted) {
      if (ch === '"' && t[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') { quoted = false; }
      else { cell += ch; }
    } else if (ch === '"') { quoted = true; }
    else if (ch === ';') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && t[i + 1] === '\n') { i++; }
      row.push(cell); rows.push(row); row = []; cell = '';
    } else { cell += ch; }
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

const PAPERS: Record<string, string> = {
  NETWORKS: 'Netzwerke', RESPONSIBILITIES: 'Zuständigkeiten', PROJECTS_AND_CONTACTS: 'Projekte und Anlaufstellen',
  ASSOCIATIONS: 'Verbände',
};

async function showPaper(): Promise<void> {
  const choice = $<HTMLSelectElement>('paper').value;
  const papers = choice === 'ALL' ? Object.keys(PAPERS) : [choice];
  const { area, asOf } = scope();
  const view = $('paper-view');
  view.replaceChildren(el('p', {}, 'Lade … (loading)'));
  const sections: HTMLElement[] = [];
  for (const paper of papers) {
    const { interfacePaper } = await gql<{ interfacePaper: string }>(Q.PAPER, { area, asOf, paper });
    const [head, ...rows] = parseCsv(interfacePaper);
    const table = el('table', { class: 'paper' }, el('caption', {}, 'Schnittstellenpapier ' + PAPERS[paper] + ' – ' + area + ', Stand ' + asOf),
      el('thead', {}, el('tr', {}, ...(head ?? []).map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c) => el('td', {}, c))))));
    sections.push(el('section', { class: 'paper-page' }, table));
  }
  view.replaceChildren(...sections);
}

function setUpExport(): void {
  $('export-png').addEventListener('click', async () => {
    if (!cy) { return; }
    const blob = await cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' });
    download(fileBase() + '.png', blob);
  });
  $('export-svg').addEventListener('click', () => {
    if (!cy) { return; }
    download(fileBase() + '.svg', new Blob([svgOf(cy)], { type: 'image/svg+xml' }));
  });
  $('paper-show').addEventListener('click', () => void showPaper().catch(report));
  $('paper-print').addEventListener('click', async () => {
    try {
      await showPaper();
      document.body.classList.add('print-paper');
      window.print();
      document.body.classList.remove('print-paper');
    } catch (e) {
      report(e);
    }
  });
}

// ---------------------------------------------------------------- tabs

function selectTab(id: string): void {
  document.querySelectorAll<HTMLButtonElement>('[role=tab]').forEach((tab) => {
    const selected = tab.id === id;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $(tab.getAttribute('aria-controls')!).hidden = !selected;
  });
  if (id === 'tab-network') {
    cy?.resize();
  } else if (id === 'tab-gaps' && session()) {
    void loadGaps().catch(report);
  } else if (id === 'tab-findings' && session()) {
    void loadFindings().catch(report);
  }
}

function setUpTabs(): void {
  const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role=tab]')];
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => selectTab(tab.id));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step) {
        const next = tabs[(i + step + tabs.length) % tabs.length];
        next.focus();
        selectTab(next.id);
      }
    });
  });
  $('g-gemeinde').addEventListener('change', drawMatrix);
}

// ---------------------------------------------------------------- start

setUpTabs();
setUpScope();
setUpExport();
void setUpSignIn().then(() => (session() ? afterSignIn() : status('Bitte anmelden (please sign in).')));
(window as any).kimgraph = { get cy() { return cy; } };
