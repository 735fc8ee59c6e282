// The sitrep page: a filter bar, a map, a timeline and a table over the JSON API (docs/api.md),
// and a panel with an event's fields, sources and evidence. Large databases stay usable because the
// server aggregates (/api/stats) and pages (/api/events?cursor=); the map shows at most MAP_LIMIT events.
"use strict";

const MAP_LIMIT = 2000;
const TABLE_PAGE = 50;
const TYPE_COLOURS = {
  FIGHT: "#d62728", ASSAULT: "#8c1c13", COERCE: "#9467bd", PROTEST: "#1f77b4", RIOT: "#ff7f0e",
  MOBILIZE: "#17becf", THREATEN: "#e377c2", DEMAND: "#bcbd22", ACCUSE: "#7f7f7f", CONSULT: "#2ca02c",
  AGREE: "#98df8a", SUPPORT: "#aec7e8", COOPERATE: "#c5b0d5", AID: "#ffbb78", YIELD: "#c49c94",
  RETREAT: "#dbdb8d", REJECT: "#9edae5", SANCTION: "#ad494a", DISAPPROVE: "#637939",
};
const colourOf = (type) => TYPE_COLOURS[type] || "#555";

const state = { cursors: [""], page: 0, nextCursor: null };
const $ = (id) => document.getElementById(id);

// ---- API ----
function filterParams() {
  const p = new URLSearchParams();
  for (const name of ["since", "until", "type", "actor", "country", "q"]) {
    const v = $(name).value.trim();
    if (v) p.set(name, v);
  }
  return p;
}

async function api(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const res = await fetch(url);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ? body.error.message : `HTTP ${res.status}`);
  return body;
}

function showStatus(text, isError) {
  $("status").textContent = text;
  $("status").style.color = isError ? "#ffb3b3" : "";
}

const escapeHtml = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

// ---- Map ----
const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([0, 25], 4);
const markers = L.markerClusterGroup({ maxClusterRadius: 40, chunkedLoading: true });
map.addLayer(markers);

async function loadBasemap() {
  const topo = await (await fetch("vendor/world-atlas/countries-110m.json")).json();
  const countries = topojson.feature(topo, topo.objects.countries);
  L.geoJSON(countries, { style: { className: "country", color: "#999", weight: 1, fillColor: "#f2efe6", fillOpacity: 1 }, interactive: false })
    .addTo(map).bringToBack();
}

function markerFor(feature) {
  const [lon, lat] = feature.geometry.coordinates;
  const p = feature.properties;
  const icon = L.divIcon({ className: "", html: `<span class="dot" style="background:${colourOf(p.plover_type)}"></span>`, iconSize: [12, 12] });
  const m = L.marker([lat, lon], { icon, title: `${p.plover_type} ${p.location_name || ""}` });
  m.on("click", () => openEvent(p.event_id));
  return m;
}

// The map: one circle per place, sized by its number of matching events and coloured by their most
// common type (counted by the server over all matching events: /api/places). A text search is not part
// of that count, so with one the map shows the first MAP_LIMIT matching events, clustered.
const places = L.layerGroup().addTo(map);
const PLACE_LIMIT = 2000;

function circleFor(p, largest) {
  const radius = 4 + 22 * Math.sqrt(p.events / largest);
  const c = L.circleMarker([p.lat, p.lon], { radius, color: "#fff", weight: 1, fillColor: colourOf(p.top_type), fillOpacity: 0.8, className: "place" });
  c.bindPopup(`<b>${escapeHtml(p.name)}</b> ${escapeHtml([p.admin1, p.country_code].filter(Boolean).join(", "))}<br>` +
    `${p.events} events, mostly ${escapeHtml(p.top_type)}`);
  return c;
}

async function loadPlaces() {
  const params = filterParams();
  params.delete("q");
  params.set("limit", PLACE_LIMIT);
  const answer = await api("/api/places", params);
  places.clearLayers();
  markers.clearLayers();
  const largest = Math.max(1, ...answer.places.map((p) => p.events));
  answer.places.forEach((p) => places.addLayer(circleFor(p, largest)));
  showLegend([...new Set(answer.places.map((p) => p.top_type))]);
  if (answer.places.length) map.fitBounds(L.latLngBounds(answer.places.map((p) => [p.lat, p.lon])), { maxZoom: 5, padding: [30, 30] });
  return { shown: answer.places.length, more: false };
}

async function loadEventMarkers() {
  const params = filterParams();
  params.set("limit", MAP_LIMIT);
  params.set("format", "geojson");
  const fc = await api("/api/events", params);
  places.clearLayers();
  markers.clearLayers();
  markers.addLayers(fc.features.map(markerFor));
  showLegend(fc.features.map((f) => f.properties.plover_type));
  if (fc.features.length) map.fitBounds(markers.getBounds(), { maxZoom: 8, padding: [20, 20] });
  return { shown: fc.features.length, more: fc.next_cursor !== null };
}

function showLegend(types) {
  $("legend").innerHTML = [...new Set(types)].sort()
    .map((t) => `<div><span style="background:${colourOf(t)}"></span>${escapeHtml(t)}</div>`).join("");
}

const loadMap = () => ($("q").value.trim() ? loadEventMarkers() : loadPlaces());

// ---- Timeline ----
let chart = null;
const toDay = (seconds) => new Date(seconds * 1000).toISOString().slice(0, 10);

function drawTimeline(stats) {
  const xs = stats.by_time.map((b) => Date.parse(b.key + "T00:00:00Z") / 1000);
  const ys = stats.by_time.map((b) => b.count);
  const el = $("timeline");
  const opts = {
    width: el.clientWidth || 500, height: 180,
    scales: { x: { time: true } },
    series: [{}, { label: "events", stroke: "#2b3a42", fill: "#2b3a4255", paths: uPlot.paths.bars({ size: [0.8, 40] }) }],
    cursor: { drag: { x: true, y: false, setScale: false } },
    legend: { show: false },
    hooks: { setSelect: [(u) => brushDates(u)] },
  };
  if (chart) chart.destroy();
  chart = new uPlot(opts, [xs, ys], el);
}

// Dragging across the timeline sets the date filters to the brushed range.
function brushDates(u) {
  if (u.select.width < 3) return;
  $("since").value = toDay(u.posToVal(u.select.left, "x"));
  $("until").value = toDay(u.posToVal(u.select.left + u.select.width, "x"));
  reload();
}

async function loadStats() {
  const params = filterParams();
  params.set("interval", $("interval").value);
  const stats = await api("/api/stats", params);
  drawTimeline(stats);
  return stats;
}

// ---- Table ----
function evidenceSnippet(e) { return e.evidence ? e.evidence.sentence : ""; }

function renderRows(events) {
  $("events").tBodies[0].innerHTML = events.map((e) => `<tr data-id="${escapeHtml(e.event_id)}">
    <td>${escapeHtml(e.date || "undated")}</td>
    <td><span class="dot" style="background:${colourOf(e.plover_type)}"></span> ${escapeHtml(e.plover_type)}</td>
    <td>${escapeHtml(e.acled_event_type)}</td>
    <td>${escapeHtml(e.actor1 && e.actor1.name)}</td><td>${escapeHtml(e.actor2 && e.actor2.name)}</td>
    <td>${escapeHtml(e.location && e.location.name)}</td>
    <td class="evidence" title="${escapeHtml(evidenceSnippet(e))}">${escapeHtml(evidenceSnippet(e))}</td></tr>`).join("");
}

async function loadTable() {
  const params = filterParams();
  params.set("limit", TABLE_PAGE);
  const cursor = state.cursors[state.page];
  if (cursor) params.set("cursor", cursor);
  const page = await api("/api/events", params);
  renderRows(page.events);
  state.nextCursor = page.next_cursor;
  $("prev").disabled = state.page === 0;
  $("next").disabled = !page.next_cursor;
  $("page-info").textContent = `page ${state.page + 1}`;
}

// ---- Event panel ----
// The evidence offsets are UTF-8 byte offsets into the article text.
function highlightedText(text, spans) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const cut = (a, b) => escapeHtml(dec.decode(bytes.subarray(a, b)));
  const { start, end, trigger_start: ts, trigger_end: te } = spans;
  if (!(start >= 0 && end <= bytes.length && start <= ts && ts <= te && te <= end)) return escapeHtml(text);
  return `${cut(0, start)}<mark class="evidence">${cut(start, ts)}<mark class="trigger">${cut(ts, te)}</mark>${cut(te, end)}</mark>${cut(end, bytes.length)}`;
}

function fieldList(e) {
  const loc = e.location || {};
  const rows = [
    ["Date", `${e.date || "undated"} (${e.date_precision})`], ["PLOVER", `${e.plover_type} / ${e.plover_mode}`],
    ["CAMEO", e.cameo_code], ["ACLED", `${e.acled_event_type} / ${e.acled_sub_event_type}`],
    ["Actor 1", e.actor1 && `${e.actor1.name} (${e.actor1.id || "unresolved"})`],
    ["Actor 2", e.actor2 && `${e.actor2.name} (${e.actor2.id || "unresolved"})`],
    ["Place", [loc.name, loc.admin2, loc.admin1, loc.country_code].filter(Boolean).join(", ")],
    ["Modality", `${e.modality}${e.claimant ? " (" + e.claimant + ")" : ""}`], ["Trigger", e.trigger],
    ["Event id", e.event_id],
  ];
  return `<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v || "")}</dd>`).join("")}</dl>`;
}

async function openEvent(id) {
  try {
    const { event, mentions } = await api(`/api/events/${encodeURIComponent(id)}`);
    const article = await api(`/api/articles/${encodeURIComponent(event.article_id)}`);
    const sources = mentions.map((m) => `<li>${escapeHtml(m.article_title || m.article_id)} ${escapeHtml(m.article_date || "")}</li>`).join("");
    $("panel-body").innerHTML = `<h2>${escapeHtml(event.plover_type)} — ${escapeHtml(event.acled_sub_event_type || event.acled_event_type)}</h2>
      ${fieldList(event)}<h3>Sources</h3><ul class="sources">${sources}</ul>
      <h3>${escapeHtml(article.title || "Article")} <small>${escapeHtml(article.source)} ${escapeHtml(article.date || "")}</small></h3>
      <div class="article">${highlightedText(article.text, event.evidence)}</div>`;
    $("panel").hidden = false;
    const mark = $("panel-body").querySelector("mark.evidence");
    if (mark) mark.scrollIntoView({ block: "center" });
  } catch (err) {
    showStatus(`Could not open event: ${err.message}`, true);
  }
}

// ---- Wiring ----
async function fillChoices() {
  const stats = await api("/api/stats");
  $("type").innerHTML = '<option value="">any</option>' +
    stats.by_type.map((t) => `<option>${escapeHtml(t.key)}</option>`).join("");
  const actors = await api("/api/actors", new URLSearchParams({ limit: 200 }));
  $("actor-names").innerHTML = actors.actors.map((a) => `<option value="${escapeHtml(a.name)}">`).join("");
}

async function reload() {
  state.cursors = [""];
  state.page = 0;
  showStatus("loading…");
  try {
    const [stats, shown] = await Promise.all([loadStats(), loadMap(), loadTable()]).then(([s, m]) => [s, m]);
    const mapNote = shown.more ? ` (map: the first ${shown.shown} events)` : "";
    showStatus(`${stats.total} events, ${stats.undated} undated${mapNote}`);
  } catch (err) {
    showStatus(err.message, true);
  }
}

$("filters").addEventListener("submit", (ev) => { ev.preventDefault(); reload(); });
$("reset").addEventListener("click", () => { $("filters").reset(); reload(); });
$("interval").addEventListener("change", () => loadStats().catch((e) => showStatus(e.message, true)));
$("next").addEventListener("click", () => { state.cursors[++state.page] = state.nextCursor; loadTable(); });
$("prev").addEventListener("click", () => { state.page = Math.max(0, state.page - 1); loadTable(); });
$("events").tBodies[0].addEventListener("click", (ev) => {
  const row = ev.target.closest("tr");
  if (row) openEvent(row.dataset.id);
});
$("close-panel").addEventListener("click", () => { $("panel").hidden = true; });

loadBasemap().catch((e) => showStatus(`basemap: ${e.message}`, true));
fillChoices().catch((e) => showStatus(e.message, true)).then(reload);
