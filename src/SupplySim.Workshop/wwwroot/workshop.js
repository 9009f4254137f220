// SupplySim workshop page: levers, live charts (SVG drawn here, no libraries), pin and compare, dose-response.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";
  const CURRENT = "#c0392b", SECOND = "#2e86c1", PINNED = "#6b7a90";
  const state = { scenario: null, values: {}, runId: 0, rows: [], planned: 0, status: "idle", headline: null, pinned: null, polling: false, seriesIndex: {} };

  const CHARTS = [
    { title: "Overdose deaths per month", series: ["overdose_deaths"] },
    { title: "Overdose deaths, cumulative", series: ["overdose_deaths_cumulative"] },
    { title: "Supply reaching users (kg fentanyl-equivalent per month)", series: ["supply_reaching_users_kg"] },
    { title: "Retail price (USD per pure mg)", series: ["retail_price_per_mg"] },
    { title: "Displacement index (0..1): precursor origin, lab location", series: ["displacement_index_origin", "displacement_index_lab"] },
    { title: "Substitution index (0..1): precursor mix vs before", series: ["substitution_index"] },
  ];
  const NUMBERS = [
    { id: "deaths-total", what: "Overdose deaths (total)", key: "overdose_deaths_total", live: (t) => last(t, "overdose_deaths_cumulative"), fmt: whole, lowerIsBetter: true },
    { id: "supply-total", what: "Supply reaching users (kg, total)", key: "supply_reaching_users_kg_total", live: (t) => sum(t, "supply_reaching_users_kg"), fmt: whole, lowerIsBetter: true },
    { id: "price-mean", what: "Retail price (USD/mg, supply-weighted)", key: "retail_price_per_mg_mean", live: (t) => weighted(t, "retail_price_per_mg"), fmt: (v) => fixed(v, 3), lowerIsBetter: false },
    { id: "substitution-final", what: "Substitution index (final)", key: "substitution_index_final", live: (t) => last(t, "substitution_index"), fmt: (v) => fixed(v, 3) },
    { id: "displacement-final", what: "Displacement index, origin (final)", key: "displacement_index_origin_final", live: (t) => last(t, "displacement_index_origin"), fmt: (v) => fixed(v, 3) },
  ];

  function whole(v) { return v == null || !isFinite(v) ? "–" : Math.round(v).toLocaleString("en-US"); }
  function fixed(v, d) { return v == null || !isFinite(v) ? "–" : Number(v).toFixed(d); }
  function col(rows, key) { const i = state.seriesIndex[key]; return rows.map((r) => r.values[i]); }
  function last(rows, key) { const c = col(rows, key).filter((v) => v != null); return c.length ? c[c.length - 1] : null; }
  function sum(rows, key) { return col(rows, key).reduce((a, v) => a + (v || 0), 0); }
  function weighted(rows, key) {
    const v = col(rows, key), w = col(rows, "supply_reaching_users_kg");
    let s = 0, n = 0;
    v.forEach((x, i) => { if (x != null && w[i]) { s += x * w[i]; n += w[i]; } });
    return n > 0 ? s / n : null;
  }
  function monthOf(t) {
    const [y, m] = state.scenario.start.split("-").map(Number);
    const k = y * 12 + (m - 1) + t;
    return { year: Math.floor(k / 12), month: (k % 12) + 1 };
  }
  function el(tag, attrs, parent) {
    const e = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") e.textContent = v; else e.setAttribute(k, v);
    }
    if (parent) parent.appendChild(e);
    return e;
  }
  async function api(path, body) {
    const r = await fetch(path, body === undefined ? {} : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const json = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(json.error || ("HTTP " + r.status));
    return json;
  }
  function showError(e) { $("error").textContent = e ? (e.message || String(e)) : ""; }

  // ---- levers ---------------------------------------------------------------------------------------------
  function leverDefaultNumber(l) {
    if (l.default !== "off") return Number(l.default);
    const v = l.min + (l.max - l.min) / 4;
    return Math.round(v / l.step) * l.step;
  }
  function display(l, v) {
    if (l.kind === "switch") return v === "on" ? "on" : "off";
    if (v === "off") return "not added";
    if (l.kind === "month") return v;
    const x = Number(v);
    if (Math.abs(x) >= 1e6) return (x / 1e6).toLocaleString("en-US", { maximumFractionDigits: 1 }) + " M";
    return x.toLocaleString("en-US", { maximumFractionDigits: 4 });
  }
  function renderLevers() {
    const root = $("levers");
    root.textContent = "";
    const groups = [];
    for (const l of state.scenario.levers) if (!groups.includes(l.group)) groups.push(l.group);
    for (const g of groups) {
      const det = el("details", { class: "group" }, root);
      if (!g.startsWith("Earlier")) det.open = true;
      el("summary", { text: g }, det);
      for (const l of state.scenario.levers.filter((x) => x.group === g)) renderLever(l, det);
    }
  }
  function renderLever(l, parent) {
    const box = el("div", { class: "lever", "data-lever": l.id, title: l.help }, parent);
    const head = el("div", { class: "label" }, box);
    el("span", { class: "name", text: l.label }, head);
    const out = el("output", { id: "out-" + l.id }, head);
    const sync = () => {
      out.textContent = display(l, state.values[l.id]);
      box.classList.toggle("moved", state.values[l.id] !== l.default);
    };
    if (l.kind === "switch") {
      const cb = el("input", { type: "checkbox", id: "lever-" + l.id }, box);
      cb.checked = state.values[l.id] === "on";
      cb.addEventListener("change", () => { state.values[l.id] = cb.checked ? "on" : "off"; sync(); });
    } else if (l.kind === "month") {
      const m = el("input", { type: "month", id: "lever-" + l.id, min: state.scenario.start, max: state.scenario.end, value: state.values[l.id] }, box);
      m.addEventListener("change", () => { if (m.value) state.values[l.id] = m.value; sync(); });
    } else {
      let add = null;
      if (l.added) {
        const lab = el("label", { class: "unit" }, box);
        add = el("input", { type: "checkbox", id: "add-" + l.id }, lab);
        lab.appendChild(document.createTextNode(" add this measure"));
        add.checked = state.values[l.id] !== "off";
      }
      const r = el("input", { type: "range", id: "lever-" + l.id, min: l.min, max: l.max, step: l.step }, box);
      r.value = state.values[l.id] === "off" ? leverDefaultNumber(l) : state.values[l.id];
      r.disabled = add !== null && !add.checked;
      const set = () => { state.values[l.id] = add && !add.checked ? "off" : String(Number(r.value)); r.disabled = add !== null && !add.checked; sync(); };
      r.addEventListener("input", set);
      if (add) add.addEventListener("change", set);
      el("div", { class: "unit", text: `${display(l, String(l.min))} to ${display(l, String(l.max))} ${l.unit}` }, box);
    }
    sync();
  }
  function resetValues() {
    for (const l of state.scenario.levers) state.values[l.id] = l.default;
  }

  // ---- live run -------------------------------------------------------------------------------------------
  async function startRun(paused) {
    showError(null);
    try {
      const seed = $("seed").value === "" ? undefined : Number($("seed").value);
      const r = await api("/api/run", { levers: state.values, seed, delayMs: Number($("speed").value), paused: !!paused });
      state.runId = r.id; state.rows = []; state.planned = state.scenario.ticks; state.headline = null; state.status = "running";
      $("status").textContent = `run ${r.id} · starting`; $("status").dataset.status = "starting"; $("status").dataset.run = String(r.id);
      renderEdits(r.edits);
      $("download").classList.add("disabled");
      if (paused) await api("/api/run/step", {});
      draw();
      poll();
    } catch (e) { showError(e); }
  }
  async function poll() {
    if (state.polling) return;
    state.polling = true;
    try {
      while (true) {
        const r = await api("/api/run?since=" + state.rows.length);
        if (r.status === "idle" || r.id !== state.runId) break;
        state.rows.push(...r.ticks);
        state.planned = r.planned || state.planned;
        state.status = r.status;
        state.headline = r.headline || null;
        status(r);
        draw();
        if (r.status === "done" || r.status === "stopped" || r.status === "failed") {
          if (r.error) showError(r.error);
          $("download").classList.toggle("disabled", r.status !== "done");
          break;
        }
        await new Promise((res) => setTimeout(res, r.status === "paused" ? 300 : 150));
      }
    } catch (e) { showError(e); }
    state.polling = false;
  }
  function status(r) {
    const t = state.rows.length ? state.rows[state.rows.length - 1] : null;
    const parts = [`run ${r.id}`, r.status, t ? `${t.date} (month ${t.tick + 1} of ${state.planned})` : "starting", `${r.ticksPerSecond} months/s`, `seed ${r.seed}`];
    $("status").textContent = parts.join(" · ");
    $("status").dataset.status = r.status;
    $("pause").textContent = r.status === "paused" ? "Resume" : "Pause";
  }
  function renderEdits(edits) {
    const ul = $("edits");
    ul.textContent = "";
    if (!edits || edits.length === 0) el("li", { text: "none: the scenario as written" }, ul);
    for (const e of edits || []) el("li", { text: e }, ul);
  }

  // ---- numbers and charts ---------------------------------------------------------------------------------
  function numberValue(n, rows, headline) {
    if (headline && headline[n.key] != null) return headline[n.key];
    return rows.length ? n.live(rows) : null;
  }
  function drawNumbers() {
    const root = $("numbers");
    root.textContent = "";
    for (const n of NUMBERS) {
      const box = el("div", { class: "number" }, root);
      el("div", { class: "what", text: n.what }, box);
      const v = numberValue(n, state.rows, state.headline);
      const value = el("div", { class: "value", id: n.id, text: n.fmt(v) }, box);
      if (v != null) value.dataset.value = String(v);
      value.dataset.final = state.headline ? "true" : "false";
      if (state.pinned) {
        const p = numberValue(n, state.pinned.rows, state.pinned.headline);
        const line = el("div", { class: "pinned", text: `pinned: ${n.fmt(p)}` }, box);
        if (v != null && p != null && p !== 0 && state.rows.length === state.pinned.rows.length) {
          const d = v - p;
          const cls = n.lowerIsBetter === undefined || d === 0 ? "" : (d < 0) === n.lowerIsBetter ? "better" : "worse";
          el("span", { class: "diff " + cls, id: n.id + "-diff", text: ` (${d >= 0 ? "+" : ""}${n.fmt(d)}, ${(100 * d / Math.abs(p)).toFixed(1)}%)` }, line);
        }
      }
    }
  }
  function draw() {
    drawNumbers();
    const root = $("charts");
    if (root.children.length !== CHARTS.length) {
      root.textContent = "";
      CHARTS.forEach((c, i) => {
        const f = el("figure", {}, root);
        el("figcaption", { text: c.title }, f);
        el("svg:svg", { class: "chart", id: "chart-" + i }, f);
        const legend = el("div", { class: "legend" }, f);
        c.series.forEach((s, k) => { el("b", { style: `background:${k ? SECOND : CURRENT}` }, legend); legend.appendChild(document.createTextNode(s.replace(/_/g, " "))); });
        const pin = el("span", { class: "pinned-legend" }, legend);
        el("b", { style: `background:${PINNED}` }, pin); pin.appendChild(document.createTextNode("pinned run (dashed)"));
      });
    }
    document.querySelectorAll(".pinned-legend").forEach((e) => { e.style.display = state.pinned ? "" : "none"; });
    CHARTS.forEach((c, i) => {
      const lines = [];
      if (state.pinned) c.series.forEach((s) => lines.push({ values: col(state.pinned.rows, s), color: PINNED, dash: "5 4" }));
      c.series.forEach((s, k) => lines.push({ values: col(state.rows, s), color: k ? SECOND : CURRENT }));
      const markers = state.rows.filter((r) => r.applied.length).map((r) => ({ tick: r.tick, label: `${r.date}: ${r.applied.join("; ")}` }));
      timeChart($("chart-" + i), lines, state.planned || state.scenario.ticks, markers);
      $("chart-" + i).dataset.points = String(state.rows.length);
    });
  }
  function niceMax(v) {
    if (!(v > 0)) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }
  function short(v) {
    const a = Math.abs(v);
    if (a >= 1e9) return (v / 1e9).toFixed(1) + "B";
    if (a >= 1e6) return (v / 1e6).toFixed(1) + "M";
    if (a >= 1e4) return (v / 1e3).toFixed(0) + "k";
    if (a >= 1e3) return (v / 1e3).toFixed(1) + "k";
    if (a >= 100) return v.toFixed(0);
    return Number(v.toPrecision(3)).toString();
  }
  function frame(svg, xmin, xmax, ymin, ymax) {
    svg.textContent = "";
    const W = svg.clientWidth || 400, H = svg.clientHeight || 190, L = 44, R = 8, T = 8, B = 20;
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    const x = (v) => L + (xmax > xmin ? (v - xmin) / (xmax - xmin) : 0.5) * (W - L - R);
    const y = (v) => H - B - (ymax > ymin ? (v - ymin) / (ymax - ymin) : 0.5) * (H - T - B);
    for (let k = 0; k <= 4; k++) {
      const v = ymin + (k * (ymax - ymin)) / 4;
      el("svg:line", { class: "grid", x1: L, x2: W - R, y1: y(v), y2: y(v) }, svg);
      el("svg:text", { x: L - 4, y: y(v) + 3, "text-anchor": "end", text: short(v) }, svg);
    }
    el("svg:line", { class: "axis", x1: L, x2: W - R, y1: H - B, y2: H - B }, svg);
    el("svg:line", { class: "axis", x1: L, x2: L, y1: T, y2: H - B }, svg);
    return { x, y, W, H, L, R, T, B };
  }
  function timeChart(svg, lines, ticks, markers) {
    let max = 0, min = 0;
    for (const l of lines) for (const v of l.values) if (v != null) { max = Math.max(max, v); min = Math.min(min, v); }
    const f = frame(svg, 0, Math.max(1, ticks - 1), min, niceMax(max));
    for (let t = 0; t < ticks; t++) {
      const d = monthOf(t);
      if (d.month === 1 || t === 0) el("svg:text", { x: f.x(t), y: f.H - 6, "text-anchor": "middle", text: String(d.year) }, svg);
    }
    for (const m of markers) {
      const line = el("svg:line", { class: "marker", x1: f.x(m.tick), x2: f.x(m.tick), y1: f.T, y2: f.H - f.B }, svg);
      el("svg:title", { text: m.label }, line);
    }
    for (const l of lines) {
      let d = "";
      l.values.forEach((v, t) => { if (v != null) d += (d ? "L" : "M") + f.x(t).toFixed(1) + "," + f.y(v).toFixed(1); });
      if (d) el("svg:path", { d, fill: "none", stroke: l.color, "stroke-width": 2, "stroke-dasharray": l.dash || "" }, svg);
    }
  }

  // ---- dose-response --------------------------------------------------------------------------------------
  function renderDoseLevers() {
    const sel = $("dose-lever");
    sel.textContent = "";
    for (const l of state.scenario.levers.filter((x) => x.sweepable)) el("option", { value: l.id, text: l.label }, sel);
    const pick = () => {
      const l = state.scenario.levers.find((x) => x.id === sel.value);
      if (!l) return;
      $("dose-from").value = l.min; $("dose-to").value = l.max; $("dose-from").step = l.step; $("dose-to").step = l.step;
    };
    sel.addEventListener("change", pick);
    pick();
  }
  async function startSweep() {
    showError(null);
    try {
      const seed = $("seed").value === "" ? undefined : Number($("seed").value);
      const body = { levers: state.values, seed, lever: $("dose-lever").value, from: Number($("dose-from").value), to: Number($("dose-to").value),
        points: Number($("dose-points").value), replicates: Number($("dose-replicates").value) };
      const r = await api("/api/sweep", body);
      $("dose-explanation").textContent = `Sweeping: 0 of ${r.total} runs done...`;
      $("dose-effect").textContent = ""; $("dose-marginal").textContent = "";
      while (true) {
        await new Promise((res) => setTimeout(res, 300));
        const s = await api("/api/sweep");
        $("dose-progress").firstElementChild.style.width = (100 * s.done / Math.max(1, s.total)) + "%";
        if (s.status === "running") { $("dose-explanation").textContent = `Sweeping: ${s.done} of ${s.total} runs done...`; continue; }
        if (s.status === "failed") { showError(s.error); $("dose-explanation").textContent = ""; break; }
        drawDose(s.result);
        break;
      }
    } catch (e) { showError(e); }
  }
  function drawDose(res) {
    const pts = res.points;
    const xs = pts.map((p) => p.x);
    let lo = Infinity, hi = -Infinity;
    pts.forEach((p) => { for (const v of [p.mean, p.low, p.high]) if (v != null) { lo = Math.min(lo, v); hi = Math.max(hi, v); } });
    const pad = (hi - lo) * 0.1 || 1;
    const svg = $("dose-effect");
    const f = frame(svg, Math.min(...xs), Math.max(...xs), Math.max(0, lo - pad), hi + pad);
    xs.forEach((x) => el("svg:text", { x: f.x(x), y: f.H - 6, "text-anchor": "middle", text: short(x) }, svg));
    let d = "";
    pts.forEach((p) => {
      if (p.low != null) el("svg:line", { x1: f.x(p.x), x2: f.x(p.x), y1: f.y(p.low), y2: f.y(p.high), stroke: CURRENT, "stroke-opacity": 0.5, "stroke-width": 6 }, svg);
      if (p.mean != null) d += (d ? "L" : "M") + f.x(p.x) + "," + f.y(p.mean);
    });
    el("svg:path", { d, fill: "none", stroke: CURRENT, "stroke-width": 2 }, svg);
    pts.forEach((p) => { if (p.mean != null) el("svg:circle", { cx: f.x(p.x), cy: f.y(p.mean), r: 3.5, fill: CURRENT }, svg); });

    const steps = res.steps;
    const m = $("dose-marginal");
    let mlo = 0, mhi = 0;
    steps.forEach((s) => { for (const v of [s.marginal, s.low, s.high]) if (v != null) { mlo = Math.min(mlo, v); mhi = Math.max(mhi, v); } });
    const g = frame(m, 0, steps.length, mlo < 0 ? -niceMax(-mlo * 1.05) : 0, mhi > 0 ? niceMax(mhi * 1.05) : 0);
    const bw = (g.x(1) - g.x(0)) * 0.6;
    steps.forEach((s, i) => {
      const cx = g.x(i + 0.5);
      el("svg:text", { x: cx, y: g.H - 6, "text-anchor": "middle", text: `${short(s.from)}→${short(s.to)}` }, m);
      if (s.marginal == null) return;
      const y0 = g.y(0), y1 = g.y(s.marginal);
      const bar = el("svg:rect", { x: cx - bw / 2, y: Math.min(y0, y1), width: bw, height: Math.max(1, Math.abs(y1 - y0)), fill: s.diminished ? PINNED : CURRENT, class: s.diminished ? "diminished" : "full" }, m);
      el("svg:title", { text: `step ${s.step}: ${s.marginal.toFixed(1)} deaths${s.shareOfFirst != null ? `, ${(100 * s.shareOfFirst).toFixed(0)}% of the first step` : ""}` }, bar);
      if (s.low != null) el("svg:line", { x1: cx, x2: cx, y1: g.y(s.low), y2: g.y(s.high), stroke: "#1d2430", "stroke-width": 1 }, m);
    });
    el("svg:line", { class: "axis", x1: g.L, x2: g.W - g.R, y1: g.y(0), y2: g.y(0) }, m);
    if (res.diminishingStep) {
      const x = g.x(res.diminishingStep - 1);
      el("svg:line", { class: "marker", x1: x, x2: x, y1: g.T, y2: g.H - g.B, id: "diminishing-marker" }, m);
      el("svg:text", { x: x + 3, y: g.T + 10, text: "returns diminish", style: "fill:#b9770e;font-weight:600" }, m);
    }
    const ex = $("dose-explanation");
    ex.textContent = "";
    res.explanation.forEach((t) => el(t.endsWith(":") ? "h2" : "p", { text: t }, ex));
    $("dose-command").textContent = `Same numbers from the command line (in the sweep's folder): ${res.commandLine}`;
  }

  // ---- wiring ---------------------------------------------------------------------------------------------
  async function init() {
    const s = await api("/api/scenario");
    state.scenario = s;
    s.series.forEach((x, i) => { state.seriesIndex[x.key] = i; });
    $("scenario-name").textContent = `${s.name} (${s.file}, ${s.start} to ${s.end})`;
    $("question").textContent = s.question;
    $("description").textContent = s.description;
    $("seed").value = s.seed;
    resetValues();
    renderLevers();
    renderDoseLevers();
    state.planned = s.ticks;
    draw();
    $("run").addEventListener("click", () => startRun(false));
    $("step").addEventListener("click", async () => {
      if (state.status === "running" || state.status === "paused") { await api("/api/run/step", {}).catch(showError); poll(); }
      else startRun(true);
    });
    $("pause").addEventListener("click", async () => {
      await api(state.status === "paused" ? "/api/run/resume" : "/api/run/pause", {}).catch(showError);
      poll();
    });
    $("reset").addEventListener("click", async () => {
      await api("/api/run/reset", {}).catch(showError);
      state.runId = 0; state.rows = []; state.headline = null; state.status = "idle";
      $("status").textContent = "Idle"; $("status").dataset.status = "idle"; $("pause").textContent = "Pause";
      $("download").classList.add("disabled");
      renderEdits(null);
      draw();
    });
    $("speed").addEventListener("change", () => { if (state.runId) api("/api/run/speed?delayMs=" + $("speed").value, {}).catch(showError); });
    $("pin").addEventListener("click", () => { if (state.rows.length) { state.pinned = { rows: state.rows.slice(), headline: state.headline }; draw(); } });
    $("unpin").addEventListener("click", () => { state.pinned = null; draw(); });
    $("defaults").addEventListener("click", () => { resetValues(); renderLevers(); });
    $("dose-run").addEventListener("click", startSweep);
    window.addEventListener("resize", draw);
    document.body.dataset.ready = "true";
  }
  init().catch(showError);
})();
