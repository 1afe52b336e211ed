// Polybius explorer: vanilla JS over the read-only JSON API; charts with the bundled plotly.js.
// All text from the database is inserted with textContent, never as HTML.
"use strict";

const TOKEN = new URLSearchParams(location.search).get("token");
const QUADS = {
  1: ["verbal_cooperation", "Verbal cooperation", "#6baed6"],
  2: ["material_cooperation", "Material cooperation", "#08519c"],
  3: ["verbal_conflict", "Verbal conflict", "#fc9272"],
  4: ["material_conflict", "Material conflict", "#a50f15"],
};
const state = { filters: {}, offset: 0, limit: 25, total: 0 };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function showError(message) {
  const box = document.getElementById("error");
  box.textContent = message;
  box.hidden = !message;
}

async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== "" && v !== null && v !== undefined) query.set(k, v);
  }
  const headers = TOKEN ? { Authorization: "Bearer " + TOKEN } : {};
  const response = await fetch(path + (query.toString() ? "?" + query : ""), { headers });
  const body = await response.json();
  if (!response.ok) {
    showError(body.message || response.statusText);
    throw new Error(body.message || response.statusText);
  }
  showError("");
  return body;
}

function formValues(form) {
  const out = {};
  for (const [k, v] of new FormData(form).entries()) if (v !== "") out[k] = v;
  return out;
}

// ---- tabs ------------------------------------------------------------------------------

function showTab(name) {
  for (const button of document.querySelectorAll("#tabs button")) {
    button.setAttribute("aria-selected", String(button.dataset.tab === name));
  }
  for (const section of document.querySelectorAll(".tab")) {
    section.hidden = section.id !== "tab-" + name;
  }
  if (name === "network" && !document.getElementById("network").childElementCount) drawNetwork();
  if (name === "documents" && !document.getElementById("doc-list").childElementCount) listDocuments();
  if (name === "dyad") {
    const chart = document.getElementById("dyad-chart");
    if (window.Plotly && chart.data) window.Plotly.Plots.resize(chart);
  }
}

// ---- events table ----------------------------------------------------------------------

function eventTable(events, onRow) {
  if (!events.length) return el("p", { class: "muted" }, "No events match.");
  const head = ["Date", "Source", "Target", "CAMEO", "Quad class", "Goldstein", "PLOVER", "Place", "Reports"];
  const table = el("table", { class: "events" });
  table.append(el("thead", {}, el("tr", {}, ...head.map((h) => el("th", { scope: "col" }, h)))));
  const body = el("tbody");
  for (const e of events) {
    const quad = QUADS[e.quad_class];
    const row = el(
      "tr",
      { tabindex: "0", "data-event-id": e.event_id, class: "q" + (e.quad_class || 0) },
      e.first_date || "",
      e.source_code || "",
      e.target_code || "",
      e.cameo || "",
      quad ? quad[1] : "",
      e.goldstein === null ? "" : e.goldstein.toFixed(1),
      e.plover_type || "",
      e.place_name || "",
      e.num_reports,
    );
    row.replaceChildren(...Array.from(row.childNodes).map((n) => el("td", {}, n)));
    row.addEventListener("click", () => onRow(e));
    row.addEventListener("keydown", (ev) => ev.key === "Enter" && onRow(e));
    body.append(row);
  }
  table.append(body);
  return table;
}

async function searchEvents() {
  const params = { ...state.filters, limit: state.limit, offset: state.offset };
  const page = await api("/api/events", params);
  state.total = page.total;
  const last = Math.min(page.offset + page.events.length, page.total);
  document.getElementById("event-count").textContent =
    page.total ? `${page.total.toLocaleString()} events; showing ${page.offset + 1}–${last}.` : "0 events.";
  document.getElementById("event-table").replaceChildren(eventTable(page.events, showEvent));
  document.getElementById("prev").disabled = page.offset === 0;
  document.getElementById("next").disabled = last >= page.total;
}

function explainReport(r) {
  const items = [];
  const cameo = `CAMEO ${r.cameo}${r.cameo_name ? " (" + r.cameo_name + ")" : ""}`;
  items.push(`Event: ${cameo}, trigger “${r.trigger}”, lexicon rule ${r.rule || "(none)"}` +
    ` (lexicon ${r.lexicon_version || "?"}, coder ${r.coder_version || "?"}); ` +
    `PLOVER ${r.plover_type || "-"}${r.plover_mode ? "/" + r.plover_mode : ""}; Goldstein ${r.goldstein}.`);
  for (const role of ["source", "target", "quoted"]) {
    const m = r[role];
    if (!m) continue;
    const code = m.actor ? m.actor.code : "(uncoded)";
    const name = m.actor && m.actor.name ? `, ${m.actor.name}` : "";
    const chain = m.chain && m.chain.length
      ? `; resolved through ${m.chain.map(([s, e]) => `${s}–${e}`).join(" → ")}` : "";
    items.push(`${role[0].toUpperCase() + role.slice(1)}: “${m.text}” → ${code}${name} by rule ${m.rule || "(none)"}${chain}.`);
  }
  if (r.date) {
    items.push(`Date: ${r.date.start}${r.date.end !== r.date.start ? " to " + r.date.end : ""} ` +
      `(${r.date.precision}) by rule ${r.date.rule}${r.date.text ? " from “" + r.date.text + "”" : ""}.`);
  } else {
    items.push("Date: none found in the text; the document date applies.");
  }
  if (r.place) {
    items.push(`Place: ${r.place.name}${r.place.country ? " (" + r.place.country + ")" : ""} by rule ${r.place.rule}` +
      `${r.place.text ? " from “" + r.place.text + "”" : ""}${r.place_reason ? "; " + r.place_reason : ""}.`);
  } else {
    items.push(`Place: none${r.place_reason ? " (" + r.place_reason + ")" : ""}.`);
  }
  const mod = r.modality;
  const flags = ["negated", "hypothetical", "future", "reported"].filter((k) => mod[k]);
  items.push(`Modality: ${flags.length ? flags.join(", ") : "factual"}${mod.cue ? " (cue “" + mod.cue + "”)" : ""}.`);
  if (r.cited_sources && r.cited_sources.length) items.push(`Cited sources: ${r.cited_sources.join(", ")}.`);
  items.push(`Confidence ${r.confidence}.`);
  return el("ul", { class: "explain" }, ...items.map((t) => el("li", {}, t)));
}

async function showEvent(e) {
  const detail = await api("/api/events/" + encodeURIComponent(e.event_id));
  const box = document.getElementById("event-detail");
  const ev = detail.event;
  const parts = [
    el("h3", {}, `Event ${ev.event_id}: ${ev.source_code || "?"} → ${ev.target_code || "?"}, CAMEO ${ev.cameo}`),
    el("p", {}, `${ev.first_date || "undated"}${ev.last_date && ev.last_date !== ev.first_date ? " to " + ev.last_date : ""}; ` +
      `${ev.num_reports} report(s) in ${ev.num_documents} document(s); sources: ${detail.sources.join(", ") || "none"}.`),
  ];
  if (!detail.reports.length) parts.push(el("p", { class: "muted" }, "No stored reports (imported or synthetic event)."));
  for (const r of detail.reports) {
    parts.push(el("div", { class: "report" },
      el("p", {}, el("strong", {}, r.doc_id), ` ${r.publication || ""} ${r.document_date || ""}: “${r.sentence || ""}”`),
      explainReport(r),
      el("button", { type: "button", class: "open-doc", onclick: () => openDocument(r.doc_hash, r.report_id) }, "Open document")));
  }
  box.replaceChildren(...parts);
}

// ---- dyad chart -------------------------------------------------------------------------

function periodEnd(start, by) {
  const d = new Date(start + "T00:00:00Z");
  if (by === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (by === "month") d.setUTCMonth(d.getUTCMonth() + 1, 0);
  else if (by === "year") d.setUTCFullYear(d.getUTCFullYear(), 11, 31);
  return d.toISOString().slice(0, 10);
}

async function drawDyad() {
  const params = formValues(document.getElementById("dyad-form"));
  const series = await api("/api/dyad", params);
  const x = series.points.map((p) => p.period);
  const traces = Object.values(QUADS).map(([key, label, color]) => ({
    type: "bar", name: label, x, y: series.points.map((p) => p[key]),
    marker: { color }, hovertemplate: "%{x}: %{y} " + label.toLowerCase() + "<extra></extra>",
  }));
  traces.push({
    type: "scatter", mode: "lines+markers", name: "Mean Goldstein (right axis)", x,
    y: series.points.map((p) => p.goldstein_mean), yaxis: "y2",
    line: { color: "#333", width: 1.5 }, marker: { size: 5 },
  });
  const DAY = 86400000;
  const span = { day: DAY, week: 7 * DAY, month: 30.4 * DAY, year: 365.25 * DAY }[series.by];
  for (const trace of traces) if (trace.type === "bar") trace.width = span * 0.8;
  const first = Date.parse(x[0]) - span, last = Date.parse(x[x.length - 1]) + span;
  const tickformat = { day: "%Y-%m-%d", week: "%Y-%m-%d", month: "%b %Y", year: "%Y" }[series.by];
  // Few periods: one tick per period (else plotly repeats a month's label per week).
  const dtick = x.length <= 24 ? { day: DAY, week: 7 * DAY, month: "M1", year: "M12" }[series.by] : undefined;
  const layout = {
    title: { text: `${series.a} and ${series.b}: events per ${series.by}` },
    barmode: "stack", hovermode: "closest",
    xaxis: { title: { text: series.by[0].toUpperCase() + series.by.slice(1) + " (start of period)" },
      type: "date", tickformat, dtick, range: [new Date(first).toISOString(), new Date(last).toISOString()] },
    yaxis: { title: { text: "Events" }, rangemode: "tozero", dtick: Math.max(...series.points.map((p) => p.events)) <= 10 ? 1 : undefined },
    yaxis2: { title: { text: "Mean Goldstein score (−10 conflict … +10 cooperation)" },
      overlaying: "y", side: "right", range: [-10, 10], tickmode: "linear", tick0: -10, dtick: 5, showgrid: false, zeroline: true, zerolinecolor: "#bbb" },
    legend: { orientation: "h", y: -0.2 }, margin: { t: 50, r: 70, l: 60, b: 40 },
  };
  const chart = document.getElementById("dyad-chart");
  chart.dataset.by = series.by;
  chart.dataset.pair = series.a + "," + series.b;
  if (!series.points.length) {
    chart.replaceChildren(el("p", { class: "muted" }, `No events between ${series.a} and ${series.b}.`));
    return;
  }
  await window.Plotly.newPlot(chart, traces, layout, { displaylogo: false, responsive: true });
  chart.on("plotly_click", (data) => {
    const point = data.points[0];
    listDyadPeriod(String(point.x).slice(0, 10), point.data.type === "bar" ? point.data.name : null);
  });
}

async function listDyadPeriod(start, quadName) {
  const chart = document.getElementById("dyad-chart");
  const by = chart.dataset.by;
  const params = { dyad: chart.dataset.pair, since: start, until: periodEnd(start, by), limit: 100, sort: "date", order: "asc" };
  const quad = Object.entries(QUADS).find(([, v]) => v[1] === quadName);
  if (quad) params.quad_class = quad[0];
  const page = await api("/api/events", params);
  document.getElementById("dyad-events-title").textContent =
    `${page.total} ${quadName ? quadName.toLowerCase() + " " : ""}event(s) between ` +
    `${chart.dataset.pair.replace(",", " and ")}, ${params.since} to ${params.until}`;
  document.getElementById("dyad-events").replaceChildren(eventTable(page.events, (e) => {
    showTab("events");
    showEvent(e);
  }));
}

// ---- network ------------------------------------------------------------------------------

function layoutGraph(nodes, edges, width, height) {
  // A small Fruchterman-Reingold layout: deterministic start on a circle, fixed iterations.
  const n = nodes.length;
  const pos = nodes.map((_, i) => ({
    x: width / 2 + (width / 3) * Math.cos((2 * Math.PI * i) / Math.max(n, 1)),
    y: height / 2 + (height / 3) * Math.sin((2 * Math.PI * i) / Math.max(n, 1)),
  }));
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const k = Math.sqrt((width * height) / Math.max(n, 1)) * 0.6;
  let temp = width / 8;
  for (let iter = 0; iter < 200; iter++) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        const d = Math.max(Math.hypot(dx, dy), 0.01), f = (k * k) / d;
        disp[i].x += (dx / d) * f; disp[i].y += (dy / d) * f;
        disp[j].x -= (dx / d) * f; disp[j].y -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      const a = index.get(e.source), b = index.get(e.target);
      if (a === b) continue;
      const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
      const d = Math.max(Math.hypot(dx, dy), 0.01), f = (d * d) / k;
      disp[a].x -= (dx / d) * f; disp[a].y -= (dy / d) * f;
      disp[b].x += (dx / d) * f; disp[b].y += (dy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      const d = Math.max(Math.hypot(disp[i].x, disp[i].y), 0.01);
      pos[i].x = Math.min(width - 40, Math.max(40, pos[i].x + (disp[i].x / d) * Math.min(d, temp)));
      pos[i].y = Math.min(height - 30, Math.max(30, pos[i].y + (disp[i].y / d) * Math.min(d, temp)));
    }
    temp *= 0.97;
  }
  return pos;
}

async function drawNetwork() {
  const params = formValues(document.getElementById("network-form"));
  const graph = await api("/api/network", params);
  const svg = document.getElementById("network");
  const ns = "http://www.w3.org/2000/svg";
  const make = (tag, attrs) => {
    const node = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  };
  const width = 900, height = 560;
  const pos = layoutGraph(graph.nodes, graph.edges, width, height);
  const index = new Map(graph.nodes.map((node, i) => [node.id, i]));
  const maxCount = Math.max(1, ...graph.edges.map((e) => e.count));
  const maxEvents = Math.max(1, ...graph.nodes.map((v) => v.events));
  const parts = [];
  const defs = make("defs", {});
  for (const [id, color] of [["coop", "#2171b5"], ["conf", "#cb181d"]]) {
    const marker = make("marker", { id: "arrow-" + id, viewBox: "0 0 10 10", refX: "10", refY: "5",
      markerWidth: "5", markerHeight: "5", orient: "auto-start-reverse" });
    marker.append(make("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: color }));
    defs.append(marker);
  }
  parts.push(defs);
  const radius = (v) => 6 + 18 * Math.sqrt(v.events / maxEvents);
  for (const e of graph.edges) {
    const a = pos[index.get(e.source)], b = pos[index.get(e.target)];
    const kind = e.goldstein_mean >= 0 ? "coop" : "conf";
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(Math.hypot(dx, dy), 1);
    const rb = radius(graph.nodes[index.get(e.target)]);
    const line = make("line", { x1: a.x, y1: a.y, x2: b.x - (dx / d) * rb, y2: b.y - (dy / d) * rb,
      class: "edge " + kind, "stroke-width": 0.5 + 5 * (e.count / maxCount), "marker-end": `url(#arrow-${kind})` });
    const title = make("title", {});
    title.textContent = `${e.source} → ${e.target}: ${e.count} events, mean Goldstein ${e.goldstein_mean.toFixed(2)}`;
    line.append(title);
    parts.push(line);
  }
  graph.nodes.forEach((v, i) => {
    const g = make("g", { class: "node", tabindex: "0", "data-actor": v.id });
    g.append(make("circle", { cx: pos[i].x, cy: pos[i].y, r: radius(v) }));
    const label = make("text", { x: pos[i].x, y: pos[i].y - radius(v) - 3, "text-anchor": "middle" });
    label.textContent = v.id;
    const title = make("title", {});
    title.textContent = `${v.id}: ${v.events} events in the edges shown`;
    g.append(label, title);
    g.addEventListener("click", () => filterByActor(v.id));
    parts.push(g);
  });
  const caption = make("text", { x: 10, y: 20, class: "caption" });
  caption.textContent = `${graph.nodes.length} actors, ${graph.edges.length} heaviest edges` +
    (graph.truncated ? " (more exist; raise 'Edges shown')" : "");
  parts.push(caption);
  svg.replaceChildren(...parts);
}

function filterByActor(actor) {
  const form = document.getElementById("event-filters");
  form.reset();
  form.elements.actor.value = actor;
  state.filters = formValues(form);
  state.offset = 0;
  showTab("events");
  searchEvents();
}

// ---- documents ----------------------------------------------------------------------------

async function listDocuments() {
  const params = formValues(document.getElementById("doc-filter"));
  const page = await api("/api/documents", { ...params, limit: 100 });
  const list = document.getElementById("doc-list");
  list.replaceChildren(...page.documents.map((d) => el("li", {},
    el("a", { href: "#", "data-doc": d.doc_hash, onclick: (ev) => { ev.preventDefault(); openDocument(d.doc_hash); } },
      d.doc_id), ` ${d.date || ""} ${d.publication || ""} (${d.reports} report${d.reports === 1 ? "" : "s"})`)));
  if (!page.documents.length) list.replaceChildren(el("li", { class: "muted" }, "No documents."));
}

function highlight(text, spans, selected) {
  // Cut the text at every span boundary; each piece gets the roles of the spans covering it.
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && b <= s.end);
    const mine = covering.filter((s) => s.report_id === selected).map((s) => s.role);
    const others = covering.filter((s) => s.report_id !== selected && s.role === "trigger");
    if (mine.length) {
      out.push(el("mark", { class: mine.map((r) => "role-" + r).join(" "), "data-roles": mine.join(" "),
        title: mine.join(", ") }, piece));
    } else if (others.length) {
      const target = others[0].report_id;
      out.push(el("mark", { class: "role-other", title: "trigger of another event: click to select",
        onclick: () => selectReport(target) }, piece));
    } else {
      out.push(piece);
    }
  }
  return out;
}

let currentDoc = null;

function selectReport(reportId) {
  if (!currentDoc) return;
  document.getElementById("doc-text").replaceChildren(...highlight(currentDoc.text, currentDoc.spans, reportId));
  for (const card of document.querySelectorAll("#doc-reports .report")) {
    card.classList.toggle("selected", card.dataset.report === reportId);
  }
}

async function openDocument(docHash, reportId) {
  showTab("documents");
  const doc = await api("/api/documents/" + encodeURIComponent(docHash));
  currentDoc = doc;
  document.getElementById("doc-title").textContent =
    `${doc.doc_id}${doc.publication ? " — " + doc.publication : ""}${doc.date ? ", " + doc.date : ""}`;
  document.getElementById("doc-legend").hidden = false;
  const cards = doc.reports.map((r) => el("div", { class: "report", "data-report": r.report_id },
    el("p", {}, el("strong", {}, `${r.source.actor ? r.source.actor.code : "?"} → ${r.target && r.target.actor ? r.target.actor.code : "?"}: CAMEO ${r.cameo}`),
      ` ${r.cameo_name || ""} ${r.event_id ? "" : "(not linked to an event: modal or undated)"}`),
    explainReport(r),
    el("button", { type: "button", onclick: () => selectReport(r.report_id) }, "Highlight")));
  document.getElementById("doc-reports").replaceChildren(...(cards.length ? cards : [el("p", { class: "muted" }, "No events coded.")]));
  selectReport(reportId || (doc.reports[0] && doc.reports[0].report_id));
}

// ---- start --------------------------------------------------------------------------------

async function start() {
  for (const button of document.querySelectorAll("#tabs button")) {
    button.addEventListener("click", () => showTab(button.dataset.tab));
  }
  const form = document.getElementById("event-filters");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    state.filters = formValues(form);
    state.offset = 0;
    searchEvents();
  });
  form.addEventListener("reset", () => setTimeout(() => { state.filters = formValues(form); state.offset = 0; searchEvents(); }));
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - state.limit); searchEvents(); });
  document.getElementById("next").addEventListener("click", () => { state.offset += state.limit; searchEvents(); });
  document.getElementById("dyad-form").addEventListener("submit", (ev) => { ev.preventDefault(); drawDyad(); });
  document.getElementById("network-form").addEventListener("submit", (ev) => { ev.preventDefault(); drawNetwork(); });
  document.getElementById("doc-filter").addEventListener("submit", (ev) => { ev.preventDefault(); listDocuments(); });

  const summary = await api("/api/summary");
  document.getElementById("summary").textContent =
    `${summary.events.toLocaleString()} events from ${summary.reports.toLocaleString()} reports in ` +
    `${summary.documents.toLocaleString()} documents, ${summary.first_date || "?"} to ${summary.last_date || "?"}.`;
  searchEvents();
  const top = await api("/api/actors/top", { n: 2, level: "country" });
  const dyadForm = document.getElementById("dyad-form");
  if (top.actors.length === 2) {
    dyadForm.elements.a.value = top.actors[0].actor;
    dyadForm.elements.b.value = top.actors[1].actor;
    drawDyad();
  }
  document.body.dataset.ready = "1";
}

window.addEventListener("DOMContentLoaded", () => start().catch((err) => showError(String(err))));
