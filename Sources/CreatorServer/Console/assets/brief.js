// The brief page: a form (or pasted JSON) → POST /api/match → the shortlist with score parts
// and reasons; the marketer drops or adds creators and the figures (reach, unique reach from
// /api/overlap, cost against budget) follow; the plan exports as CSV. The plan is kept in
// sessionStorage so a visit to a creator card and back keeps it.

import { api } from './api.js';
import { byId, creatorLink, el, replace } from './dom.js';
import { overlapHeatMap } from './charts.js';
import { count, decimal, percent, usd, known } from './format.js';
import { setUpSession } from './session.js';

const storageKey = 'creators.plan';
let plan = null; // {brief, budget: {total, max_per_creator}, members: [...], summary (of the MATCH)}
let overlapRequest = 0;

// --- The form ---

const list = (id) => byId(id).value.split(/[,\n]+/).map((part) => part.trim()).filter(Boolean);
const number = (id, scale = 1) => {
  const text = byId(id).value.trim();
  return text === '' ? undefined : Number(text) * scale;
};

/** "US:0.7, CA:0.3" → {US: 0.7, CA: 0.3}; undefined when empty. */
function weights(id) {
  const entries = list(id).map((part) => {
    const [key, weight] = part.split(':').map((piece) => piece.trim());
    return [key, weight === undefined || weight === '' ? 1 : Number(weight)];
  });
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** The brief JSON of the form (brief.md), with empty fields left out. */
function briefFromForm() {
  const brief = { product: byId('brief-product').value.trim() };
  const put = (key, value) => {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) return;
    brief[key] = value;
  };
  put('keywords', list('brief-keywords'));
  put('categories', list('brief-categories'));
  put('platforms', list('brief-platforms').map((value) => value.toLowerCase()));
  put('creator_countries', list('brief-countries').map((value) => value.toUpperCase()));
  put('languages', list('brief-languages'));
  put('tiers', list('brief-tiers').map((value) => value.toLowerCase()));
  const audience = {};
  for (const [key, id] of [['countries', 'brief-audience-countries'], ['genders', 'brief-audience-genders'],
    ['ages', 'brief-audience-ages'], ['languages', 'brief-audience-languages'], ['interests', 'brief-audience-interests']]) {
    const value = weights(id);
    if (value) audience[key] = value;
  }
  if (Object.keys(audience).length) brief.audience = audience;
  const followers = {};
  if (number('brief-followers-min') !== undefined) followers.min = number('brief-followers-min');
  if (number('brief-followers-max') !== undefined) followers.max = number('brief-followers-max');
  if (Object.keys(followers).length) brief.followers = followers;
  put('min_engagement_rate', number('brief-min-er', 0.01));
  put('min_credibility', number('brief-min-credibility', 0.01));
  const budget = {};
  if (number('brief-budget-total') !== undefined) budget.total = number('brief-budget-total');
  if (number('brief-budget-max') !== undefined) budget.max_per_creator = number('brief-budget-max');
  if (Object.keys(budget).length) brief.budget = { currency: 'USD', ...budget };
  put('max_risk', byId('brief-max-risk').value || undefined);
  put('exclude', list('brief-exclude'));
  put('count', number('brief-count'));
  const maxOverlap = number('brief-max-overlap', 0.01);
  if (!byId('brief-diversify').checked) brief.diversify = false;
  else if (maxOverlap !== undefined) brief.diversify = { max_pairwise_overlap: maxOverlap };
  return brief;
}

function showBriefJSON() {
  byId('brief-json').value = JSON.stringify(briefFromForm(), null, 2);
}

// --- Matching ---

function showError(message) {
  const area = byId('brief-error');
  replace(area, el('p', { text: message }));
  area.hidden = !message;
}

async function submit(body) {
  showError('');
  let brief;
  try {
    brief = typeof body === 'string' ? JSON.parse(body) : body;
  } catch (error) {
    // Sent anyway: the server names what is wrong, as the command line does.
    brief = null;
  }
  const button = document.querySelector('#brief-form button[type=submit]');
  button.disabled = true;
  try {
    const shortlist = await api.match(typeof body === 'string' ? body : JSON.stringify(body));
    plan = planFrom(shortlist, brief ?? {});
    save();
    await render();
    byId('shortlist').scrollIntoView({ block: 'start' });
  } catch (error) {
    showError(error.message);
  } finally {
    button.disabled = false;
  }
}

/** A plan member from a MATCH shortlist entry (brief.md: id … score parts, reason). */
function memberFrom(entry) {
  return {
    id: entry.id,
    handle: entry.handle,
    platform: entry.platform,
    country: entry.country,
    followers: entry.followers,
    tier: entry.tier,
    er: entry.er,
    price: entry.price ?? null,
    priceEstimated: Boolean(entry.price_estimated),
    risk: entry.risk,
    flags: entry.flags ?? [],
    score: entry.score,
    parts: entry.score_parts ?? {},
    reason: entry.reason ?? '',
    included: true,
  };
}

function planFrom(shortlist, brief) {
  const summary = shortlist.summary ?? {};
  const budget = { total: summary.budget_total ?? brief.budget?.total ?? null,
    max_per_creator: summary.budget_max_per_creator ?? brief.budget?.max_per_creator ?? null };
  return { brief, budget, members: (shortlist.shortlist ?? []).map(memberFrom), summary };
}

function save() {
  try { sessionStorage.setItem(storageKey, JSON.stringify(plan)); } catch { /* storage full or off: the page still works */ }
}

function restore() {
  try { return JSON.parse(sessionStorage.getItem(storageKey) ?? 'null'); } catch { return null; }
}

// --- The plan ---

const included = () => plan.members.filter((member) => member.included);

function partsCell(parts) {
  const entries = Object.entries(parts ?? {});
  if (entries.length === 0) return el('td', { text: '–' });
  return el('td', {}, el('ul', { class: 'parts' }, entries.map(([name, value]) => {
    const bar = el('span', { class: 'bar' });
    bar.style.width = `${Math.max(0, Math.min(1, Number(value) || 0)) * 100}%`;
    return el('li', {}, el('span', { class: 'part-name', text: name.replaceAll('_', ' ') }),
      el('span', { class: 'track', role: 'presentation' }, bar), el('span', { class: 'value', text: value === null ? '–' : decimal(value) }));
  })));
}

function row(member, position) {
  const checkbox = el('input', { type: 'checkbox', id: `include-${position}` });
  checkbox.checked = member.included;
  checkbox.addEventListener('change', () => {
    member.included = checkbox.checked;
    save();
    render();
  });
  const tr = el('tr', { class: member.included ? '' : 'dropped' },
    el('td', {}, checkbox, el('label', { for: `include-${position}`, class: 'visually-hidden', text: `Include @${member.handle}` })),
    el('td', {}, creatorLink(member.id, '@' + member.handle), el('span', { class: 'muted', text: ` ${member.platform ?? ''} ${member.country ?? ''}` })),
    el('td', { class: 'number', text: count(member.followers) }),
    el('td', { class: 'number', text: percent(member.er, 2) }),
    el('td', { class: 'number price', dataset: { usd: known(member.price) ? String(member.price) : '' },
      text: usd(member.price) + (member.priceEstimated ? ' est.' : '') }),
    el('td', { text: [member.risk ?? '–', ...(member.flags ?? []).map((flag) => flag.replaceAll('_', ' '))].join(', ') }),
    el('td', { class: 'number', text: decimal(member.score, 3) }),
    partsCell(member.parts),
    el('td', { class: 'reason', dir: 'auto', text: member.reason }));
  return tr;
}

function figures(overlapDocument) {
  const chosen = included();
  const reach = chosen.reduce((sum, member) => sum + (member.followers ?? 0), 0);
  const priced = chosen.filter((member) => known(member.price));
  const cost = priced.reduce((sum, member) => sum + member.price, 0);
  const unpriced = chosen.length - priced.length;
  const rows = [
    ['Creators in the plan', count(chosen.length)],
    ['Total reach', count(reach)],
    ['Unique reach', overlapDocument ? `${count(overlapDocument.unique_reach)} (${percent(overlapDocument.unique_reach_share, 0)} of total)` : (chosen.length ? 'estimating…' : '–')],
    ['Highest overlap between two', overlapDocument ? percent(overlapDocument.max_pairwise_overlap, 0) : '–'],
    ['Estimated cost', usd(cost) + (unpriced ? ` (+ ${unpriced} without a price)` : '')],
  ];
  replace(byId('figures'), rows.map(([term, value]) => el('div', {}, el('dt', { text: term }), el('dd', { text: value }))));

  const budget = plan.budget?.total;
  const line = byId('budget-line');
  line.className = 'budget-line';
  if (known(budget)) {
    const left = budget - cost;
    line.textContent = `Cost ${usd(cost)} of a ${usd(budget)} budget: ${left >= 0 ? `${usd(left)} left` : `${usd(-left)} over`}.`;
    if (left < 0) line.classList.add('over');
  } else {
    line.textContent = `Cost ${usd(cost)}; no budget given.`;
  }
  line.dataset.cost = String(cost);
  line.dataset.budget = known(budget) ? String(budget) : '';
}

async function render() {
  const section = byId('shortlist');
  section.hidden = false;
  replace(byId('shortlist-table').querySelector('tbody'), plan.members.map(row));
  figures(null);
  const request = ++overlapRequest;
  const ids = included().map((member) => member.id);
  if (ids.length < 2) {
    replace(byId('heatmap'), el('p', { class: 'muted', text: 'Choose two or more creators to see their overlap.' }));
    if (ids.length === 1) figures({ unique_reach: included()[0].followers, unique_reach_share: 1, max_pairwise_overlap: null });
    return;
  }
  try {
    const overlap = await api.overlap(ids);
    if (request !== overlapRequest) return;
    figures(overlap);
    replace(byId('heatmap'), overlapHeatMap(overlap));
  } catch (error) {
    if (request !== overlapRequest) return;
    replace(byId('heatmap'), el('p', { role: 'alert', text: error.message }));
  }
}

async function addCreator(reference) {
  reference = reference.trim();
  if (!reference) return;
  if (!plan) plan = { brief: {}, budget: {}, members: [], summary: null };
  try {
    const found = await api.creator(reference);
    const profile = Array.isArray(found) ? found[0] : found;
    const existing = plan.members.find((member) => member.id === profile.id);
    if (existing) {
      existing.included = true;
    } else {
      plan.members.push({
        id: profile.id, handle: profile.handle, platform: profile.platform, country: profile.country,
        followers: profile.followers, tier: profile.tier, er: profile.engagement_rate, price: profile.price?.usd ?? null, priceEstimated: false,
        risk: profile.risk?.level, flags: profile.risk?.flags ?? [], score: null, parts: {}, reason: 'added by hand', included: true,
      });
    }
    save();
    showError('');
    await render();
  } catch (error) {
    showError(error.message);
  }
}

// --- CSV ---

/** One CSV field: quoted, quotes doubled, and a leading = + - @ neutralised so a
 * spreadsheet never runs a bio or handle as a formula. */
function csvField(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return '"' + text.replaceAll('"', '""') + '"';
}

function exportCSV() {
  const header = ['id', 'handle', 'platform', 'country', 'followers', 'tier', 'engagement_rate', 'price_usd', 'price_estimated',
    'risk', 'flags', 'score', 'reason'];
  const lines = [header.join(',')];
  for (const member of included()) {
    lines.push([member.id, member.handle, member.platform, member.country, member.followers, member.tier, member.er,
      member.price, member.priceEstimated ? 'yes' : 'no', member.risk, (member.flags ?? []).join(' '), member.score, member.reason]
      .map(csvField).join(','));
  }
  const blob = new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
  const link = el('a', { href: URL.createObjectURL(blob), download: 'shortlist.csv' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

// --- Wiring ---

byId('brief-form').addEventListener('input', (event) => {
  if (event.target.id !== 'brief-json') showBriefJSON();
});
byId('brief-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const brief = briefFromForm();
  if (!brief.product) {
    showError('The product is required: describe what the creators will promote.');
    byId('brief-product').focus();
    return;
  }
  submit(brief);
});
byId('brief-json-submit').addEventListener('click', () => submit(byId('brief-json').value));
byId('add-form').addEventListener('submit', (event) => {
  event.preventDefault();
  addCreator(byId('add-creator').value);
  byId('add-creator').value = '';
});
byId('export-csv').addEventListener('click', exportCSV);

setUpSession();
showBriefJSON();
plan = restore();
const adding = new URLSearchParams(location.search).get('add');
if (adding) {
  history.replaceState(null, '', '/brief');
  addCreator(adding);
} else if (plan) {
  render();
}
