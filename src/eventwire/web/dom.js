// DOM helpers. Every string that reaches the page becomes a text node: there is no innerHTML here,
// so titles, bodies and names from the database are always shown as text, never parsed as markup.

const SVG_NS = "http://www.w3.org/2000/svg";

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else if (key === "style" || key.startsWith("on") || key === "innerHTML") {
      throw new Error(`el(): attribute ${key} is not allowed`);
    } else if (key === "dataset") {
      for (const [k, v] of Object.entries(value)) node.dataset[k] = String(v);
    } else {
      node.setAttribute(key, value === true ? "" : String(value));
    }
  }
}

export function append(node, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: el("a", {href: "#/events", class: "x"}, "text", otherNode). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  return append(node, children);
}

/** An SVG element, same calling convention as el(). */
export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  return append(node, children);
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** A link target from the database, only when it is an http(s) URL (never javascript: or data:). */
export function safeHref(url) {
  if (typeof url !== "string") return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export function fmtNumber(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return Number(value).toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** "USA/GOV" for an actor record, "—" when nothing is known. */
export function actorCode(actor) {
  if (!actor) return "—";
  const country = actor.country || "---";
  return actor.sector ? `${country}/${actor.sector}` : country;
}

export function actorsText(actors) {
  return actors && actors.length ? actors.map(actorCode).join(", ") : "—";
}

export const QUAD_COLORS = { 1: "#3b7dd8", 2: "#2e9e5b", 3: "#e08a1e", 4: "#c8372d" };
export const QUAD_NAMES = {
  1: "verbal cooperation",
  2: "material cooperation",
  3: "verbal conflict",
  4: "material conflict",
};

export function section(title, ...children) {
  return el("section", { class: "panel" }, el("h2", {}, title), ...children);
}

export function message(kind, text) {
  return el("p", { class: `message ${kind}`, role: kind === "error" ? "alert" : "status" }, text);
}
