"use strict";
// The dashboard page: plain DOM and fetch/XHR against the local API; nothing is loaded from elsewhere.
const $ = (id) => document.getElementById(id);
const EDITOR = "(editor)";

function element(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

// What the outcome on show came from: the history, or the scenario text as run (for "how sure, and why").
let outcomeSource = null;

// The full report: the history by link; a scenario by posting the YAML as run, so edits are reported too.
function showOutcome(view, scenarioYaml) {
  $("outcome").hidden = false;
  outcomeSource = scenarioYaml === undefined ? { history: true } : { yaml: scenarioYaml };
  $("insight").hidden = true;
  $("insight-error").textContent = "";
  const form = $("outcome-report-form");
  form.hidden = scenarioYaml === undefined;
  $("outcome-report").hidden = scenarioYaml !== undefined;
  form.elements.yaml.value = scenarioYaml || "";
  $("outcome-title").textContent = view.title;
  $("outcome-description").textContent = view.description || "";
  const findings = $("outcome-findings");
  findings.replaceChildren(...view.findings.map((f) => element("li", f)));
  $("outcome-bodymap").innerHTML = view.bodyMap;
  $("outcome-charts").replaceChildren(...view.charts.map((c) => {
    const figure = element("figure");
    figure.dataset.chart = c.name;
    const img = element("img");
    img.src = c.png;
    img.alt = c.title;
    figure.append(img, element("figcaption", c.caption));
    return figure;
  }));
  $("outcome").scrollIntoView({ behavior: "smooth" });
}

// The days the history is read over (empty: all), as the API's query string.
function historyRange() {
  const query = new URLSearchParams();
  if ($("history-since").value) query.set("since", $("history-since").value);
  if ($("history-until").value) query.set("until", $("history-until").value);
  const text = query.toString();
  return text ? `?${text}` : "";
}

// Exclude, include or delete one activity, then show the list again.
async function changeActivity(id, action) {
  $("history-error").textContent = "";
  try {
    await api(`/api/activities/${id}/${action}`, { method: "POST" });
    await loadHistory();
  } catch (e) {
    $("history-error").textContent = e.message;
  }
}

function actionButton(label, id, action) {
  const button = element("button", label);
  button.type = "button";
  button.dataset.action = action;
  button.addEventListener("click", () => changeActivity(id, action));
  return button;
}

async function loadHistory() {
  const rows = await api(`/api/history${historyRange()}`);
  $("outcome-report").href = `/report.html${historyRange()}`;
  $("history-table").tBodies[0].replaceChildren(...rows.map((a) => {
    const tr = element("tr", undefined, a.excluded ? "excluded" : undefined);
    const actions = element("td");
    actions.append(a.excluded ? actionButton("Include", a.id, "include") : actionButton("Exclude", a.id, "exclude"), actionButton("Delete", a.id, "delete"));
    tr.append(element("td", a.start.replace("T", " ").replace("Z", "")), element("td", a.sport),
      element("td", `${a.distance_km.toFixed(2)} km`, "num"), element("td", `${a.moving_min.toFixed(0)} min`, "num"),
      element("td", a.trimp == null ? "–" : `${a.trimp} (${{ HeartRate: "HR", Pace: "pace", PerceivedEffort: "RPE", Duration: "duration" }[a.load_method]})`, "num"),
      element("td", a.kind ?? "–"), element("td", a.held ?? (a.problem ? `not analysed: ${a.problem}` : "–")), element("td", a.source), actions);
    return tr;
  }));
  $("history-empty").hidden = rows.length > 0;
  $("history-run").disabled = rows.length === 0;
}

$("history-range").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("history-error").textContent = "";
  try {
    await loadHistory();
  } catch (e) {
    $("history-error").textContent = e.message;
  }
});

function upload(files) {
  // XHR rather than fetch: only XHR reports upload progress.
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const f of files) form.append("files", f, f.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/upload");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      const percent = Math.round((100 * e.loaded) / e.total);
      $("upload-bar").style.width = `${percent}%`;
      $("upload-percent").textContent = `${percent} %`;
    };
    xhr.onload = () => (xhr.status === 200 ? resolve(xhr.response) : reject(new Error((xhr.response && xhr.response.error) || `upload failed (${xhr.status})`)));
    xhr.onerror = () => reject(new Error("upload failed: the dashboard did not answer"));
    xhr.send(form);
  });
}

$("upload-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const files = $("upload-files").files;
  if (files.length === 0) return;
  const button = event.submitter;
  button.disabled = true;
  $("upload-bar").style.width = "0";
  document.querySelector(".progress").hidden = false;
  try {
    const results = await upload(files);
    $("upload-results").replaceChildren(...results.map((r) =>
      element("li", `${r.file}: ${r.status}${r.reason ? ` (${r.reason})` : ""}`, r.status.replace(/ /g, "-"))));
    await loadHistory();
  } catch (e) {
    $("upload-results").replaceChildren(element("li", e.message, "rejected"));
  } finally {
    button.disabled = false;
  }
});

$("history-run").addEventListener("click", async () => {
  try {
    showOutcome(await api(`/api/history/outcome${historyRange()}`));
  } catch (e) {
    $("history-empty").textContent = e.message;
    $("history-empty").hidden = false;
  }
});

async function loadScenarioText(name) {
  const response = await fetch(`/api/scenarios/${encodeURIComponent(name)}`);
  $("scenario-yaml").value = await response.text();
}

$("scenario-pick").addEventListener("change", () => loadScenarioText($("scenario-pick").value));

$("scenario-run").addEventListener("click", async () => {
  const button = $("scenario-run");
  button.disabled = true;
  $("scenario-error").textContent = "";
  try {
    const yaml = $("scenario-yaml").value;
    showOutcome(await api("/api/simulate", { method: "POST", headers: { "Content-Type": "text/plain" }, body: yaml }), yaml);
  } catch (e) {
    $("scenario-error").textContent = e.message;
  } finally {
    button.disabled = false;
  }
});

function compareRows(a, b) {
  const f = (o) => o.outcome.final;
  const rows = Object.keys(f(a).muscles).map((m) => [`${m[0].toUpperCase()}${m.slice(1)} size`, (o) => `${f(o).muscles[m].size_change_pct.toFixed(1)} %`]);
  rows.push(["Type I fibres (quadriceps)", (o) => `${f(o).muscles.quadriceps.type1_pct.toFixed(0)} %`]);
  rows.push(["VO2max", (o) => `${f(o).vo2max_ml_kg_min.toFixed(1)} ml/kg/min`]);
  rows.push(["Body mass", (o) => `${f(o).body_mass_kg.toFixed(1)} kg`]);
  rows.push(["Fat mass", (o) => `${f(o).fat_mass_kg.toFixed(1)} kg`]);
  rows.push(["Bone density", (o) => `${f(o).bone_density_change_pct.toFixed(1)} %`]);
  return rows.map(([name, value]) => {
    const tr = element("tr");
    tr.append(element("th", name), element("td", value(a), "num"), element("td", value(b), "num"));
    return tr;
  });
}

$("compare-run").addEventListener("click", async () => {
  const button = $("compare-run");
  button.disabled = true;
  $("compare-error").textContent = "";
  try {
    // "The scenario in the editor" sends its text, so an edited or own programme can be compared with a built-in.
    const side = (id) => ($(id).value === EDITOR ? { yaml: $("scenario-yaml").value } : { name: $(id).value });
    const [a, b] = [side("compare-first"), side("compare-second")];
    const request = { first: a.name, second: b.name, first_yaml: a.yaml, second_yaml: b.yaml };
    const view = await api("/api/compare", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request) });
    $("compare-result").hidden = false;
    $("compare-bodymap").innerHTML = view.bodyMap;
    $("compare-first-name").textContent = view.first.title;
    $("compare-second-name").textContent = view.second.title;
    $("compare-table").tBodies[0].replaceChildren(...compareRows(view.first, view.second));
  } catch (e) {
    $("compare-error").textContent = e.message;
  } finally {
    button.disabled = false;
  }
});

const fixed = (n) => (Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));
const signed = (n) => `${n > 0 ? "+" : ""}${n.toFixed(1)}`;

$("insight-run").addEventListener("click", async () => {
  const button = $("insight-run");
  button.disabled = true;
  $("insight-error").textContent = "";
  try {
    const view = outcomeSource.history
      ? await api(`/api/history/insight${historyRange()}`)
      : await api("/api/simulate/insight", { method: "POST", headers: { "Content-Type": "text/plain" }, body: outcomeSource.yaml });
    $("insight").hidden = false;
    $("insight-note").textContent = `The model's value and the range in which 80 % of ${view.samples} simulations fell, with every parameter drawn from its plausible range. A range that spans zero means the model cannot say whether that muscle grows or shrinks.`;
    $("insight-bands").tBodies[0].replaceChildren(...view.bands.map((b) => {
      const tr = element("tr");
      tr.append(element("th", b.measure), ...[b.model, b.p10, b.p50, b.p90].map((v) => element("td", fixed(v), "num")));
      return tr;
    }));
    $("insight-drivers").replaceChildren(...view.drivers.map((d) => element("li", d)));
    const keys = view.why.length > 0 ? Object.keys(view.why[0].contributions) : [];
    const head = element("tr");
    head.append(element("th", "Kind of session"), element("th", "Sessions"), ...keys.map((k) => element("th", k)));
    $("insight-why").tHead.replaceChildren(head);
    $("insight-why").tBodies[0].replaceChildren(...view.why.map((w) => {
      const tr = element("tr");
      tr.append(element("th", w.kind), element("td", String(w.sessions), "num"), ...keys.map((k) => element("td", signed(w.contributions[k]), "num")));
      return tr;
    }));
  } catch (e) {
    $("insight-error").textContent = e.message;
  } finally {
    button.disabled = false;
  }
});

$("goal-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  const button = event.submitter;
  const target = Number(form.elements.target.value);
  button.disabled = true;
  $("goal-error").textContent = "";
  try {
    const request = {
      yaml: $("scenario-yaml").value,
      want: `${form.elements.measure.value}:${target >= 0 ? "+" : ""}${target}`,
      keep: form.elements.keep.value ? [form.elements.keep.value] : [],
    };
    const view = await api("/api/goal", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request) });
    $("goal-result").hidden = false;
    $("goal-verdict").textContent = view.verdict;
    $("goal-plan").textContent = `${view.plan} ${view.tried} ways of running the plan simulated; the best ${view.options.length}:`;
    $("goal-table").tBodies[0].replaceChildren(...view.options.map((o) => {
      const tr = element("tr", undefined, `reached-${o.reached}`);
      const name = element("td", o.name);
      name.title = o.description;
      tr.append(name, element("td", o.values), element("td", o.risk.toFixed(2), "num"),
        element("td", `${o.extra_min_per_week > 0 ? "+" : ""}${o.extra_min_per_week}`, "num"), element("td", o.reached));
      return tr;
    }));
  } catch (e) {
    $("goal-error").textContent = e.message;
  } finally {
    button.disabled = false;
  }
});

function fillAthlete(a) {
  const form = $("athlete-form");
  for (const [key, value] of Object.entries(a)) if (form.elements[key]) form.elements[key].value = value;
}

$("athlete-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  const body = {};
  for (const input of form.elements) {
    if (!input.name) continue;
    body[input.name] = input.type === "number" ? Number(input.value) : input.value;
  }
  $("athlete-error").textContent = "";
  $("athlete-status").textContent = "";
  try {
    const saved = await api("/api/athlete", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    fillAthlete(saved.athlete);
    $("athlete-status").textContent = `Saved; ${saved.reanalysed} stored activities analysed again.`;
    await loadHistory();
  } catch (e) {
    $("athlete-error").textContent = e.message;
  }
});

async function start() {
  const names = await api("/api/scenarios");
  for (const id of ["scenario-pick", "compare-first", "compare-second"]) {
    $(id).replaceChildren(...names.map((n) => { const o = element("option", n); o.value = n; return o; }));
  }
  for (const id of ["compare-first", "compare-second"]) {
    const o = element("option", "(the scenario in the editor)");
    o.value = EDITOR;
    $(id).append(o);
  }
  if (names.length > 1) $("compare-second").value = names.includes("novice-sprints") ? "novice-sprints" : names[1];
  if (names.includes("novice")) { $("scenario-pick").value = "novice"; $("compare-first").value = "novice"; }
  if (names.length > 0) await loadScenarioText($("scenario-pick").value);
  const measures = await api("/api/goal/measures");
  $("goal-measure").replaceChildren(...measures.map((m) => { const o = element("option", m); o.value = m; return o; }));
  $("goal-measure").value = "glutes";
  $("goal-keep").append(...measures.map((m) => { const o = element("option", m); o.value = m; return o; }));
  fillAthlete(await api("/api/athlete"));
  await loadHistory();
  document.body.dataset.ready = "true";
}

start();
