// Numbers as marketers read them. Unknown values (null/undefined/NaN) show as an en dash.

const dash = '–';
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

export function known(value) {
  return value !== null && value !== undefined && !Number.isNaN(value);
}

/** 48,200 */
export function count(value) {
  return known(value) ? whole.format(value) : dash;
}

/** 48.2K */
export function short(value) {
  return known(value) ? compact.format(value) : dash;
}

/** A share 0…1 as a percent: 0.0387 → "3.87%" (digits: decimals kept). */
export function percent(value, digits = 1) {
  return known(value) ? `${(value * 100).toFixed(digits)}%` : dash;
}

/** $1,250 */
export function usd(value) {
  return known(value) ? money.format(value) : dash;
}

/** Milliseconds with a sensible precision. */
export function milliseconds(value) {
  if (!known(value)) return dash;
  return value < 10 ? `${value.toFixed(2)} ms` : `${Math.round(value)} ms`;
}

/** A 0…1 score part with two decimals. */
export function decimal(value, digits = 2) {
  return known(value) ? Number(value).toFixed(digits) : dash;
}
