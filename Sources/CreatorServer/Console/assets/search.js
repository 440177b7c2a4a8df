// The search page: one query box in the query language; filter controls that write clauses
// into it; results as a table sorted and paged through `sort:` and `offset:` in the query
// itself; errors shown under the query at their column; the URL (?q=) shares the search.

import { api } from './api.js';
import { byId, creatorLink, el, replace } from './dom.js';
import { count, milliseconds, percent, decimal } from './format.js';
import { addClause, clauseValue, displayWidth, graphemeSpanToUtf16, setClause, setDirective } from './query-text.js';
import { setUpSession } from './session.js';

const platforms = ['tiktok', 'instagram', 'youtube', 'twitch', 'x', 'facebook', 'kuaishou', 'douyin', 'xiaohongshu', 'bilibili', 'other'];
const tiers = ['nano', 'micro', 'mid', 'macro', 'mega'];
const flags = ['bought_followers', 'low_engagement', 'engagement_anomaly', 'low_credibility', 'audience_mismatch',
  'follow_for_follow', 'ghosting_history', 'disputes', 'late_delivery', 'blacklisted', 'stale_data'];
const taxonomy = ['beauty', 'skincare', 'makeup', 'fashion', 'jewelry', 'fitness', 'health', 'food', 'cooking', 'travel',
  'gaming', 'tech', 'electronics', 'home', 'diy', 'parenting', 'pets', 'finance', 'education', 'music', 'dance', 'comedy',
  'sports', 'outdoors', 'automotive', 'art', 'photography', 'books', 'lifestyle', 'luxury', 'wellness', 'crafts'];
const defaultLimit = 20;

const box = byId('q');
let lastQuery = null;
let searchNumber = 0;

/** Checkboxes, one per value, that write `name:v1,v2` (or `-name:...` when negated). */
function checkboxGroup(container, name, values, { negated = false, prefix = '' } = {}) {
  for (const value of values) {
    const id = `filter-${name}-${value}`;
    const checkbox = el('input', { type: 'checkbox', id, value });
    container.append(el('span', { class: 'check' }, checkbox, el('label', { for: id, text: prefix + value.replaceAll('_', ' ') })));
  }
  container.addEventListener('change', () => {
    const chosen = [...container.querySelectorAll('input:checked')].map((input) => input.value);
    rewrite((text) => setClause(text, name, chosen.length ? `${negated ? '-' : ''}${name}:${chosen.join(',')}` : '', negated));
  });
  return (text) => {
    const value = clauseValue(text, name, negated) ?? '';
    const chosen = new Set(expandList(value, name === 'tier' ? tiers : null));
    for (const input of container.querySelectorAll('input')) input.checked = chosen.has(input.value);
  };
}

/** `a,b` → [a, b]; for ordered values also `micro..mid` → [micro, mid]. */
function expandList(value, ordered) {
  return value.split(',').flatMap((part) => {
    part = part.trim().toLowerCase();
    const range = /^(\w*)\.\.(\w*)$/.exec(part);
    if (ordered && range) {
      const from = range[1] ? ordered.indexOf(range[1]) : 0;
      const to = range[2] ? ordered.indexOf(range[2]) : ordered.length - 1;
      return from >= 0 && to >= 0 ? ordered.slice(from, to + 1) : [];
    }
    return part ? [part] : [];
  });
}

/** A text input whose comma list becomes `name:list`. */
function listInput(input, name) {
  input.addEventListener('change', () => {
    const values = input.value.split(/[\s,]+/).filter(Boolean);
    rewrite((text) => setClause(text, name, values.length ? `${name}:${values.join(',')}` : ''));
  });
  return (text) => { input.value = clauseValue(text, name) ?? ''; };
}

/** Followers at least / at most → `followers:min..max`. */
function followersInputs(minimum, maximum) {
  const write = () => {
    const low = minimum.value.trim().replace(/\s+/g, '');
    const high = maximum.value.trim().replace(/\s+/g, '');
    const clause = low || high ? `followers:${low}..${high}` : '';
    rewrite((text) => setClause(text, 'followers', clause));
  };
  minimum.addEventListener('change', write);
  maximum.addEventListener('change', write);
  return (text) => {
    const value = clauseValue(text, 'followers') ?? '';
    const range = /^([^.<>=]*)\.\.([^.]*)$/.exec(value);
    const atLeast = /^>=?(.*)$/.exec(value);
    const atMost = /^<=?(.*)$/.exec(value);
    minimum.value = range ? range[1] : atLeast ? atLeast[1] : '';
    maximum.value = range ? range[2] : atMost ? atMost[1] : '';
  };
}

/** Engagement rate at least N% → `er:>=N%`. */
function engagementInput(input) {
  input.addEventListener('change', () => {
    const value = input.value.trim().replace(/%$/, '');
    rewrite((text) => setClause(text, 'er', value ? `er:>=${value}%` : ''));
  });
  return (text) => {
    const match = /^>=?([\d.]+)%$/.exec(clauseValue(text, 'er') ?? '');
    input.value = match ? match[1] : '';
  };
}

function riskSelect(select) {
  select.addEventListener('change', () => {
    const value = select.value;
    rewrite((text) => setClause(text, 'risk', value ? (value === 'high' ? '' : `risk:<=${value}`) : ''));
  });
  return (text) => {
    const value = (clauseValue(text, 'risk') ?? '').toLowerCase();
    select.value = { '<=low': 'low', low: 'low', '<=medium': 'medium', 'low,medium': 'medium', '<medium': 'low', '<high': 'medium' }[value] ?? '';
  };
}

function audienceAdder() {
  byId('filter-audience-add').addEventListener('click', () => {
    const dimension = byId('filter-audience-dimension').value;
    const key = byId('filter-audience-key').value.trim();
    const share = byId('filter-audience-share').value.trim().replace(/%$/, '');
    if (!key || !share) {
      showError({ message: 'Give an audience value (such as US or female) and a share in percent.' });
      return;
    }
    rewrite((text) => addClause(text, `${dimension}:${key}>=${share}%`));
  });
}

const syncers = [
  checkboxGroup(byId('filter-platform'), 'platform', platforms),
  checkboxGroup(byId('filter-tier'), 'tier', tiers),
  listInput(byId('filter-country'), 'country'),
  listInput(byId('filter-lang'), 'lang'),
  listInput(byId('filter-category'), 'category'),
  followersInputs(byId('filter-followers-min'), byId('filter-followers-max')),
  engagementInput(byId('filter-er')),
  riskSelect(byId('filter-risk')),
  checkboxGroup(byId('filter-flags'), 'flag', flags, { negated: true, prefix: 'exclude ' }),
];
audienceAdder();

/** Sets the controls from the query text, so typing and clicking agree. */
function syncControls(text) {
  for (const sync of syncers) sync(text);
}

/** Applies an edit to the query text (a click on a filter), back to page 1, and searches. */
function rewrite(edit) {
  box.value = setDirective(edit(box.value.trim()), 'offset', null);
  run(box.value, { push: true });
}

function datalist(id, values) {
  replace(byId(id), values.map((value) => el('option', { value })));
}

// --- Results ---

function currentSort(text) {
  const value = clauseValue(text, 'sort') ?? 'score';
  const descending = value.startsWith('-') || value === 'score';
  return { field: value.replace(/^-/, '').toLowerCase(), descending };
}

function setUpSortButtons() {
  for (const header of document.querySelectorAll('th[data-sort]')) {
    const field = header.dataset.sort;
    const label = header.textContent;
    const button = el('button', { type: 'button', class: 'sort', text: label });
    button.addEventListener('click', () => {
      const sort = currentSort(box.value);
      let value = field === 'score' ? null : `-${field}`;
      if (field !== 'score' && sort.field === field && sort.descending) value = field;
      box.value = setDirective(setDirective(box.value.trim(), 'sort', value), 'offset', null);
      run(box.value, { push: true });
    });
    replace(header, button);
  }
}

function showSort(text) {
  const sort = currentSort(text);
  for (const header of document.querySelectorAll('th[data-sort]')) {
    const active = header.dataset.sort === sort.field;
    if (active) header.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending');
    else header.removeAttribute('aria-sort');
    const button = header.querySelector('button');
    button.dataset.direction = active ? (sort.descending ? '▼' : '▲') : '';
  }
}

function page(text) {
  const limit = Number(clauseValue(text, 'limit') ?? defaultLimit) || defaultLimit;
  const offset = Number(clauseValue(text, 'offset') ?? 0) || 0;
  return { limit, offset };
}

function riskBadge(level) {
  return el('span', { class: `risk risk-${['low', 'medium', 'high'].includes(level) ? level : 'unknown'}`, text: level ?? '–' });
}

function showResults(text, document, roundTrip) {
  const table = byId('results-table');
  const body = table.querySelector('tbody');
  const rows = document.hits.map((hit) => el('tr', {},
    el('td', {}, creatorLink(hit.id, '@' + hit.handle)),
    el('td', { text: hit.platform }),
    el('td', { text: hit.country ?? '–' }),
    el('td', { class: 'number', text: count(hit.followers) }),
    el('td', { text: hit.tier }),
    el('td', { class: 'number', text: percent(hit.er, 2) }),
    el('td', { class: 'number', text: decimal(hit.score, 3) }),
    el('td', {}, riskBadge(hit.risk)),
    el('td', { class: 'flags', text: (hit.flags ?? []).map((flag) => flag.replaceAll('_', ' ')).join(', ') }),
  ));
  replace(body, rows);
  table.hidden = document.hits.length === 0;
  showSort(text);

  const { limit, offset } = page(text);
  const shown = document.hits.length ? `${count(offset + 1)}–${count(offset + document.hits.length)} of ` : '';
  byId('summary').textContent = `${shown}${count(document.total)} creators found in ${milliseconds(document.took_ms)} ` +
    `(${milliseconds(roundTrip)} with the network)`;

  const pager = byId('pager');
  pager.hidden = document.total <= limit && offset === 0;
  byId('page-previous').disabled = offset === 0;
  byId('page-next').disabled = offset + limit >= document.total;
  byId('page-position').textContent = `Page ${count(Math.floor(offset / limit) + 1)} of ${count(Math.max(1, Math.ceil(document.total / limit)))}`;
}

/** The parse tree, the plan and each hit's score parts (EXPLAIN), under the results. */
async function explain() {
  const text = box.value.trim();
  const section = byId('explanation');
  section.hidden = false;
  replace(byId('explanation-body'), el('p', { text: 'Explaining…' }));
  try {
    const explanation = await api.explain(text);
    const hits = el('ol', { class: 'explained-hits' }, explanation.hits.map((hit) => el('li', {},
      el('strong', { text: '@' + hit.handle }), ` score ${decimal(hit.score, 3)}: `,
      (hit.score_parts ?? []).map((part) => `${part.label} ${decimal(part.value, 3)}`).join(' + '))));
    replace(byId('explanation-body'),
      el('h3', { text: 'Parsed' }), el('pre', { class: 'plan', text: explanation.parse_tree }),
      el('h3', { text: 'Plan (▶ lists documents, the rest is checked on each)' }), el('pre', { class: 'plan', text: explanation.plan }),
      el('h3', { text: 'Score parts' }), hits);
  } catch (error) {
    replace(byId('explanation-body'), el('p', { role: 'alert', text: error.message }));
  }
}

function turnPage(direction) {
  const { limit, offset } = page(box.value);
  const next = Math.max(0, offset + direction * limit);
  box.value = setDirective(box.value.trim(), 'offset', next === 0 ? null : String(next));
  run(box.value, { push: true });
}

// --- Errors ---

/** Shows an error under the box; a query error also at its column: the query with the
 * offending characters marked, carets under them, and the input's selection on them. */
function showError(error, text = '') {
  const area = byId('query-error');
  const detail = error.queryError;
  if (!detail) {
    replace(area, el('p', { text: error.message }));
    area.hidden = false;
    return;
  }
  const [start, end] = graphemeSpanToUtf16(text, detail.span);
  const excerpt = el('pre', { class: 'excerpt', 'aria-hidden': 'true' },
    text.slice(0, start), el('mark', { text: text.slice(start, end) }), text.slice(end),
    '\n', ' '.repeat(displayWidth(text.slice(0, start))), '^'.repeat(Math.max(1, displayWidth(text.slice(start, end)))));
  replace(area,
    el('p', { class: 'error-line', text: `error at column ${detail.column}: ${detail.detail}` }),
    excerpt,
    detail.hint ? el('p', { class: 'hint', text: 'hint: ' + detail.hint }) : null);
  area.hidden = false;
  box.setAttribute('aria-invalid', 'true');
  box.focus();
  box.setSelectionRange(start, end);
}

function clearError() {
  byId('query-error').hidden = true;
  replace(byId('query-error'));
  box.removeAttribute('aria-invalid');
}

// --- Running ---

async function run(text, { push = false } = {}) {
  text = text.trim();
  const number = ++searchNumber;
  const url = text ? '/?q=' + encodeURIComponent(text) : '/';
  if (push && text !== lastQuery) history.pushState({ q: text }, '', url);
  else history.replaceState({ q: text }, '', url);
  lastQuery = text;
  syncControls(text);
  const link = byId('share-link');
  link.href = url;
  link.hidden = !text;
  byId('explain').hidden = !text;
  byId('explanation').hidden = true;
  document.title = text ? `${text} — Search creators` : 'Search creators';
  const results = byId('results');
  results.setAttribute('aria-busy', 'true');
  const started = performance.now();
  try {
    const found = await api.search(text);
    if (number !== searchNumber) return;
    clearError();
    showResults(text, found, performance.now() - started);
  } catch (error) {
    if (number !== searchNumber) return;
    showError(error, text);
    byId('summary').textContent = 'No results: the query was refused.';
    byId('results-table').hidden = true;
    byId('pager').hidden = true;
  } finally {
    if (number === searchNumber) results.setAttribute('aria-busy', 'false');
  }
}

async function showIndexFacts() {
  try {
    const stats = await api.stats();
    const index = stats.index ?? stats;
    const facets = index.facets ?? {};
    datalist('country-values', Object.keys(facets.country?.top ?? {}));
    datalist('language-values', Object.keys(facets.language?.top ?? {}));
    datalist('category-values', [...new Set([...Object.keys(facets.category?.top ?? {}), ...taxonomy])]);
    if (index.documents !== undefined) {
      byId('index-facts').textContent = `${count(index.documents)} creators in the index, built ${index.built_at ?? ''}.`;
    }
  } catch {
    datalist('category-values', taxonomy);
  }
}

byId('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  run(box.value, { push: true });
});
box.addEventListener('input', () => syncControls(box.value));
byId('explain').addEventListener('click', explain);
byId('page-previous').addEventListener('click', () => turnPage(-1));
byId('page-next').addEventListener('click', () => turnPage(1));
window.addEventListener('popstate', (event) => {
  box.value = event.state?.q ?? new URLSearchParams(location.search).get('q') ?? '';
  run(box.value);
});

setUpSession();
setUpSortButtons();
showIndexFacts();
box.value = new URLSearchParams(location.search).get('q') ?? '';
if (box.value) run(box.value); else syncControls('');
box.focus();
