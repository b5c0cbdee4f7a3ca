// The map page: filters drive three views of the same events, the map (clustered points on
// country outlines), the timeline histogram and the list.
import * as maplibregl from "maplibre-gl";
import { api, actorText, CATEGORIES, COLOURS, el, FAMILIES, svg, tokenBox } from "./common.js";

const form = document.getElementById("filters");
const listBody = document.getElementById("list-body");
const moreButton = document.getElementById("more");
const status = document.getElementById("status");
let nextCursor = null;
let generation = 0;

function fillFilterChoices() {
  const select = form.elements.type;
  for (const [name] of CATEGORIES) select.append(el("option", { value: name }, name));
  const legend = document.getElementById("legend");
  for (const [name, colour] of CATEGORIES) {
    const item = el("span", {}, name);
    item.style.setProperty("--c", colour);
    legend.append(item);
  }
}

// Incidents (every report of one event merged) have fewer filters: the others are disabled, so
// FormData leaves them out.
const EVENTS_ONLY = ["actor", "q", "polarity", "min_confidence"];
const INCIDENTS_ONLY = ["min_reports"];

function showing() {
  return form.elements.show.value;
}

function syncShow() {
  const incidents = showing() === "incidents";
  for (const name of EVENTS_ONLY) form.elements[name].disabled = incidents;
  for (const name of INCIDENTS_ONLY) form.elements[name].disabled = !incidents;
  document.getElementById("last-column").textContent = incidents ? "Reports" : "Trigger";
}

function params(extra = {}) {
  const p = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (name === "area" || name === "bin" || name === "show" || value === "") continue;
    p.set(name, String(value));
  }
  if (form.elements.area.checked && map) {
    const b = map.getBounds();
    const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v)).toFixed(4);
    p.set("bbox", [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
      clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].join(","));
  }
  for (const [name, value] of Object.entries(extra)) p.set(name, value);
  return p;
}

// --- map -------------------------------------------------------------------------------------------

const clusterProperties = Object.fromEntries(
  FAMILIES.map(([, , cats], i) => [`f${i}`, ["+", ["case", ["in", ["get", "type"], ["literal", cats]], 1, 0]]]),
);
function clusterColour() {
  // the colour of the family with most events in the cluster
  const counts = FAMILIES.map((_, i) => ["get", `f${i}`]);
  const max = ["max", ...counts];
  return ["case",
    ...FAMILIES.flatMap(([, colour], i) => [["==", ["get", `f${i}`], max], colour]),
    "#57606a"];
}

const style = {
  version: 8,
  sources: {
    countries: { type: "geojson", data: "/static/dist/countries.geojson" },
    events: {
      type: "geojson", data: { type: "FeatureCollection", features: [] },
      cluster: true, clusterRadius: 36, clusterMaxZoom: 12, clusterProperties,
    },
  },
  layers: [
    { id: "sea", type: "background", paint: { "background-color": "#dbe9f4" } },
    { id: "land", type: "fill", source: "countries", paint: { "fill-color": "#f7f7f2" } },
    { id: "borders", type: "line", source: "countries", paint: { "line-color": "#9aa5b1", "line-width": 0.6 } },
    {
      id: "clusters", type: "circle", source: "events", filter: ["has", "point_count"],
      paint: {
        "circle-color": clusterColour(),
        "circle-radius": ["interpolate", ["linear"], ["get", "point_count"], 2, 12, 50, 24, 500, 36],
        "circle-opacity": 0.8, "circle-stroke-color": "#fff", "circle-stroke-width": 2,
      },
    },
    {
      id: "points", type: "circle", source: "events", filter: ["!", ["has", "point_count"]],
      paint: {
        "circle-color": ["match", ["get", "type"], ...CATEGORIES.flat(), "#57606a"],
        "circle-radius": 7, "circle-stroke-color": "#fff", "circle-stroke-width": 1.5,
      },
    },
  ],
};

let map = null;
let mapReady;

function startMap() {
  map = new maplibregl.Map({
    container: "map", style, center: [20, 25], zoom: 1, attributionControl: false,
    fadeDuration: 0,
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }));
  window.newseventsMap = map;
  mapReady = new Promise((resolve) => map.on("load", resolve));
  map.on("click", "points", (e) => {
    const id = e.features[0].properties.event_id;
    location.assign(`/events/${encodeURIComponent(id)}`);
  });
  map.on("click", "clusters", async (e) => {
    const feature = e.features[0];
    const zoom = await map.getSource("events").getClusterExpansionZoom(feature.properties.cluster_id);
    map.easeTo({ center: feature.geometry.coordinates, zoom });
  });
  for (const layer of ["points", "clusters"]) {
    map.on("mouseenter", layer, () => { map.getCanvas().style.cursor = "pointer"; });
    map.on("mouseleave", layer, () => { map.getCanvas().style.cursor = ""; });
  }
  map.on("moveend", () => { if (form.elements.area.checked) refresh(); });
  map.on("idle", syncClusterCounts);
}

// Cluster sizes as HTML markers: text labels drawn by MapLibre itself need glyph files from a
// server, which an offline map does not have.
const countMarkers = new Map();

function syncClusterCounts() {
  const seen = new Set();
  for (const f of map.querySourceFeatures("events")) {
    const id = f.properties.cluster_id;
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    if (!countMarkers.has(id)) {
      const label = el("div", { class: "cluster-count" }, String(f.properties.point_count));
      countMarkers.set(id, new maplibregl.Marker({ element: label }).setLngLat(f.geometry.coordinates).addTo(map));
    }
  }
  for (const [id, marker] of countMarkers) {
    if (!seen.has(id)) { marker.remove(); countMarkers.delete(id); }
  }
}

async function drawMap(collection, fit) {
  await mapReady;
  for (const marker of countMarkers.values()) marker.remove();
  countMarkers.clear();
  map.getSource("events").setData(collection);
  document.getElementById("map").dataset.points = String(collection.features.length);
  if (fit && collection.features.length) {
    const bounds = new maplibregl.LngLatBounds();
    for (const f of collection.features) bounds.extend(f.geometry.coordinates);
    map.fitBounds(bounds, { padding: 60, maxZoom: 6, duration: 0 });
  }
}

// --- timeline --------------------------------------------------------------------------------------

function drawTimeline({ bin, counts }) {
  const box = document.getElementById("timeline");
  box.replaceChildren();
  const width = box.clientWidth || 600;
  const height = 140;
  box.setAttribute("viewBox", `0 0 ${width} ${height}`);
  box.dataset.bins = String(counts.length);
  if (!counts.length) {
    box.append(svg("text", { x: 10, y: 20 }, "no dated events"));
    return;
  }
  const day = 86400000;
  const step = bin === "week" ? 7 * day : day;
  const first = Date.parse(counts[0].start);
  const last = Date.parse(counts[counts.length - 1].start);
  const slots = Math.round((last - first) / step) + 1;
  const top = Math.max(...counts.map((c) => c.count));
  const barWidth = Math.min(40, Math.max(2, (width - 40) / slots));
  for (const c of counts) {
    const i = Math.round((Date.parse(c.start) - first) / step);
    const h = Math.max(2, ((height - 35) * c.count) / top);
    const bar = svg("rect", {
      class: "bar", x: 30 + i * barWidth, y: height - 20 - h, width: Math.max(1, barWidth - 1), height: h,
      "data-start": c.start, "data-count": c.count,
    }, svg("title", {}, `${c.start}: ${c.count} event(s)`));
    bar.addEventListener("click", () => selectBin(c.start, bin));
    box.append(bar);
  }
  box.append(svg("text", { x: 30, y: height - 5 }, counts[0].start));
  if (counts.length > 1) box.append(svg("text", { x: width - 80, y: height - 5 }, counts[counts.length - 1].start));
  box.append(svg("text", { x: 2, y: 12 }, String(top)));
}

function selectBin(start, bin) {
  const end = new Date(Date.parse(start) + (bin === "week" ? 6 : 0) * 86400000);
  form.elements.since.value = start;
  form.elements.until.value = end.toISOString().slice(0, 10);
  refresh();
}

// --- list ------------------------------------------------------------------------------------------

function incidentRow(i) {
  const reports = `${i.reports} report${i.reports === 1 ? "" : "s"}`;
  const link = el("a", { href: `/events/${encodeURIComponent(i.events[0])}` }, reports);
  const swatch = el("span", { class: "swatch" });
  swatch.style.background = COLOURS[i.type] || "#57606a";
  return el("tr", { "data-incident": i.id, "data-type": i.type },
    el("td", {}, i.date && i.date.value ? i.date.value : el("span", { class: "muted" }, i.first_reported || "")),
    el("td", { class: "type" }, swatch, i.type),
    el("td", {}, actorText(i.actor)),
    el("td", {}, actorText(i.recipient)),
    el("td", {}, i.location ? i.location.name || i.location.text : ""),
    el("td", {}, link),
  );
}

function row(e) {
  const link = el("a", { href: `/events/${encodeURIComponent(e.id)}` }, e.trigger.text);
  const swatch = el("span", { class: "swatch" });
  swatch.style.background = COLOURS[e.type] || "#57606a";
  return el("tr", { "data-event": e.id, "data-type": e.type },
    el("td", {}, e.date && e.date.value ? e.date.value : el("span", { class: "muted" }, e.article.published || "")),
    el("td", { class: "type" }, swatch, e.type),
    el("td", {}, actorText(e.actor)),
    el("td", {}, actorText(e.recipient)),
    el("td", {}, e.location ? e.location.name || e.location.text : ""),
    el("td", {}, link),
  );
}

async function loadPage(reset) {
  const p = params({ limit: "50" });
  if (!reset && nextCursor) p.set("cursor", nextCursor);
  const page = await api(`/api/${showing()}?${p}`);
  if (reset) listBody.replaceChildren();
  listBody.append(...page.items.map(showing() === "incidents" ? incidentRow : row));
  nextCursor = page.next_cursor;
  moreButton.hidden = !nextCursor;
  return page;
}

// --- all together ----------------------------------------------------------------------------------

async function refresh(fit = false) {
  const mine = ++generation;
  document.body.dataset.state = "loading";
  status.textContent = "";
  try {
    const [collection, histogram] = await Promise.all([
      api(`/api/${showing()}/points?${params()}`),
      api(`/api/${showing()}/histogram?${params({ bin: form.elements.bin.value })}`),
      loadPage(true),
    ]);
    if (mine !== generation) return;
    drawTimeline(histogram);
    await drawMap(collection, fit);
    const what = showing() === "incidents" ? "incident(s)" : "event(s)";
    status.textContent = `${listBody.children.length}${nextCursor ? "+" : ""} ${what} listed, ${collection.features.length} on the map`;
  } catch (err) {
    status.textContent = err.message;
    status.className = "error";
  }
  if (mine === generation) document.body.dataset.state = "ready";
}

fillFilterChoices();
document.querySelector("header").append(tokenBox());
startMap();
form.addEventListener("change", () => { syncShow(); refresh(); });
form.addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
document.getElementById("clear").addEventListener("click", () => { form.reset(); syncShow(); refresh(true); });
moreButton.addEventListener("click", () => loadPage(false));
refresh(true);
