import cytoscape from 'cytoscape';
import type { Core, ElementDefinition } from 'cytoscape';
import './style.css';
import { allPages, ApiError, devTokens, gql, session, signIn, signOut } from './api';
import * as Q from './queries';

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

function showWho(): void {
  const s = session();
  $('who').textContent = s ? 'Angemeldet als ' + s.role + (s.tenant ? ' (Mandant ' + s.tenant + ')' : '') : '';
  $('signout').hidden = !s;
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

interface ActorNode {
  key: string; name: string; kind: string; sector: string | null; visibility: string;
  legalDomains: { key: string }[];
  relations: { key: string; type: string; from: { key: string }; to: { key: string } }[];
}
interface BodyNode {
  key: string; name: string; type: string; visibility: string;
  members: { key: string; role: string | null; actor: { key: string } }[];
}

let cy: Core | null = null;
let evidenceKeys = new Set<string>();

function filterVariables(): { actorFilter: Record<string, string>; bodyFilter: Record<string, string> } {
  const { area, asOf } = scope();
  const field = $<HTMLSelectElement>('f-field').value;
  const group = $<HTMLSelectElement>('f-group').value;
  const domain = $<HTMLSelectElement>('f-domain').value;
  const bodyType = $<HTMLSelectElement>('f-bodytype').value;
  const actorFilter: Record<string, string> = { area, asOf };
  const bodyFilter: Record<string, string> = { area, asOf };
  if (field) { actorFilter.field = field; bodyFilter.field = field; }
  if (group) { actorFilter.targetGroup = group; bodyFilter.targetGroup = group; }
  if (domain) { actorFilter.legalDomain = domain; bodyFilter.legalDomain = domain; }
  if (bodyType) { bodyFilter.kind = bodyType; }
  return { actorFilter, bodyFilter };
}

export async function loadNetwork(): Promise<void> {
  status('Netzwerk wird geladen … (loading)');
  const { actorFilter, bodyFilter } = filterVariables();
  const fetchStarted = performance.now();
  const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
    const t0 = performance.now();
    const value = await f();
    return [value, Math.round(performance.now() - t0)];
  };
  const [[actors, actorsMs], [bodies, bodiesMs]] = await Promise.all([
    timed(() => allPages<ActorNode>(Q.ACTORS, { filter: actorFilter }, (d) => d.actors)),
    timed(() => allPages<BodyNode>(Q.BODIES, { filter: bodyFilter }, (d) => d.bodies)),
  ]);
  const started = performance.now();
  const fetchMs = Math.round(started - fetchStarted);
  const elements: ElementDefinition[] = [];
  // with a body-type filter only the members of those bodies remain
  const memberKeys = new Set(bodies.flatMap((b) => b.members.map((m) => m.actor.key)));
  const shownActors = bodyFilter.kind ? actors.filter((a) => memberKeys.has(a.key)) : actors;
  const shown = new Set(shownActors.map((a) => a.key));
  for (const a of shownActors) {
    elements.push({ group: 'nodes', data: { id: a.key, label: a.name, type: 'actor', kind: a.kind,
      sector: a.sector ?? 'UNKNOWN', domain: a.legalDomains[0]?.key ?? '', visibility: a.visibility, colour: SECTOR_COLOURS.UNKNOWN, size: 10 } });
  }
  for (const b of bodies) {
    elements.push({ group: 'nodes', data: { id: b.key, label: b.name, type: 'body', kind: b.type, sector: 'BODY',
      domain: '', visibility: b.visibility, colour: BODY_COLOUR, size: 10 } });
  }
  const edgeIds = new Set<string>();
  for (const b of bodies) {
    for (const m of b.members) {
      if (shown.has(m.actor.key) && !edgeIds.has(m.key)) {
        edgeIds.add(m.key);
        elements.push({ group: 'edges', data: { id: m.key, source: m.actor.key, target: b.key, type: 'membership',
          label: m.role ?? '' } });
      }
    }
  }
  for (const a of shownActors) {
    for (const r of a.relations) {
      if (shown.has(r.from.key) && shown.has(r.to.key) && !edgeIds.has(r.key)) {
        edgeIds.add(r.key);
        elements.push({ group: 'edges', data: { id: r.key, source: r.from.key, target: r.to.key, type: 'relation',
          label: r.type } });
      }
    }
  }
  draw(elements);
  showChange(elements, filterKey(actorFilter, bodyFilter));
  const ms = Math.round(performance.now() - started);
  $('render-ms').textContent = '(geladen in ' + fetchMs + ' ms, gezeichnet in ' + ms + ' ms)';
  (window as any).kimgraphRender = { ms, fetchMs, actorsMs, bodiesMs, nodes: shownActors.length + bodies.length };
  status('Netzwerk: ' + (shownActors.length + bodies.length) + ' Knoten am ' + scope().asOf + '.');
}

// What changed since the previous view of the same area and filters at another date (the time line).
let previous: { key: string; asOf: string; names: Map<string, string> } | null = null;

function filterKey(actorFilter: Record<string, string>, bodyFilter: Record<string, string>): string {
  const { asOf: _a, ...actorRest } = actorFilter;
  const { asOf: _b, ...bodyRest } = bodyFilter;
  return JSON.stringify([actorRest, bodyRest]);
}

function showChange(elements: ElementDefinition[], key: string): void {
  const names = new Map(elements.filter((e) => e.group === 'nodes').map((e) => [String(e.data.id), String(e.data.label)]));
  const { asOf } = scope();
  const info = $('change-info');
  info.replaceChildren();
  if (previous && previous.key === key && previous.asOf !== asOf) {
    const before = previous;
    const added = [...names.keys()].filter((k) => !before.names.has(k));
    const ended = [...before.names.keys()].filter((k) => !names.has(k));
    cy?.nodes().filter((n) => added.includes(n.id())).addClass('added');
    info.append('Gegenüber ' + before.asOf + ' (compared with): ' + added.length + ' neu (added, grün umrandet), '
      + ended.length + ' weggefallen (ended)' + (ended.length ? ': ' + ended.slice(0, 20).map((k) => before.names.get(k)).join(', ')
      + (ended.length > 20 ? ' …' : '') : '') + '.');
  }
  previous = { key, asOf, names };
}

function nodeColour(data: { type: string; sector: string; domain: string }, mode: string): string {
  if (data.type === 'body') {
    return BODY_COLOUR;
  }
  if (mode === 'domain') {
    return domainColours.get(data.domain) ?? SECTOR_COLOURS.UNKNOWN;
  }
  return SECTOR_COLOURS[data.sector] ?? SECTOR_COLOURS.UNKNOWN;
}

function draw(elements: ElementDefinition[]): void {
  if (cy) {
    cy.destroy();
  }
  const large = elements.filter((e) => e.group === 'nodes').length > 400;
  cy = cytoscape({
    container: $('cy'),
    elements,
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    style: [
      { selector: 'node', style: { 'background-color': 'data(colour)', label: large ? '' : 'data(label)',
        width: 'data(size)', height: 'data(size)', 'font-size': 9, 'text-wrap': 'ellipsis', 'text-max-width': '110px',
        color: '#111', 'text-valign': 'bottom', 'text-margin-y': 2 } },
      { selector: 'node[type = "body"]', style: { shape: 'round-rectangle' } },
      { selector: 'node[visibility = "INTERNAL"]', style: { 'border-width': 2, 'border-style': 'dashed', 'border-color': '#000' } },
      { selector: 'edge', style: { width: 1, 'line-color': '#9aa0a6', 'curve-style': 'haystack', opacity: 0.7 } },
      { selector: 'edge[type = "relation"]', style: { 'line-color': '#c0392b', width: 1.5 } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ffbf00', 'border-style': 'solid' } },
      { selector: '.evidence', style: { 'border-width': 5, 'border-color': '#e00000', 'border-style': 'solid', 'z-index': 10 } },
      { selector: 'edge.evidence', style: { 'line-color': '#e00000', width: 4 } },
      { selector: 'node.added', style: { 'border-width': 4, 'border-color': '#1b8a1b', 'border-style': 'double' } },
      { selector: '.faded', style: { opacity: 0.15 } },
    ],
    layout: large
      ? // a force layout of thousands of nodes takes many seconds in the browser; rings by degree are immediate
        { name: 'concentric', concentric: (n: any) => n.degree(false),
          levelWidth: (nodes: any) => Math.max(1, nodes.maxDegree(false) / 12), animate: false, minNodeSpacing: 2 } as any
      : { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 60, numIter: 1000 } as any,
  });
  restyle();
  cy.on('tap', 'node', (event) => void showDetails(event.target.id()));
  applyEvidence();
  $('node-count').textContent = String(cy.nodes().length);
  $('edge-count').textContent = String(cy.edges().length);
  fillTable();
  drawLegend();
}

function restyle(): void {
  if (!cy) {
    return;
  }
  const mode = $<HTMLSelectElement>('f-colour').value;
  const metric = $<HTMLSelectElement>('f-size').value;
  let values = new Map<string, number>();
  if (metric === 'betweenness' && cy.nodes().length <= 1500) {
    const bc = cy.elements().betweennessCentrality({ directed: false });
    cy.nodes().forEach((n) => { values.set(n.id(), bc.betweennessNormalized(n)); });
  } else {
    if (metric === 'betweenness') {
      status('Zwischenzentralität nur bis 1.500 Knoten im Browser; Größe nach Grad (betweenness only up to 1,500 nodes).');
    }
    const max = Math.max(1, ...cy.nodes().map((n) => n.degree(false)));
    cy.nodes().forEach((n) => { values.set(n.id(), n.degree(false) / max); });
  }
  cy.batch(() => {
    cy!.nodes().forEach((n) => {
      n.data('colour', nodeColour(n.data(), mode));
      n.data('size', 10 + 40 * Math.sqrt(values.get(n.id()) ?? 0));
    });
  });
  drawLegend();
}

function drawLegend(): void {
  const mode = $<HTMLSelectElement>('f-colour').value;
  const legend = $('legend');
  legend.replaceChildren();
  const entries: [string, string][] = mode === 'domain'
    ? [...domainColours.entries()].map(([k, c]) => [labels.get('domain:' + k) ?? k, c])
    : Object.entries(SECTOR_COLOURS).map(([k, c]) => [k === 'UNKNOWN' ? 'unbekannt' : labels.get('sector:' + k) ?? k, c]);
  entries.push(['Gremium / Netzwerk (body)', BODY_COLOUR]);
  for (const [label, colour] of entries) {
    legend.append(el('span', { class: 'swatch' }, el('span', { class: 'dot', style: 'background:' + colour }), label));
  }
  legend.append(el('span', { class: 'swatch' }, el('span', { class: 'dot internal' }), 'intern (internal)'),
    el('span', { class: 'swatch' }, el('span', { class: 'dot added' }), 'neu seit dem vorigen Stichtag (added)'),
    el('span', { class: 'swatch' }, el('span', { class: 'line relation' }), 'Akteursbeziehung'),
    el('span', { class: 'swatch' }, el('span', { class: 'line' }), 'Mitgliedschaft'));
}

function fillTable(): void {
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
      el('td', {}, String(n.degree(false))),
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

interface Cell {
  status: 'NONE' | 'THIN' | 'COVERED'; serviceCount: number;
  area: { key: string; name: string }; field: { key: string; labelDe: string }; targetGroup: { key: string; labelDe: string };
  services: { key: string; name: string }[];
}
let cells: Cell[] = [];
const RANK = { NONE: 0, THIN: 1, COVERED: 2 } as const;

async function loadGaps(): Promise<void> {
  if (loaded.gaps) {
    return;
  }
  status('Versorgungslücken werden berechnet … (computing coverage)');
  const { area, asOf } = scope();
  let summary: any = null;
  gapFindings = null;
  cells = await allPages<Cell>(Q.COVERAGE, { area, asOf, withFindings: true }, (d) => {
    summary = d.coverageGaps.summary;
    gapFindings = gapFindings ?? d.coverageGaps.findings ?? null;
    return d.coverageGaps.cells;
  }, { withFindings: false });
  loaded.gaps = true;
  $('gap-summary').textContent = summary
    ? summary.gemeinden + ' Gemeinden, ' + summary.cells + ' Zellen: ' + summary.none + ' keins, ' + summary.thin
      + ' dünn, ' + summary.covered + ' abgedeckt (none / thin / covered).'
    : '';
  const select = $<HTMLSelectElement>('g-gemeinde');
  select.replaceChildren(el('option', { value: '' }, 'alle (schlechtester Wert / worst cell)'));
  const gemeinden = new Map(cells.map((c) => [c.area.key, c.area.name]));
  [...gemeinden.entries()].sort((a, b) => a[1].localeCompare(b[1], 'de'))
    .forEach(([k, n]) => select.append(el('option', { value: k }, n)));
  drawMatrix();
  status('Versorgungslücken: ' + cells.length + ' Zellen.');
}

function drawMatrix(): void {
  const gemeinde = $<HTMLSelectElement>('g-gemeinde').value;
  const chosen = cells.filter((c) => !gemeinde || c.area.key === gemeinde);
  const fields = new Map<string, string>();
  const groups = new Map<string, string>();
  const byCell = new Map<string, Cell[]>();
  for (const c of chosen) {
    fields.set(c.field.key, c.field.labelDe);
    groups.set(c.targetGroup.key, c.targetGroup.labelDe);
    const id = c.field.key + '|' + c.targetGroup.key;
    byCell.set(id, [...(byCell.get(id) ?? []), c]);
  }
  const table = el('table', { class: 'matrix' }, el('caption', {}, 'Handlungsfeld × Zielgruppe'
    + (gemeinde ? ' in ' + chosen[0]?.area.name : ' (schlechteste Gemeinde)')));
  table.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Handlungsfeld'),
    ...[...groups.values()].map((g) => el('th', { scope: 'col' }, el('span', {}, g))))));
  const tbody = el('tbody');
  for (const [fk, fl] of fields) {
    const row = el('tr', {}, el('th', { scope: 'row' }, fl));
    for (const [gk, gl] of groups) {
      const group = byCell.get(fk + '|' + gk) ?? [];
      const worst = group.reduce<Cell | null>((w, c) => (!w || RANK[c.status] < RANK[w.status] ? c : w), null);
      const st = worst?.status ?? 'NONE';
      const text = st === 'NONE' ? '–' : String(Math.max(...group.map((c) => c.serviceCount)));
      const button = el('button', { type: 'button', class: 'cell ' + st, 'data-field': fk, 'data-group': gk,
        'aria-label': fl + ' × ' + gl + ': ' + st }, text);
      button.addEventListener('click', () => showCell(fk, gk, group));
      row.append(el('td', {}, button));
    }
    tbody.append(row);
  }
  table.append(tbody);
  $('gap-matrix').replaceChildren(table);
}

let gapFindings: any[] | null = null;

function showCell(field: string, group: string, group_cells: Cell[]): void {
  const panel = $('gap-details');
  const first = group_cells[0];
  const title = (first?.field.labelDe ?? field) + ' × ' + (first?.targetGroup.labelDe ?? group);
  const services = new Map<string, string>();
  group_cells.forEach((c) => c.services.forEach((s) => services.set(s.key, s.name)));
  const parts: (Node | string)[] = [el('h2', {}, title)];
  parts.push(el('ul', {}, ...group_cells.map((c) => el('li', {}, c.area.name + ': ' + c.status + ' (' + c.serviceCount + ' Angebote)'))));
  if (services.size) {
    parts.push(list('Angebote, die die Zelle abdecken (covering services)', [...services.values()]));
  } else {
    const matching = (gapFindings ?? []).filter((f) => f.evidence.some((e: any) => e.key === field || e.key === group));
    parts.push(el('p', {}, 'Kein gültiges Angebot im Handlungsfeld für diese Zielgruppe am Stichtag '
      + '(no valid service of this field for this target group).'));
    if (matching.length) {
      parts.push(list('Erklärung (explanation)', matching.map((f) => f.kind + ': ' + f.explanation)));
    }
  }
  panel.replaceChildren(...parts);
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
