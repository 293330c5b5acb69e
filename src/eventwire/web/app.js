// eventwire dashboard: hash routes (#/overview, #/events, #/dyad, #/network, #/map, #/ingest,
// #/event/ID), each a view function that fills <main>. No build step, no dependency.

import { getToken, setToken } from "./api.js";
import { clear, el, message } from "./dom.js";
import { eventsView } from "./events.js";
import { dyadView, eventView, ingestView, mapView, networkView, overviewView } from "./views.js";

const VIEWS = {
  overview: overviewView,
  events: eventsView,
  event: eventView,
  dyad: dyadView,
  network: networkView,
  map: mapView,
  ingest: ingestView,
};

let renderCount = 0;

function parseHash() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, search] = hash.split("?");
  const [name, arg] = (path || "overview").split("/");
  return { name: name || "overview", arg: arg ? decodeURIComponent(arg) : null, params: new URLSearchParams(search || "") };
}

/** Go to a view with query parameters (empty values are dropped). */
export function navigate(name, params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) if (value !== "" && value !== null && value !== undefined) search.set(key, String(value));
  const text = search.toString();
  const target = `#/${name}${text ? `?${text}` : ""}`;
  if (location.hash === target) render();
  else location.hash = target;
}

async function render() {
  const route = parseHash();
  const view = VIEWS[route.name];
  const main = document.getElementById("view");
  const ticket = ++renderCount;
  for (const link of document.querySelectorAll("nav.views a")) {
    if (link.dataset.view === (route.name === "event" ? "events" : route.name)) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  const fresh = el("div", { class: "view", dataset: { view: route.name } });
  main.removeAttribute("data-ready");
  main.setAttribute("aria-busy", "true");
  clear(main).append(fresh);
  try {
    if (!view) throw new Error(`no such view: ${route.name}`);
    await view(fresh, route, navigate);
  } catch (error) {
    if (ticket !== renderCount) return;
    const hint = error.status === 401 ? " Enter the token at the top right." : "";
    fresh.append(message("error", `${error.message}${hint}`));
  }
  if (ticket !== renderCount) return;
  main.setAttribute("aria-busy", "false");
  main.dataset.ready = route.name;
  document.title = `eventwire · ${route.name}`;
}

function setUpToken() {
  const input = document.getElementById("token");
  input.value = getToken();
  input.addEventListener("change", () => {
    setToken(input.value.trim());
    render();
  });
}

setUpToken();
window.addEventListener("hashchange", render);
render();
