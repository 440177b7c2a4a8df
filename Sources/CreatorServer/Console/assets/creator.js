// The creator card (/creator?id=…): the stored profile (GET) and its risk report (RISK),
// shown with charts. Every text from the profile goes in as text (dom.js), and text in
// any script gets dir="auto" so Arabic and Hebrew read right to left.

import { api } from './api.js';
import { byId, el, replace } from './dom.js';
import { distributionBars, followerChart, peerScale } from './charts.js';
import { count, percent, usd, decimal } from './format.js';
import { setUpSession } from './session.js';

const card = byId('card');

function fact(label, value) {
  return [el('dt', { text: label }), el('dd', { text: value })];
}

function riskBadge(level) {
  return el('span', { class: `risk risk-${['low', 'medium', 'high'].includes(level) ? level : 'unknown'}`, text: `${level ?? 'unknown'} risk` });
}

function header(profile) {
  const lookalikes = el('a', { class: 'button', href: '/?q=' + encodeURIComponent(`like:@${profile.handle}`), text: 'Find lookalikes' });
  const briefLink = el('a', { class: 'button secondary', href: '/brief?add=' + encodeURIComponent(profile.id), text: 'Add to a brief' });
  return el('header', { class: 'card-header' },
    el('h1', { dir: 'auto', text: profile.name || '@' + profile.handle }),
    el('p', { class: 'handle' },
      el('span', { dir: 'auto', text: '@' + profile.handle }), ' · ', profile.platform,
      profile.country ? ` · ${profile.country}` : '', profile.city ? ' · ' : '', profile.city ? el('span', { dir: 'auto', text: profile.city }) : null,
      ' · ', profile.tier ?? '', ' ', riskBadge(profile.risk?.level)),
    el('p', { class: 'muted id', text: profile.id }),
    el('p', { class: 'actions' }, lookalikes, ' ', briefLink));
}

function about(profile) {
  const section = el('section', { 'aria-labelledby': 'about-title' }, el('h2', { id: 'about-title', text: 'Profile' }));
  section.append(el('p', { id: 'bio', class: 'bio', dir: 'auto', text: profile.bio ?? '' }));
  const tags = [...(profile.categories ?? []), ...(profile.hashtags ?? []).map((tag) => '#' + tag.replace(/^#/, ''))];
  if (tags.length) section.append(el('p', { class: 'tags', dir: 'auto', text: tags.join(' ') }));
  const facts = el('dl', { class: 'facts' },
    fact('Followers', count(profile.followers)),
    fact('Following', count(profile.following)),
    fact('Posts', count(profile.posts_count)),
    fact('Engagement rate', percent(profile.engagement_rate, 2) + (profile.engagement_rate_derived ? ' (derived)' : '')),
    fact('Average views', count(profile.avg_views)),
    fact('Growth over the history', percent(profile.growth, 1)),
    fact('Price per post (USD)', usd(profile.price?.usd)),
    fact('Audience credibility', percent(profile.audience?.credibility, 0)),
    fact('Content languages', (profile.languages ?? []).join(', ') || '–'),
    fact('Contact on file', profile.contact_available === undefined ? '–' : profile.contact_available ? 'yes' : 'no'),
    fact('Updated', profile.updated_at ?? '–'));
  section.append(facts);
  return section;
}

function riskSection(report) {
  const risk = report?.risk ?? report ?? {};
  const section = el('section', { 'aria-labelledby': 'risk-title' }, el('h2', { id: 'risk-title', text: 'Fraud risk' }));
  section.append(el('p', {}, riskBadge(risk.level), ` score ${decimal(risk.score, 0)} of 100`, risk.as_of ? `, as of ${risk.as_of}` : ''));
  const checks = risk.checks ?? [];
  const raised = checks.filter((check) => check.status === 'raised');
  const list = el('ul', { class: 'flags-list', 'aria-label': 'Risk flags' });
  for (const check of raised) {
    list.append(el('li', { class: 'flag-raised', dataset: { flag: check.flag } },
      el('strong', { text: check.title }), ': ', el('span', { text: check.summary })));
  }
  if (raised.length === 0) list.append(el('li', { text: 'No flag raised.' }));
  section.append(list);
  const rest = (status, title) => {
    const items = checks.filter((check) => check.status === status);
    if (items.length === 0) return null;
    return el('details', {}, el('summary', { text: `${title} (${items.length})` }),
      el('ul', {}, items.map((check) => el('li', {}, el('strong', { text: check.title }), ': ', check.summary))));
  };
  section.append(rest('clear', 'Checked, no concern'), rest('not_judged', 'Not judged (missing data never raises a flag)'));
  return section;
}

function peersSection(report) {
  const checks = report?.risk?.checks ?? [];
  const peers = checks.flatMap((check) => check.peers ?? []);
  const engagement = peers.find((peer) => peer.metric === 'engagement');
  const section = el('section', { 'aria-labelledby': 'peers-title' }, el('h2', { id: 'peers-title', text: 'Engagement against peers' }));
  if (!engagement) {
    section.append(el('p', { class: 'muted', text: 'No peer comparison: engagement or peers unknown.' }));
    return section;
  }
  section.append(peerScale(engagement));
  if (engagement.percentile !== undefined) {
    const share = engagement.percentile;
    section.append(el('p', { text: `Higher than ${Number.isInteger(share) ? share : share.toFixed(1)}% of ${count(engagement.creators)} ${engagement.group}.` }));
  }
  return section;
}

function historySection(profile) {
  return el('section', { 'aria-labelledby': 'history-title' },
    el('h2', { id: 'history-title', text: 'Follower history' }), followerChart(profile.follower_history));
}

function audienceSection(profile) {
  const audience = profile.audience ?? {};
  return el('section', { 'aria-labelledby': 'audience-title' },
    el('h2', { id: 'audience-title', text: 'Audience' }),
    el('div', { class: 'bar-grid' },
      distributionBars('Countries', audience.countries),
      distributionBars('Languages', audience.languages),
      distributionBars('Genders', audience.genders),
      distributionBars('Ages', audience.ages),
      distributionBars('Interests', audience.interests)));
}

function collaborationSection(profile) {
  const record = profile.collaborations;
  const section = el('section', { 'aria-labelledby': 'collaboration-title' }, el('h2', { id: 'collaboration-title', text: 'Collaboration record' }));
  if (!record) {
    section.append(el('p', { class: 'muted', text: 'No collaboration record on file.' }));
  } else {
    section.append(el('dl', { class: 'facts' },
      fact('Completed deals', count(record.completed)),
      fact('Delivered late', count(record.late)),
      fact('Ghosted (took product or payment, went silent)', count(record.ghosted)),
      fact('Disputes', count(record.disputes))));
    if (record.brands?.length) section.append(el('p', { dir: 'auto', text: 'Brands: ' + record.brands.join(', ') }));
  }
  if (profile.blacklisted) {
    section.append(el('p', { class: 'warning', dir: 'auto',
      text: `Blacklisted since ${profile.blacklisted.since ?? '?'} by ${profile.blacklisted.source ?? '?'}: ${profile.blacklisted.reason ?? ''}` }));
  }
  const shop = profile.commerce;
  if (shop) {
    section.append(el('h3', { text: 'Shop' }), el('dl', { class: 'facts' },
      fact('GMV, last 30 days', usd(shop.gmv_30d_usd)),
      fact('Units sold, last 30 days', count(shop.units_sold_30d)),
      fact('GPM (GMV per 1,000 views)', usd(shop.gpm_usd)),
      fact('Sample fulfilment', percent(shop.sample_fulfilment_rate, 0)),
      fact('Response rate', percent(shop.response_rate, 0))));
  }
  return section;
}

function postsSection(profile) {
  const posts = profile.recent_posts ?? [];
  const section = el('section', { 'aria-labelledby': 'posts-title' }, el('h2', { id: 'posts-title', text: 'Recent posts' }));
  if (posts.length === 0) {
    section.append(el('p', { class: 'muted', text: 'No recent posts on file.' }));
    return section;
  }
  section.append(el('ol', { class: 'posts' }, posts.map((post) => el('li', {},
    el('p', { class: 'caption', dir: 'auto', text: post.caption ?? '' }),
    el('p', { class: 'muted', text: `${post.posted_at ?? ''} · ${count(post.likes)} likes · ${count(post.comments)} comments` +
      (post.views !== undefined ? ` · ${count(post.views)} views` : '') + (post.sponsored ? ' · sponsored' : '') })))));
  return section;
}

async function show() {
  const reference = new URLSearchParams(location.search).get('id');
  if (!reference) {
    replace(card, el('p', { role: 'alert', text: 'No creator given: open a card from the search results.' }));
    return;
  }
  try {
    const found = await api.creator(reference);
    const profile = Array.isArray(found) ? found[0] : found;
    // GET carries the whole risk report (RISK's); ask RISK only when it does not.
    const report = profile.risk?.checks ? { risk: profile.risk } : await api.risk(profile.id).catch(() => null);
    document.title = `@${profile.handle} — ${profile.name ?? 'creator'}`;
    replace(card, header(profile), about(profile), riskSection(report), peersSection(report), historySection(profile),
      audienceSection(profile), collaborationSection(profile), postsSection(profile));
  } catch (error) {
    replace(card, el('h1', { text: 'Creator not shown' }), el('p', { role: 'alert', text: error.message }));
  } finally {
    card.setAttribute('aria-busy', 'false');
  }
}

setUpSession();
show();
