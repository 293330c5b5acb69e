// The dashboard's views besides Events: Overview, Dyad, Network, Map, Ingest and one event's page.

import { apiGet, apiUpload, getToken, setToken } from "./api.js";
import { fillMonths, networkChart, timeChart, worldMap } from "./charts.js";
import { QUAD_COLORS, clear, el, fmtNumber, message, section } from "./dom.js";
import { PLOVER_TYPES, eventsTable, showEvent } from "./events.js";

function card(label, value, id) {
  return el("div", { class: "card", id }, el("span", { class: "value" }, fmtNumber(value)), el("span", { class: "label" }, label));
}

function countOf(item) {
  return item.count ?? item.events ?? item.n ?? 0;
}

/** Series values for each period, from timeseries rows keyed by period; `missing` where none. */
function byPeriod(rows, periods, value, missing = 0) {
  const index = new Map(rows.map((r) => [r.period, r]));
  return periods.map((p) => (index.has(p) ? value(index.get(p)) : missing));
}

function errorsTable(errors) {
  return el(
    "table",
    { class: "errors" },
    el("thead", {}, el("tr", {}, ["source", "stage", "type", "message", "last seen"].map((h) => el("th", { scope: "col" }, h)))),
    el(
      "tbody",
      {},
      errors.map((e) => el("tr", {}, el("td", {}, e.source), el("td", {}, e.stage), el("td", {}, e.error_type), el("td", {}, e.message), el("td", {}, e.last_seen || ""))),
    ),
  );
}

/** The dyad parameter of an aggregation row: "USA-IRQ" ("---" for an unknown country). */
function dyadLabel(item) {
  return `${item.source || "---"}-${item.target || "---"}`;
}

/** How a dyad reads on the page: "USA → IRQ", "unknown → IRQ". */
function dyadText(item) {
  const name = (code) => (!code || code === "---" ? "unknown" : code);
  return `${name(item.source)} → ${name(item.target)}`;
}

export async function overviewView(main, route, navigate) {
  const [stats, series, dyads, types] = await Promise.all([
    apiGet("stats/overview"),
    apiGet("timeseries", { by: "month" }),
    apiGet("dyads"),
    apiGet("types"),
  ]);
  const periods = fillMonths(series.items.map((r) => r.period).filter(Boolean));
  const coop = byPeriod(series.items, periods, (r) => (r.quad1 || 0) + (r.quad2 || 0));
  const conflict = byPeriod(series.items, periods, (r) => (r.quad3 || 0) + (r.quad4 || 0));
  main.append(
    el("h1", {}, "Overview"),
    el("div", { class: "cards" }, card("documents", stats.documents, "count-documents"), card("events", stats.events, "count-events"),
      card("claims", stats.claims, "count-claims"), card("errors", stats.errors, "count-errors")),
    section(
      "Conflict and cooperation per month",
      periods.length
        ? timeChart({
            periods,
            series: [
              { name: "cooperation (quad 1+2)", color: QUAD_COLORS[2], values: coop },
              { name: "conflict (quad 3+4)", color: QUAD_COLORS[4], values: conflict },
            ],
            label: "Events per month by quad class: cooperation (1+2) against conflict (3+4).",
          })
        : message("note", "No dated events yet: ingest some documents (try `eventwire demo`)."),
    ),
    el(
      "div",
      { class: "columns" },
      section(
        "Top dyads",
        el(
          "table",
          { class: "dyads" },
          el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "dyad"), el("th", { scope: "col" }, "events"))),
          el(
            "tbody",
            {},
            dyads.items.slice(0, 12).map((d) =>
              el("tr", {}, el("td", {}, el("a", { href: `#/dyad?dyad=${encodeURIComponent(dyadLabel(d))}` }, dyadText(d))), el("td", { class: "num" }, fmtNumber(countOf(d)))),
            ),
          ),
        ),
      ),
      section(
        "Event types",
        el(
          "table",
          { class: "types" },
          el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "type"), el("th", { scope: "col" }, "events"))),
          el(
            "tbody",
            {},
            types.items.slice(0, 16).map((t) => {
              const type = t.plover || "STATEMENT";
              const link = t.plover ? el("a", { href: `#/events?plover=${encodeURIComponent(t.plover)}` }, type) : type;
              return el("tr", {}, el("td", {}, link, t.cameo ? ` ${t.cameo}` : ""), el("td", { class: "num" }, fmtNumber(countOf(t))));
            }),
          ),
        ),
      ),
    ),
    section("Recent errors", stats.recent_errors.length ? errorsTable(stats.recent_errors) : message("note", "No ingest errors recorded.")),
  );
}

export async function dyadView(main, route, navigate) {
  const params = route.params;
  const dyads = await apiGet("dyads");
  const known = dyads.items.filter((d) => d.source !== "---" && d.target !== "---");
  const dyad = (params.get("dyad") || (known[0] ? dyadLabel(known[0]) : "USA-IRQ")).toUpperCase();
  const undirected = params.get("undirected") === "true";
  const by = params.get("by") || "month";
  const input = el("input", { id: "dyad-input", name: "dyad", value: dyad, placeholder: "USA-IRQ", list: "dyad-list", autocomplete: "off" });
  const both = el("input", { type: "checkbox", id: "dyad-undirected", checked: undirected });
  const period = el("select", { id: "dyad-by" }, ["week", "month", "year"].map((b) => el("option", { value: b, selected: b === by }, b)));
  const form = el(
    "form",
    { class: "filters", id: "dyad-form" },
    el("label", { for: "dyad-input" }, "pair (source-target)", input),
    el("datalist", { id: "dyad-list" }, dyads.items.slice(0, 50).map((d) => el("option", { value: dyadLabel(d) }, dyadText(d)))),
    el("label", { for: "dyad-undirected", class: "inline" }, both, " both directions"),
    el("label", { for: "dyad-by" }, "per", period),
    el("button", { type: "submit" }, "Show"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    navigate("dyad", { dyad: input.value.trim().toUpperCase(), undirected: both.checked ? "true" : "", by: period.value });
  });
  const filter = { dyad, undirected: undirected ? "true" : "" };
  const [series, events] = await Promise.all([apiGet("timeseries", { ...filter, by }), apiGet("events", { ...filter, limit: 200, order: "date" })]);
  const raw = series.items.map((r) => r.period).filter(Boolean);
  const periods = by === "month" ? fillMonths(raw) : raw;
  const detail = el("div", { class: "detail", id: "event-detail" }, message("note", "Click an event to see its evidence."));
  main.append(
    el("h1", {}, "Dyad ", el("span", { id: "dyad-name" }, dyad), undirected ? " (both directions)" : ""),
    form,
    el(
      "div",
      { class: "quick" },
      "Busiest pairs: ",
      known.slice(0, 8).map((d) => el("a", { href: `#/dyad?dyad=${encodeURIComponent(dyadLabel(d))}`, class: "chip" }, `${dyadText(d)} (${countOf(d)})`)),
    ),
  );
  if (!periods.length) {
    main.append(message("note", `No dated events for ${dyad}.`));
  } else {
    main.append(
      section(
        `Events and Goldstein per ${by}`,
        timeChart({
          periods,
          series: [{ name: "events", color: "#8a9bb0", kind: "bar", values: byPeriod(series.items, periods, (r) => r.count) }],
          height: 200,
          label: `Events per ${by}, ${dyad}.`,
        }),
        timeChart({
          periods,
          series: [
            { name: "Goldstein sum", color: QUAD_COLORS[4], values: byPeriod(series.items, periods, (r) => r.goldstein_sum) },
            { name: "Goldstein mean", color: QUAD_COLORS[1], values: byPeriod(series.items, periods, (r) => (r.count ? r.goldstein_mean : null), null) },
          ],
          height: 220,
          label: `Goldstein scale (-10 conflict to +10 cooperation) per ${by}, ${dyad}.`,
        }),
      ),
    );
  }
  const list = events.items.length
    ? eventsTable(events.items, {
        onSelect: (event, row) => {
          for (const other of main.querySelectorAll("tr.selected")) other.classList.remove("selected");
          row.classList.add("selected");
          showEvent(detail, event.id);
        },
      })
    : message("note", "No events.");
  main.append(el("div", { class: "split" }, section(`Events (${fmtNumber(events.total)})`, el("div", { class: "table-box" }, list)), detail));
}

export async function networkView(main, route, navigate) {
  const params = route.params;
  const filters = {};
  for (const key of ["since", "until", "plover", "quad"]) if (params.get(key)) filters[key] = params.get(key);
  const since = el("input", { id: "net-since", value: filters.since || "", placeholder: "2020-01" });
  const until = el("input", { id: "net-until", value: filters.until || "", placeholder: "2020-12" });
  const plover = el("select", { id: "net-plover" }, el("option", { value: "" }, "any type"), PLOVER_TYPES.map((t) => el("option", { value: t, selected: filters.plover === t }, t)));
  const form = el(
    "form",
    { class: "filters" },
    el("label", { for: "net-since" }, "since", since),
    el("label", { for: "net-until" }, "until", until),
    el("label", { for: "net-plover" }, "type", plover),
    el("button", { type: "submit" }, "Apply"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    navigate("network", { since: since.value.trim(), until: until.value.trim(), plover: plover.value });
  });
  const data = await apiGet("network", filters);
  main.append(
    el("h1", {}, "Actor network"),
    form,
    section(
      `${data.nodes.length} actors, ${data.edges.length} directed links`,
      data.nodes.length
        ? networkChart(data, { onNode: (node) => navigate("events", { actor: node.id }) })
        : message("note", "No events with known source and target."),
      el("p", { class: "hint" }, "One link per source, target and quad class: its width is the number of events, its color the quad class; arrows point at the target. Click an actor to list its events."),
    ),
  );
}

export async function mapView(main, route, navigate) {
  const fitAll = route.params.get("world") === "true";
  const [world, events] = await Promise.all([
    fetch("world-110m.json").then((r) => {
      if (!r.ok) throw new Error(`world outline: ${r.status}`);
      return r.json();
    }),
    apiGet("events", { limit: 5000, order: "date" }),
  ]);
  const located = events.items.filter((e) => e.location && typeof e.location.lat === "number" && typeof e.location.lon === "number");
  // events at the same place are spread on a small spiral so each stays clickable
  const seen = new Map();
  const points = located.map((e) => {
    const key = `${e.location.lat},${e.location.lon}`;
    const k = seen.get(key) || 0;
    seen.set(key, k + 1);
    const angle = k * 2.4;
    const step = 0.35 * Math.sqrt(k);
    return {
      id: e.id,
      lat: e.location.lat + step * Math.sin(angle),
      lon: e.location.lon + step * Math.cos(angle),
      type: e.plover,
      title: `${e.date || "undated"} ${e.plover || "STATEMENT"} ${e.cameo} at ${e.location.name}: ${e.evidence.sentence}`,
    };
  });
  main.append(
    el("h1", {}, "Map"),
    el(
      "p",
      { class: "hint" },
      `${fmtNumber(located.length)} of ${fmtNumber(events.items.length)} events have a place. `,
      el("a", { href: fitAll ? "#/map" : "#/map?world=true", id: "map-zoom" }, fitAll ? "Zoom to the events" : "Whole world"),
    ),
    section(
      "Events by type",
      worldMap(world, points, { types: [...PLOVER_TYPES, "STATEMENT"], fitAll, onPoint: (p) => navigate(`event/${p.id}`, {}) }),
      el("p", { class: "hint" }, "Outline: Natural Earth 1:110m (public domain). Click a point to open its event."),
    ),
  );
}

export async function eventView(main, route) {
  const box = el("div", { class: "detail wide", id: "event-detail" });
  main.append(el("p", {}, el("a", { href: "#/events" }, "← all events")), box);
  await showEvent(box, route.arg);
}

function summaryView(result) {
  const rows = [...result.files.map((f) => ({ name: f.name, ...f })), ...result.urls.map((u) => ({ name: u.url, documents: [], added: 0, skipped: 0, events: 0, errors: u.errors }))];
  return el(
    "div",
    { class: "summary", id: "ingest-summary" },
    el("p", { class: "counts" }, `${result.added} new documents, ${result.skipped} already stored, ${result.events} events, ${result.errors.length} errors`),
    el(
      "table",
      { class: "files" },
      el("thead", {}, el("tr", {}, ["input", "documents", "events", "errors"].map((h) => el("th", { scope: "col" }, h)))),
      el(
        "tbody",
        {},
        rows.map((r) =>
          el(
            "tr",
            { class: r.errors.length ? "failed" : "ok" },
            el("td", {}, r.name),
            el("td", {}, r.documents.map((id) => el("a", { href: `#/events?document_id=${id}`, class: "doc-link" }, `#${id} `))),
            el("td", { class: "num" }, String(r.events)),
            el("td", {}, r.errors.map((e) => el("div", { class: "error-line" }, `${e.error_type} (${e.stage}): ${e.message}`))),
          ),
        ),
      ),
    ),
  );
}

export async function ingestView(main) {
  const token = el("input", { type: "password", id: "ingest-token", value: getToken(), autocomplete: "off", placeholder: "the server's --token" });
  const files = el("input", { type: "file", id: "ingest-files", multiple: true });
  const urls = el("textarea", { id: "ingest-urls", rows: 3, placeholder: "https://example.org/article (one per line)" });
  const progress = el("progress", { id: "ingest-progress", max: 1, value: 0, hidden: true });
  const status = el("div", { id: "ingest-status", "aria-live": "polite" });
  const submit = el("button", { type: "submit", id: "ingest-submit" }, "Ingest");
  const form = el(
    "form",
    { class: "ingest", id: "ingest-form" },
    el("label", { for: "ingest-token" }, "Token", token),
    el("label", { for: "ingest-files" }, "Files (HTML, text, feeds, JSON Lines, WARC)", files),
    el("label", { for: "ingest-urls" }, "URLs", urls),
    submit,
    progress,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    setToken(token.value.trim());
    const header = document.getElementById("token");
    if (header) header.value = token.value.trim();
    const data = new FormData();
    for (const file of files.files) data.append("files", file, file.name);
    if (urls.value.trim()) data.append("urls", urls.value);
    if (!files.files.length && !urls.value.trim()) {
      clear(status).append(message("error", "Choose files or enter URLs first."));
      return;
    }
    submit.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    clear(status).append(message("note", "Uploading…"));
    try {
      const result = await apiUpload(data, (fraction) => {
        progress.value = fraction;
        if (fraction >= 1) clear(status).append(message("note", "Uploaded; extracting and coding…"));
      });
      progress.value = 1;
      clear(status).append(summaryView(result));
    } catch (error) {
      clear(status).append(message("error", `${error.status ? `${error.status}: ` : ""}${error.message}`));
    } finally {
      submit.disabled = false;
      progress.hidden = true;
    }
  });
  main.append(
    el("h1", {}, "Ingest"),
    section("Upload documents", el("p", { class: "hint" }, "Writes need the token the server was started with (eventwire serve --token or $EVENTWIRE_TOKEN)."), form, status),
  );
}

