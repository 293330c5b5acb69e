// Charts drawn as inline SVG by hand: a time chart (lines and bars), the actor network and the
// world map. No library, nothing fetched from elsewhere; labels are text nodes.

import { QUAD_COLORS, QUAD_NAMES, el, svg } from "./dom.js";

const WIDTH = 1000;

function niceStep(span, count) {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Round ticks covering [low, high]. */
export function ticks(low, high, count = 5) {
  if (low === high) high = low + 1;
  const step = niceStep(high - low, count);
  const out = [];
  for (let v = Math.floor(low / step) * step; v <= high + step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  if (out[out.length - 1] < high) out.push(out[out.length - 1] + step);
  return out;
}

/** Every month from the first to the last "YYYY-MM" period, so gaps show as zero. */
export function fillMonths(periods) {
  const months = periods.filter((p) => /^\d{4}-\d{2}$/.test(p)).sort();
  if (months.length !== periods.length || months.length < 2) return periods;
  const out = [];
  let [year, month] = months[0].split("-").map(Number);
  const last = months[months.length - 1];
  for (let guard = 0; guard < 1200; guard += 1) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    out.push(key);
    if (key === last) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

function legend(series) {
  return el(
    "ul",
    { class: "legend" },
    series.map((s) => el("li", {}, svg("svg", { width: 12, height: 12, "aria-hidden": "true" }, svg("rect", { width: 12, height: 12, fill: s.color })), s.name)),
  );
}

/**
 * A time chart: periods on x, one or more series of {name, color, kind: "line"|"bar", values}.
 * values[i] belongs to periods[i]; null draws nothing.
 */
export function timeChart({ periods, series, height = 260, label = "" }) {
  const margin = { left: 52, right: 16, top: 14, bottom: 44 };
  const plotW = WIDTH - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const values = series.flatMap((s) => s.values.filter((v) => v !== null && v !== undefined));
  const low = Math.min(0, ...values);
  const high = Math.max(1, ...values);
  const yTicks = ticks(low, high, 5);
  const y0 = yTicks[0];
  const y1 = yTicks[yTicks.length - 1];
  const y = (v) => margin.top + plotH - ((v - y0) / (y1 - y0)) * plotH;
  const band = plotW / Math.max(1, periods.length);
  const x = (i) => margin.left + band * i + band / 2;
  const root = svg("svg", {
    class: "chart time-chart",
    viewBox: `0 0 ${WIDTH} ${height}`,
    role: "img",
    "aria-label": label,
  });
  for (const t of yTicks) {
    root.append(
      svg("line", { x1: margin.left, x2: WIDTH - margin.right, y1: y(t), y2: y(t), class: t === 0 ? "axis zero" : "grid" }),
      svg("text", { x: margin.left - 6, y: y(t) + 4, class: "tick", "text-anchor": "end" }, String(t)),
    );
  }
  const every = Math.max(1, Math.ceil(periods.length / 12));
  periods.forEach((period, i) => {
    const last = i === periods.length - 1 && i % every >= every / 2;
    if (i % every === 0 || last) {
      root.append(svg("text", { x: x(i), y: height - margin.bottom + 16, class: "tick", "text-anchor": "middle" }, period));
    }
  });
  root.append(svg("line", { x1: margin.left, x2: margin.left, y1: margin.top, y2: margin.top + plotH, class: "axis" }));
  const bars = series.filter((s) => s.kind === "bar");
  const barW = (band * 0.8) / Math.max(1, bars.length);
  bars.forEach((s, k) => {
    s.values.forEach((v, i) => {
      if (v === null || v === undefined || v === 0) return;
      const top = y(Math.max(0, v));
      const bottom = y(Math.min(0, v));
      root.append(
        svg(
          "rect",
          { x: x(i) - band * 0.4 + k * barW, y: top, width: Math.max(1, barW - 1), height: Math.max(0, bottom - top), fill: s.color, class: "bar" },
          svg("title", {}, `${periods[i]}: ${s.name} ${v}`),
        ),
      );
    });
  });
  for (const s of series.filter((item) => item.kind !== "bar")) {
    const points = s.values.map((v, i) => (v === null || v === undefined ? null : [x(i), y(v)]));
    let d = "";
    let pen = "M";
    for (const p of points) {
      if (!p) {
        pen = "M";
        continue;
      }
      d += `${pen}${p[0].toFixed(1)},${p[1].toFixed(1)}`;
      pen = "L";
    }
    if (d) root.append(svg("path", { d, fill: "none", stroke: s.color, "stroke-width": 2, class: "line" }));
    points.forEach((p, i) => {
      if (p) {
        root.append(
          svg("circle", { cx: p[0], cy: p[1], r: 3, fill: s.color, class: "point" }, svg("title", {}, `${periods[i]}: ${s.name} ${s.values[i]}`)),
        );
      }
    });
  }
  return el("figure", { class: "chart-figure" }, legend(series), root, label ? el("figcaption", {}, label) : null);
}

function quadLegend() {
  return legend([1, 2, 3, 4].map((q) => ({ name: `quad ${q}: ${QUAD_NAMES[q]}`, color: QUAD_COLORS[q] })));
}

/** The actor network: nodes on a circle (largest first), curved directed edges colored by quad. */
export function networkChart({ nodes, edges }, { maxNodes = 40, onNode = null } = {}) {
  const size = 720;
  const center = size / 2;
  const shown = [...nodes].sort((a, b) => b.events - a.events || String(a.id).localeCompare(String(b.id))).slice(0, maxNodes);
  const index = new Map(shown.map((n, i) => [n.id, i]));
  const radius = center - 90;
  const position = (i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, shown.length) - Math.PI / 2;
    return [center + radius * Math.cos(angle), center + radius * Math.sin(angle), angle];
  };
  const maxEvents = Math.max(1, ...shown.map((n) => n.events));
  const maxWeight = Math.max(1, ...edges.map((e) => e.weight));
  const nodeRadius = (n) => 6 + 16 * Math.sqrt(n.events / maxEvents);
  const root = svg("svg", { class: "chart network", viewBox: `0 0 ${size} ${size}`, role: "img", "aria-label": "actor network" });
  const defs = svg("defs");
  for (const q of [1, 2, 3, 4]) {
    defs.append(
      svg(
        "marker",
        { id: `arrow-q${q}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 11, markerHeight: 11, markerUnits: "userSpaceOnUse", orient: "auto" },
        svg("path", { d: "M0,0 L10,5 L0,10 z", fill: QUAD_COLORS[q] }),
      ),
    );
  }
  root.append(defs);
  const edgeLayer = svg("g", { class: "edges" });
  const parallel = new Map(); // edges between the same two actors in the same direction, one per quad
  for (const edge of edges) {
    if (!index.has(edge.source) || !index.has(edge.target) || edge.source === edge.target) continue;
    const [x1, y1] = position(index.get(edge.source));
    const [x2, y2] = position(index.get(edge.target));
    const targetNode = shown[index.get(edge.target)];
    const dx = x2 - x1;
    const dy = y2 - y1;
    const length = Math.hypot(dx, dy) || 1;
    // bend to the right of the direction of travel, so A->B and B->A do not overlap; parallel
    // edges (another quad between the same pair) bend further out
    const pair = `${edge.source}>${edge.target}`;
    const nth = parallel.get(pair) || 0;
    parallel.set(pair, nth + 1);
    const bend = 0.14 + 0.09 * nth;
    const cx = (x1 + x2) / 2 + (dy / length) * length * bend;
    const cy = (y1 + y2) / 2 - (dx / length) * length * bend;
    // stop the arrow at the target's rim
    const tx = x2 - cx;
    const ty = y2 - cy;
    const tl = Math.hypot(tx, ty) || 1;
    const r = nodeRadius(targetNode) + 2;
    const ex = x2 - (tx / tl) * r;
    const ey = y2 - (ty / tl) * r;
    const quad = [1, 2, 3, 4].includes(edge.quad) ? edge.quad : 3;
    edgeLayer.append(
      svg(
        "path",
        {
          d: `M${x1.toFixed(1)},${y1.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
          fill: "none",
          stroke: QUAD_COLORS[quad],
          "stroke-width": (1 + 5 * (edge.weight / maxWeight)).toFixed(2),
          "stroke-opacity": 0.75,
          "marker-end": `url(#arrow-q${quad})`,
          class: "edge",
          dataset: { source: edge.source, target: edge.target },
        },
        svg("title", {}, `${edge.source} → ${edge.target}: ${edge.weight} events, mostly ${QUAD_NAMES[quad]}, Goldstein sum ${edge.goldstein_sum}`),
      ),
    );
  }
  root.append(edgeLayer);
  const nodeLayer = svg("g", { class: "nodes" });
  shown.forEach((node, i) => {
    const [x, y, angle] = position(i);
    const r = nodeRadius(node);
    const lx = x + Math.cos(angle) * (r + 8);
    const ly = y + Math.sin(angle) * (r + 8);
    const anchor = Math.abs(Math.cos(angle)) < 0.3 ? "middle" : Math.cos(angle) > 0 ? "start" : "end";
    const group = svg(
      "g",
      { class: "node", tabindex: 0, role: "button", dataset: { id: node.id } },
      svg("circle", { cx: x, cy: y, r }, svg("title", {}, `${node.label || node.id}: ${node.events} events`)),
      svg("text", { x: lx, y: ly + 4, "text-anchor": anchor, class: "label" }, node.label || node.id),
    );
    if (onNode) group.addEventListener("click", () => onNode(node));
    nodeLayer.append(group);
  });
  root.append(nodeLayer);
  return el("figure", { class: "chart-figure" }, quadLegend(), root);
}

const TYPE_COLORS = [
  "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
  "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#555555",
];

/** Color of a PLOVER type (null: a CAMEO statement), stable across renders. */
export function typeColor(types, type) {
  const i = types.indexOf(type ?? "STATEMENT");
  return TYPE_COLORS[(i < 0 ? TYPE_COLORS.length - 1 : i) % TYPE_COLORS.length];
}

function ringPath(rings) {
  return rings.map((ring) => `M${ring.map(([lon, lat]) => `${lon},${-lat}`).join("L")}Z`).join("");
}

/**
 * The world outline (equirectangular: x = lon, y = -lat) with one point per located event,
 * colored by PLOVER type. The view fits the points unless `world` is true.
 */
export function worldMap(world, points, { types, onPoint = null, fitAll = false } = {}) {
  let [x0, y0, w, h] = [-180, -90, 360, 180];
  if (!fitAll && points.length) {
    const lons = points.map((p) => p.lon);
    const lats = points.map((p) => -p.lat);
    const pad = 6;
    const minX = Math.max(-180, Math.min(...lons) - pad);
    const maxX = Math.min(180, Math.max(...lons) + pad);
    const minY = Math.max(-90, Math.min(...lats) - pad);
    const maxY = Math.min(90, Math.max(...lats) + pad);
    w = Math.max(maxX - minX, 24);
    h = Math.max(maxY - minY, 12);
    if (w / h > 2) h = w / 2;
    else w = h * 2;
    x0 = (minX + maxX) / 2 - w / 2;
    y0 = (minY + maxY) / 2 - h / 2;
  }
  const scale = w / 360;
  const root = svg("svg", { class: "chart map", viewBox: `${x0} ${y0} ${w} ${h}`, role: "img", "aria-label": "map of events" });
  root.append(svg("rect", { x: -180, y: -90, width: 360, height: 180, class: "sea" }));
  const land = svg("g", { class: "land" });
  for (const country of world.countries) {
    land.append(svg("path", { d: ringPath(country.rings), "stroke-width": 0.4 * scale }, svg("title", {}, country.name || "")));
  }
  root.append(land);
  const layer = svg("g", { class: "points" });
  for (const p of points) {
    const dot = svg(
      "circle",
      {
        cx: p.lon,
        cy: -p.lat,
        r: 3.2 * scale,
        fill: typeColor(types, p.type),
        "stroke-width": 0.6 * scale,
        class: "point",
        tabindex: 0,
        dataset: { id: p.id },
      },
      svg("title", {}, p.title),
    );
    if (onPoint) dot.addEventListener("click", () => onPoint(p));
    layer.append(dot);
  }
  root.append(layer);
  const present = [...new Set(points.map((p) => p.type ?? "STATEMENT"))].sort();
  return el("figure", { class: "chart-figure" }, legend(present.map((t) => ({ name: t, color: typeColor(types, t) }))), root);
}
