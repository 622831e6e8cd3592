"use strict";
// Interactive dated charts (hover for values, drag across a chart to zoom into those dates, double-click to zoom
// out), drawn with the bundled uPlot from the server's chart data: nothing is computed here but the drawing.
const chartPalette = ["#7b3294", "#d6604d", "#1b7837", "#2166ac", "#e08214", "#5e4fa2", "#b2182b", "#3e4c59"];
// The drawn charts by name, so a test (or a console user) can read their state.
window.runadaptCharts = {};

function chartSeconds(day) {
  return Date.parse(`${day}T00:00:00Z`) / 1000;
}

// The width of the figure a chart fills (one cell of the grid), less its border.
function chartWidth(figure) {
  return Math.max(200, Math.floor(figure.getBoundingClientRect().width) - 2);
}

// Draws one chart into a new figure appended to parent; returns the figure.
function drawDatedChart(parent, chart) {
  const figure = document.createElement("figure");
  figure.dataset.chart = chart.name;
  parent.append(figure);
  const x = chart.dates.map(chartSeconds);
  const format = (v) => (v == null ? "–" : `${v.toFixed(chart.decimals)}${chart.unit ? ` ${chart.unit}` : ""}`);
  // Bars are stacked: each series is drawn at its running total, tallest first, but its own value is shown.
  const raw = chart.lines.map((l) => l.values);
  const drawn = chart.bars ? raw.map((_, i) => x.map((__, j) => raw.slice(0, i + 1).reduce((s, v) => s + v[j], 0))) : raw;
  const order = chart.bars ? chart.lines.map((_, i) => chart.lines.length - 1 - i) : chart.lines.map((_, i) => i);
  const bars = chart.bars && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.8, 40] }) : undefined;
  const series = [{ label: "date", value: (u, ts) => (ts == null ? "–" : new Date(ts * 1000).toISOString().slice(0, 10)) }];
  for (const i of order) {
    const colour = chartPalette[i % chartPalette.length];
    series.push({
      label: chart.lines[i].label,
      stroke: colour,
      width: chart.bars ? 0 : 2,
      fill: chart.bars ? colour : undefined,
      paths: bars,
      points: { show: false },
      value: (u, v, si, idx) => (idx == null ? "–" : format(raw[i][idx])),
    });
  }
  const options = {
    title: chart.title,
    width: chartWidth(figure),
    height: 240,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
    cursor: { drag: { x: true, y: false } },
    scales: { x: { time: true } },
    axes: [{}, { label: chart.unit, size: 56 }],
    series,
  };
  const plot = new uPlot(options, [x, ...order.map((i) => drawn[i])], figure);
  window.runadaptCharts[chart.name] = plot;
  return figure;
}

function drawDatedCharts(parent, charts) {
  for (const plot of Object.values(window.runadaptCharts)) plot.destroy();
  window.runadaptCharts = {};
  parent.replaceChildren();
  for (const chart of charts) drawDatedChart(parent, chart);
}

// Charts follow the page's width (a phone held upright, a window resized).
window.addEventListener("resize", () => {
  for (const plot of Object.values(window.runadaptCharts)) {
    const figure = plot.root.parentElement;
    if (figure) plot.setSize({ width: chartWidth(figure), height: plot.height });
  }
});
