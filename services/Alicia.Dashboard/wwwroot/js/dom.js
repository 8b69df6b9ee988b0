// Tiny DOM helpers. Everything that came from the bus goes in as text, never as markup.

/**
 * Creates an element. attrs: class, text, dataset, style (an object), on<Event> handlers, and plain attributes
 * (false/null/undefined leave an attribute out). Children may be nodes, strings or nested arrays.
 */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    // Through the CSSOM: the page's content security policy forbids style attributes in markup.
    else if (name === 'style') Object.assign(element.style, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

/** An inline SVG icon from a single path (the icons are drawn on a 24 x 24 grid). */
export function icon(path) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const shape = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  shape.setAttribute('d', path);
  svg.append(shape);
  return svg;
}

/** Replaces an element's children; like h(), it skips null, undefined and false. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** Shows a short message in the corner for a few seconds. */
export function toast(message, kind = 'info') {
  const box = $('#toasts');
  const item = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status', text: message });
  box.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 7000 : 4000);
}
