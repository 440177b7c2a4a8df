// Building the page without ever parsing data as HTML: every text from the index (names,
// bios, captions, handles, error messages) goes in through text nodes, so a bio holding
// `<script>` shows those characters and runs nothing. No function here sets innerHTML.

/** Creates an element: `attributes` become attributes (`class`, `for`, `aria-*`, ...),
 * except `text` (the textContent), `dataset`, and `on<event>` (listeners, never attributes).
 * Children may be nodes, strings (as text), arrays, or null/undefined/false (skipped). */
export function el(tag, attributes = {}, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

/** The same for SVG elements (charts). */
export function svg(tag, attributes = {}, ...children) {
  return fill(document.createElementNS('http://www.w3.org/2000/svg', tag), attributes, children);
}

function fill(node, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name.startsWith('on')) throw new Error(`refusing to set the event attribute ${name}`);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/** Appends children as `el` takes them. */
export function append(node, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Removes every child, then appends the new ones. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** The element with this id (throws when the page lacks it: a bug, not a user error). */
export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`no element #${id}`);
  return node;
}

/** A link to a creator's card. Ids are URL-encoded, so no id can change the link's target. */
export function creatorLink(id, label) {
  return el('a', { href: '/creator?id=' + encodeURIComponent(id), text: label });
}
