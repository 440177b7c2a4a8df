// Charts as inline SVG and plain elements, built with DOM calls (no library, no HTML
// strings). Sizes and colours are set through attributes and the CSSOM (element.style),
// which the Content-Security-Policy allows, unlike style attributes in markup.

import { el, svg } from './dom.js';
import { count, percent, short } from './format.js';

/** A line chart of follower counts over time: `points` is [[date, followers], ...]. */
export function followerChart(points, { width = 640, height = 220 } = {}) {
  const figure = el('figure', { class: 'chart' });
  if (!points || points.length < 2) {
    figure.append(el('p', { class: 'muted', text: 'No follower history on file.' }));
    return figure;
  }
  const pad = { left: 64, right: 16, top: 12, bottom: 28 };
  const times = points.map(([date]) => Date.parse(date));
  const values = points.map(([, value]) => value);
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  let [v0, v1] = [Math.min(...values), Math.max(...values)];
  if (v0 === v1) { v0 -= 1; v1 += 1; }
  const x = (t) => pad.left + ((t - t0) / Math.max(1, t1 - t0)) * (width - pad.left - pad.right);
  const y = (v) => pad.top + (1 - (v - v0) / (v1 - v0)) * (height - pad.top - pad.bottom);

  const first = points[0];
  const last = points[points.length - 1];
  const label = `Follower history: ${count(first[1])} on ${first[0]}, ${count(last[1])} on ${last[0]} ` +
    `(lowest ${count(Math.min(...values))}, highest ${count(Math.max(...values))}).`;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, class: 'line-chart' });
  chart.append(svg('title', { text: label }));

  for (const v of [v0, (v0 + v1) / 2, v1]) {
    chart.append(svg('line', { x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v), class: 'grid' }));
    chart.append(svg('text', { x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis', text: short(v) }));
  }
  chart.append(svg('text', { x: pad.left, y: height - 8, class: 'axis', text: first[0] }));
  chart.append(svg('text', { x: width - pad.right, y: height - 8, 'text-anchor': 'end', class: 'axis', text: last[0] }));

  const path = points.map(([, v], i) => `${i === 0 ? 'M' : 'L'}${x(times[i]).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  chart.append(svg('path', { d: path, class: 'line' }));
  points.forEach(([date, v], i) => {
    const dot = svg('circle', { cx: x(times[i]), cy: y(v), r: 2.5, class: 'dot' });
    dot.append(svg('title', { text: `${date}: ${count(v)}` }));
    chart.append(dot);
  });
  figure.append(chart);
  return figure;
}

/** Horizontal bars of a distribution ({key: share}), largest first, `other` last. */
export function distributionBars(title, distribution) {
  const section = el('section', { class: 'bars', 'aria-label': title }, el('h3', { text: title }));
  const entries = Object.entries(distribution ?? {})
    .filter(([, share]) => typeof share === 'number')
    .sort(([a, x], [b, y]) => (a === 'other') - (b === 'other') || y - x);
  if (entries.length === 0) {
    section.append(el('p', { class: 'muted', text: 'Unknown.' }));
    return section;
  }
  const list = el('dl');
  for (const [key, share] of entries) {
    const bar = el('span', { class: 'bar' });
    bar.style.width = `${Math.max(0, Math.min(1, share)) * 100}%`;
    list.append(
      el('dt', { text: key }),
      el('dd', {}, el('span', { class: 'track', role: 'presentation' }, bar), el('span', { class: 'value', text: percent(share) })),
    );
  }
  section.append(list);
  return section;
}

/** Where a value sits among its peers: the middle half as a band, the typical value as a
 * tick and the creator as a marker, on a logarithmic scale (rates span orders of magnitude). */
export function peerScale(peer, format = percent) {
  const figure = el('figure', { class: 'peer-scale' });
  const [low, high] = peer.middle_half ?? [peer.typical, peer.typical];
  const values = [peer.value, peer.typical, low, high].filter((v) => v > 0);
  if (values.length === 0) return figure;
  const lo = Math.log(Math.min(...values) / 1.5);
  const hi = Math.log(Math.max(...values) * 1.5);
  const at = (v) => 10 + ((Math.log(Math.max(v, 1e-9)) - lo) / (hi - lo)) * 580;
  const label = `${format(peer.value)} against a typical ${format(peer.typical)} for ${peer.group} ` +
    `(middle half ${format(low)} to ${format(high)}, ${peer.creators} creators)`;
  const chart = svg('svg', { viewBox: '0 0 600 56', role: 'img', 'aria-label': label, class: 'scale' });
  chart.append(svg('title', { text: label }));
  chart.append(svg('line', { x1: 10, x2: 590, y1: 24, y2: 24, class: 'axis-line' }));
  chart.append(svg('rect', { x: at(low), y: 14, width: Math.max(2, at(high) - at(low)), height: 20, class: 'band' }));
  chart.append(svg('line', { x1: at(peer.typical), x2: at(peer.typical), y1: 10, y2: 38, class: 'typical' }));
  chart.append(svg('text', { x: at(peer.typical), y: 52, 'text-anchor': 'middle', class: 'axis', text: `typical ${format(peer.typical)}` }));
  chart.append(svg('circle', { cx: at(peer.value), cy: 24, r: 7, class: 'marker' }));
  chart.append(svg('text', { x: at(peer.value), y: 8, 'text-anchor': 'middle', class: 'axis strong', text: format(peer.value) }));
  figure.append(chart, el('figcaption', { text: label }));
  return figure;
}

/** The overlap heat map of an OVERLAP document: a table whose cell (a, b) is the share of
 * a's audience that also follows b, shaded by that share. */
export function overlapHeatMap(document) {
  const members = document.members ?? [];
  const table = el('table', { class: 'heatmap' });
  table.append(el('caption', { text: 'Audience overlap: row creator’s audience that also follows the column creator' }));
  const head = el('tr', {}, el('td'));
  for (const member of members) head.append(el('th', { scope: 'col', text: '@' + member.handle }));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  members.forEach((member, a) => {
    const row = el('tr', {}, el('th', { scope: 'row', text: '@' + member.handle }));
    members.forEach((other, b) => {
      const share = document.matrix?.[a]?.[b];
      const cell = el('td', { text: a === b ? '—' : percent(share, 0) });
      if (a !== b && typeof share === 'number') {
        cell.style.backgroundColor = `hsl(12 80% ${Math.round(97 - Math.min(1, share * 2) * 47)}%)`;
        cell.title = `${percent(share)} of @${member.handle}'s audience also follows @${other.handle}`;
      } else {
        cell.className = 'empty';
      }
      row.append(cell);
    });
    body.append(row);
  });
  table.append(body);
  return table;
}
