"use strict";
// A run's page: the server builds the figures, the route's SVG and the tables; this lays them out and draws the
// channels over distance with the bundled uPlot (tables and DOM helpers in page.js).

// One channel over distance: uPlot with a distance axis instead of a time axis.
function drawChannel(parent, run, channel, index) {
  const figure = element("figure");
  figure.dataset.chart = channel.name;
  parent.append(figure);
  const colour = chartPalette[index % chartPalette.length];
  const plot = new uPlot({
    title: channel.title,
    width: chartWidth(figure),
    height: 200,
    cursor: { drag: { x: true, y: false } },
    scales: { x: { time: false }, y: channel.name === "pace" ? { dir: -1 } : {} },
    axes: [{ label: run.distanceUnit }, { label: channel.unit, size: 56 }],
    series: [
      { label: "distance", value: (u, v) => (v == null ? "–" : `${v.toFixed(2)} ${run.distanceUnit}`) },
      { label: channel.title, stroke: colour, width: 2, points: { show: false }, spanGaps: false,
        value: (u, v) => (v == null ? "–" : channel.name === "pace" ? `${Math.floor(v)}:${String(Math.round((v % 1) * 60) % 60).padStart(2, "0")} ${channel.unit}` : `${v} ${channel.unit}`) },
    ],
  }, [run.distances, channel.values], figure);
  window.runadaptCharts[channel.name] = plot;
}

async function start() {
  const id = new URLSearchParams(location.search).get("id");
  try {
    const response = await fetch(`/api/activities/${encodeURIComponent(id ?? "")}`);
    const run = await response.json();
    if (!response.ok) throw new Error(run.error || response.statusText);
    document.title = `RunAdapt: ${run.title}`;
    $("run-title").textContent = run.title;
    $("run-held").textContent = run.held;
    $("run-facts").replaceChildren(...sheetTable(run.facts, "run"));
    if (run.route) $("run-route").innerHTML = run.route;
    else $("run-route").replaceChildren(element("p", "No positions recorded: no route to draw.", "note"));
    run.channels.forEach((c, i) => drawChannel($("run-charts"), run, c, i));
    $("run-tables").replaceChildren(...run.tables.flatMap((t) => sheetTable(t, "run")));
  } catch (e) {
    $("run-error").textContent = e.message;
  }
  document.body.dataset.ready = "true";
}

start();
