"use strict";
// The dashboard page: plain DOM and fetch/XHR against the local API; nothing is loaded from elsewhere.
const EDITOR = "(editor)";

// Server mode: who is signed in, and the antiforgery token every state-changing request carries.
let SESSION = { server: false };
// A coach reads an athlete who granted access with ?athlete=ID: every call of the page asks about that athlete.
const ATHLETE = new URLSearchParams(location.search).get("athlete");

function scoped(path) {
  return ATHLETE ? `${path}${path.includes("?") ? "&" : "?"}athlete=${encodeURIComponent(ATHLETE)}` : path;
}

function withToken(options) {
  if (!SESSION.antiforgery_token || !options || !options.method || options.method === "GET") return options;
  return { ...options, headers: { ...(options.headers || {}), [SESSION.antiforgery_header]: SESSION.antiforgery_token } };
}

async function api(path, options) {
  const response = await fetch(scoped(path), withToken(options));
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

// A table of an outcome sheet (built by the server from the measure catalogue): laid out, never recomputed here.
function showSheet(sheet, prefix, ids) {
  $(`${prefix}-tables`).replaceChildren(...sheet.tables.filter((t) => ids.includes(t.id)).flatMap((t) => sheetTable(t, prefix)));
  $("outcome-findings").replaceChildren(...sheet.findings.map((f) => element("li", f)));
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
  form.action = scoped("/report.html");
  form.elements.__RequestVerificationToken.value = SESSION.antiforgery_token || "";
  $("outcome-title").textContent = view.sheet.title;
  $("outcome-description").textContent = view.sheet.description || "";
  showSheet(view.sheet, "outcome", ["muscles", "body"]);
  $("outcome-bodymap").innerHTML = view.bodyMap;
  $("outcome-volume").replaceChildren(...(view.volume ? sheetTable(view.volume, "outcome") : []));
  drawDatedCharts($("outcome-charts"), view.charts);
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
  const [rows, volume] = await Promise.all([api(`/api/history${historyRange()}`), api(`/api/history/volume${historyRange()}`)]);
  // Distance and time per week, by kind of run: the same table as 'runadapt history' and the report.
  $("history-volume").replaceChildren(...volume.flatMap((t) => sheetTable(t, "history")));
  $("outcome-report").href = scoped(`/report.html${historyRange()}`);
  $("history-table").tBodies[0].replaceChildren(...rows.map((a) => {
    const tr = element("tr", undefined, a.excluded ? "excluded" : undefined);
    const actions = element("td");
    actions.append(a.excluded ? actionButton("Include", a.id, "include") : actionButton("Exclude", a.id, "exclude"), actionButton("Delete", a.id, "delete"));
    // Each activity's own page: its route, channels, splits and share of the answer.
    const when = element("td");
    const link = element("a", a.start.replace("T", " ").replace("Z", ""));
    link.href = `/run.html?id=${a.id}`;
    when.append(link);
    tr.append(when, element("td", a.sport),
      element("td", a.distance, "num"), element("td", `${a.moving_min.toFixed(0)} min`, "num"),
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
    xhr.open("POST", scoped("/api/upload"));
    if (SESSION.antiforgery_token) xhr.setRequestHeader(SESSION.antiforgery_header, SESSION.antiforgery_token);
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
    $("compare-tables").replaceChildren(...sheetTable(view.table, "compare"));
  } catch (e) {
    $("compare-error").textContent = e.message;
  } finally {
    button.disabled = false;
  }
});

$("insight-run").addEventListener("click", async () => {
  const button = $("insight-run");
  button.disabled = true;
  $("insight-error").textContent = "";
  try {
    const view = outcomeSource.history
      ? await api(`/api/history/insight${historyRange()}`)
      : await api("/api/simulate/insight", { method: "POST", headers: { "Content-Type": "text/plain" }, body: outcomeSource.yaml });
    $("insight").hidden = false;
    // The answer again, now saying where the model is not sure; then how sure and why.
    showSheet(view, "insight", ["how-sure", "why"]);
    $("insight-drivers").replaceChildren(...view.drivers.map((d) => element("li", d)));
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
  $("pace-unit").textContent = `/${a.units}`;
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
  SESSION = await api("/api/session");
  if (SESSION.server) {
    const account = element("a", `${SESSION.user}${ATHLETE ? ` (coaching athlete ${ATHLETE})` : ""}: account`);
    account.href = "/account";
    document.querySelector("header.top nav").append(account);
  }
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
