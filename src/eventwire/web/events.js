// The events table (filter form, sortable columns, paging) and the event detail with its evidence.

import { apiGet } from "./api.js";
import { actorCode, actorsText, clear, el, fmtNumber, message, safeHref, section } from "./dom.js";

export const PLOVER_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];

// column -> the API's order key (ascending); descending is the same key with a leading "-"
const SORTABLE = { date: "date", confidence: "confidence" };

function typeLabel(event) {
  return `${event.plover || "STATEMENT"} ${event.cameo}`;
}

function placeText(event) {
  const loc = event.location;
  return loc ? [loc.name, loc.country].filter(Boolean).join(", ") : "—";
}

/**
 * A table of events. `onSelect(event, row)` is called when a row is clicked (or Enter is pressed);
 * `sort` is {order, onSort(order)} for sortable headers.
 */
export function eventsTable(items, { onSelect, sort } = {}) {
  const header = (label, key) => {
    if (!sort || !SORTABLE[key]) return el("th", { scope: "col" }, label);
    const asc = SORTABLE[key];
    const current = sort.order === asc ? "ascending" : sort.order === `-${asc}` ? "descending" : "none";
    const next = current === "descending" ? asc : `-${asc}`;
    return el(
      "th",
      { scope: "col", "aria-sort": current, class: "sortable" },
      el("button", { type: "button", class: "sort", dataset: { sort: key }, onclick: () => sort.onSort(next) }, label,
        current === "ascending" ? " ▲" : current === "descending" ? " ▼" : ""),
    );
  };
  const body = el("tbody");
  for (const event of items) {
    const row = el(
      "tr",
      { tabindex: 0, class: "event-row", dataset: { id: event.id } },
      el("td", { class: "num" }, String(event.id)),
      el("td", {}, event.date || "—"),
      el("td", {}, actorsText(event.source)),
      el("td", { class: `quad-${event.quad}` }, typeLabel(event)),
      el("td", {}, actorsText(event.target)),
      el("td", {}, event.evidence ? event.evidence.trigger.text : ""),
      el("td", {}, placeText(event)),
      el("td", { class: "num" }, fmtNumber(event.goldstein, 1)),
      el("td", { class: "num" }, fmtNumber(event.confidence, 2)),
      el("td", { class: "title" }, (event.document && event.document.title) || (event.document && event.document.source) || ""),
    );
    if (onSelect) {
      row.addEventListener("click", () => onSelect(event, row));
      row.addEventListener("keydown", (e) => {
        if (e.key === "Enter") onSelect(event, row);
      });
    }
    body.append(row);
  }
  return el(
    "table",
    { class: "events" },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        header("id"),
        header("date", "date"),
        header("source"),
        header("event"),
        header("target"),
        header("trigger"),
        header("place"),
        header("Goldstein", "goldstein"),
        header("conf.", "confidence"),
        header("article"),
      ),
    ),
    body,
  );
}

function ruleLine(label, value, rule) {
  return [el("dt", {}, label), el("dd", {}, value, rule ? el("span", { class: "rule" }, ` rule: ${rule}`) : null)];
}

function actorLines(role, actors) {
  if (!actors || !actors.length) return ruleLine(role, "unknown", null);
  return actors.flatMap((a) =>
    ruleLine(role, el("span", {}, el("q", {}, a.text), " → ", el("strong", {}, actorCode(a)), a.name ? ` (${a.name})` : ""), a.rule),
  );
}

/** The article body with the event's sentence, trigger, actors and place highlighted. */
function articleBody(article) {
  const box = el("div", { class: "article-body", tabindex: 0 });
  for (const segment of article.segments || [{ text: article.body, marks: [] }]) {
    if (!segment.marks.length) {
      box.append(document.createTextNode(segment.text));
      continue;
    }
    const tag = segment.marks.includes("sentence") ? "mark" : "span";
    box.append(el(tag, { class: segment.marks.map((m) => `m-${m}`).join(" ") }, segment.text));
  }
  return box;
}

/** Everything about one event: what, who, when, where, each with its rule; then the article. */
export function eventDetail(event) {
  const doc = event.document || {};
  const href = safeHref(doc.url);
  const loc = event.location;
  const flags = ["negated", "hypothetical"].filter((f) => event[f]);
  const facts = el(
    "dl",
    { class: "facts" },
    ruleLine("event", `${typeLabel(event)} (${event.mode || "no mode"}; quad ${event.quad}, Goldstein ${event.goldstein})`, event.rule),
    actorLines("source", event.source),
    actorLines("target", event.target),
    ruleLine("date", `${event.date || "unknown"} (${event.date_precision})`, event.date_rule || "—"),
    loc
      ? ruleLine("place", el("span", {}, el("q", {}, loc.text), ` → ${loc.name}${loc.country ? `, ${loc.country}` : ""}${loc.admin1 ? ` (${loc.admin1})` : ""}, ${loc.precision}`), loc.rule || "—")
      : ruleLine("place", "unknown", null),
    ruleLine("confidence", fmtNumber(event.confidence, 2), null),
    flags.length ? ruleLine("flags", flags.join(", "), null) : null,
    event.acled_event_type ? ruleLine("ACLED", `${event.acled_event_type} / ${event.acled_sub_event_type || "—"}`, null) : null,
  );
  const ev = event.evidence;
  const rel = ev.trigger.start - ev.start;
  const sentence =
    rel >= 0 && ev.sentence.slice(rel, rel + ev.trigger.text.length) === ev.trigger.text
      ? [ev.sentence.slice(0, rel), el("mark", { class: "m-trigger" }, ev.trigger.text), ev.sentence.slice(rel + ev.trigger.text.length)]
      : [ev.sentence];
  const article = event.article;
  const parts = [
    el("h2", {}, `Event ${event.id}: `, typeLabel(event)),
    facts,
    el("h3", {}, "Evidence"),
    el("blockquote", { class: "evidence" }, sentence),
  ];
  if (article) {
    parts.push(
      el("h3", { class: "article-title" }, article.title || "(untitled article)"),
      el("p", { class: "meta" }, [article.published, article.site, doc.source].filter(Boolean).join(" · "), " ",
        href ? el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, "original") : null),
      article.highlighted ? null : message("note", "The sentence could not be located in the article body."),
      articleBody(article),
    );
  }
  return el("article", { class: "event-detail", dataset: { id: event.id } }, parts);
}

/** Load one event into `box` and scroll its highlighted sentence into view. */
export async function showEvent(box, id) {
  clear(box).append(message("note", "Loading event…"));
  try {
    const event = await apiGet(`events/${encodeURIComponent(id)}`);
    clear(box).append(eventDetail(event));
    const body = box.querySelector(".article-body");
    const mark = box.querySelector(".article-body mark");
    if (body && mark) body.scrollTop = Math.max(0, mark.offsetTop - body.offsetTop - 40);
  } catch (error) {
    clear(box).append(message("error", error.message));
  }
}

const FILTER_FIELDS = [
  ["actor", "actor", "USA, MIL, IRQ/GOV"],
  ["dyad", "dyad", "USA-IRQ"],
  ["text", "full text", "words in the article"],
  ["since", "since", "2020-01"],
  ["until", "until", "2020-12"],
];

function filterForm(params, onApply) {
  const inputs = {};
  const fields = FILTER_FIELDS.map(([name, label, placeholder]) => {
    inputs[name] = el("input", { name, id: `f-${name}`, value: params.get(name) || "", placeholder, autocomplete: "off" });
    return el("label", { for: `f-${name}` }, label, inputs[name]);
  });
  const plover = el("select", { name: "plover", id: "f-plover" }, el("option", { value: "" }, "any type"),
    PLOVER_TYPES.map((t) => el("option", { value: t, selected: params.get("plover") === t }, t)));
  const quad = el("select", { name: "quad", id: "f-quad" }, el("option", { value: "" }, "any quad"),
    [1, 2, 3, 4].map((q) => el("option", { value: q, selected: params.get("quad") === String(q) }, `quad ${q}`)));
  const modal = el("input", { type: "checkbox", name: "include_modal", id: "f-modal", checked: params.get("include_modal") === "true" });
  inputs.plover = plover;
  inputs.quad = quad;
  const form = el(
    "form",
    { class: "filters", id: "event-filters" },
    fields,
    el("label", { for: "f-plover" }, "type", plover),
    el("label", { for: "f-quad" }, "quad", quad),
    el("label", { for: "f-modal", class: "inline" }, modal, " negated and hypothetical too"),
    el("button", { type: "submit" }, "Apply"),
    el("button", { type: "reset" }, "Clear"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = {};
    for (const [name, input] of Object.entries(inputs)) if (input.value.trim()) next[name] = input.value.trim();
    if (modal.checked) next.include_modal = "true";
    onApply(next);
  });
  form.addEventListener("reset", (e) => {
    e.preventDefault();
    onApply({});
  });
  return form;
}

/** #/events?actor=..&plover=..&order=..&offset=..: filters, table, pager and the detail panel. */
export async function eventsView(main, route, navigate) {
  const params = route.params;
  const limit = 50;
  const offset = Math.max(0, Number(params.get("offset")) || 0);
  const order = params.get("order") || "-date";
  const current = Object.fromEntries([...params.entries()].filter(([k]) => k !== "offset"));
  const go = (changes) => navigate("events", { ...current, ...changes });
  const detail = el("div", { class: "detail", id: "event-detail" }, message("note", "Click an event to see its evidence."));
  const tableBox = el("div", { class: "table-box" });
  main.append(
    el("h1", {}, "Events"),
    filterForm(params, (filters) => navigate("events", { ...filters, order })),
    el("div", { class: "split" }, section("Coded events", tableBox), detail),
  );
  const query = { ...current, order, limit, offset };
  const data = await apiGet("events", query);
  const table = eventsTable(data.items, {
    onSelect: (event, row) => {
      for (const other of tableBox.querySelectorAll("tr.selected")) other.classList.remove("selected");
      row.classList.add("selected");
      showEvent(detail, event.id);
    },
    sort: { order, onSort: (next) => go({ order: next, offset: 0 }) },
  });
  const last = Math.min(offset + data.items.length, data.total);
  tableBox.append(
    el("p", { class: "count", id: "event-count" }, `${fmtNumber(data.total)} events`, data.total ? ` (showing ${offset + 1}–${last})` : ""),
    data.items.length ? table : message("note", "No event matches these filters."),
    el(
      "nav",
      { class: "pager" },
      el("button", { type: "button", disabled: offset === 0, onclick: () => go({ offset: Math.max(0, offset - limit) }) }, "← previous"),
      el("button", { type: "button", disabled: last >= data.total, onclick: () => go({ offset: offset + limit }) }, "next →"),
    ),
  );
  if (params.get("id")) showEvent(detail, params.get("id"));
}
