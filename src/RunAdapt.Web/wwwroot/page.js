"use strict";
// What both pages (the dashboard and a run's page) lay out with: element lookup and creation, and a table of the
// face-neutral outcome sheet (its first column the row labels, each cell signed for its colour).
const $ = (id) => document.getElementById(id);

function element(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function sheetTable(t, prefix) {
  const table = element("table");
  table.id = `${prefix}-${t.id}`;
  table.append(element("caption", t.title));
  if (t.columns.some((c) => c)) {
    const head = element("tr");
    head.append(...t.columns.map((c) => element("th", c)));
    table.createTHead().append(head);
  }
  table.createTBody().append(...t.rows.map((r) => {
    const tr = element("tr");
    tr.append(element("th", r.label), ...r.cells.map((c) => element("td", c.text, c.sign > 0 ? "num up" : c.sign < 0 ? "num down" : "num")));
    return tr;
  }));
  const parts = [table];
  if (t.note) parts.push(element("p", t.note, "note"));
  return parts;
}
