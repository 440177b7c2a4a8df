// Editing query text the way a person would: the filter controls read and write top-level
// clauses (`platform:tiktok,instagram`, `-flag:bought_followers`, `sort:-er`) of the query
// in the box, so what a click does is always visible as query language. The server parses
// the result; this file only needs to find clauses, never to validate them.

/** Top-level clauses of `text`: [{text, start, end}] split at spaces outside quotes and
 * parentheses (a parenthesised group or a phrase is one clause). */
export function clauses(text) {
  const found = [];
  let start = -1;
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (start < 0) {
      if (/\s/.test(c)) continue;
      start = i;
    }
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') {
      quoted = true;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth = Math.max(0, depth - 1);
    } else if (/\s/.test(c) && depth === 0) {
      found.push({ text: text.slice(start, i), start, end: i });
      start = -1;
    }
  }
  if (start >= 0) found.push({ text: text.slice(start), start, end: text.length });
  return found;
}

const qualifierPattern = /^(-?)([A-Za-z][A-Za-z.]*):(.*)$/s;

/** `{negated, name, value}` of a `name:value` clause (name lower-cased), else null. */
export function qualifier(clauseText) {
  const match = qualifierPattern.exec(clauseText);
  if (!match) return null;
  return { negated: match[1] === '-', name: match[2].toLowerCase(), value: match[3] };
}

const directives = new Set(['sort', 'limit', 'offset']);

/** Whether a clause is a directive (`sort:`, `limit:`, `offset:`), which must come last. */
export function isDirective(clauseText) {
  const parsed = qualifier(clauseText);
  return parsed !== null && !parsed.negated && directives.has(parsed.name);
}

/** The value of the first top-level clause `name:` (with `negated` matching), else null. */
export function clauseValue(text, name, negated = false) {
  for (const clause of clauses(text)) {
    const parsed = qualifier(clause.text);
    if (parsed && parsed.name === name && parsed.negated === negated && !joinedByOr(text, clause)) return parsed.value;
  }
  return null;
}

/** All top-level values of `name:` clauses, e.g. every `aud.country:` clause. */
export function clauseValues(text, name, negated = false) {
  return clauses(text)
    .map((clause) => qualifier(clause.text))
    .filter((parsed) => parsed && parsed.name === name && parsed.negated === negated)
    .map((parsed) => parsed.value);
}

function joinedByOr(text, clause) {
  const all = clauses(text);
  const index = all.findIndex((other) => other.start === clause.start);
  return all[index - 1]?.text === 'OR' || all[index + 1]?.text === 'OR';
}

/** `text` with the top-level `name:` clause (of that negation) replaced by `replacement`
 * (a whole clause such as `platform:tiktok`, or '' to remove it) where it stands; when there
 * is none, the replacement goes where filters go: after the rest and before the directives.
 * A clause that is one side of an `OR` is the user's own construction and stays. When the
 * rest has a top-level `OR`, it is parenthesised first, so a new filter applies to the
 * whole query and not to its last branch. */
export function setClause(text, name, replacement, negated = false) {
  const kept = [];
  const trailing = [];
  let replaced = false;
  for (const clause of clauses(text)) {
    const parsed = qualifier(clause.text);
    if (parsed && parsed.name === name && parsed.negated === negated && !joinedByOr(text, clause)) {
      if (!replaced && replacement) (isDirective(clause.text) ? trailing : kept).push(replacement);
      replaced = true;
      continue;
    }
    (isDirective(clause.text) ? trailing : kept).push(clause.text);
  }
  if (replaced) return [...kept, ...trailing].join(' ');
  if (replacement && isDirective(replacement)) return [...kept, ...trailing, replacement].join(' ');
  return assemble(kept, replacement ? [replacement] : [], trailing);
}

/** `text` with `addition` (a clause) added among the filters, keeping clauses already there. */
export function addClause(text, addition) {
  const kept = [];
  const trailing = [];
  for (const clause of clauses(text)) (isDirective(clause.text) ? trailing : kept).push(clause.text);
  return assemble(kept, [addition], trailing);
}

/** `text` with directive `name:` set to `value` (null removes it). */
export function setDirective(text, name, value) {
  return setClause(text, name, value === null ? '' : `${name}:${value}`);
}

function assemble(kept, added, trailing) {
  let filters = kept;
  if (added.length > 0 && kept.includes('OR')) filters = [`(${kept.join(' ')})`];
  return [...filters, ...added, ...trailing].join(' ');
}

/** Grapheme-cluster offsets (how the server counts columns) → UTF-16 offsets in `text`
 * (how the browser's input counts them). Returns [start, end] for a {start, end} span. */
export function graphemeSpanToUtf16(text, span) {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const offsets = [];
  for (const { index } of segmenter.segment(text)) offsets.push(index);
  offsets.push(text.length);
  const at = (position) => offsets[Math.max(0, Math.min(position, offsets.length - 1))];
  return [at(span.start), at(span.end)];
}

const wideCharacter = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF01-\uFF60\uFFE0-\uFFE6]|\p{Extended_Pictographic}/u;

/** Cells `text` takes in a monospace font: East Asian wide characters and emoji take two
 * (as the command line aligns its caret line). */
export function displayWidth(text) {
  let cells = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    cells += wideCharacter.test(segment) ? 2 : 1;
  }
  return cells;
}
