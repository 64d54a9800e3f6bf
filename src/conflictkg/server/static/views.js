// The query page's result views, as the Wikidata Query Service's users know them: Table,
// Map, Timeline, BarChart, LineChart and Graph. Each draws a result (SPARQL JSON of a
// SELECT or ASK, or the triples of a CONSTRUCT/DESCRIBE) into its own element, in plain
// SVG; the map is map.js's, on the vendored Leaflet.
"use strict";

window.CKGViews = (function () {
  const SVG = "http://www.w3.org/2000/svg";
  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const WKT = "http://www.opengis.net/ont/geosparql#wktLiteral";
  const LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
  const NUMERIC = new Set(["integer", "decimal", "double", "float", "int", "long", "short",
    "nonNegativeInteger", "positiveInteger", "unsignedInt"].map((n) => XSD + n));
  const DATES = new Set(["date", "dateTime", "gYear", "gYearMonth"].map((n) => XSD + n));
  const DATE_TEXT = /^-?\d{4}(-\d{2}(-\d{2}(T[\d:.]+(Z|[+-]\d\d:\d\d)?)?)?)?$/;
  const COLOURS = ["#8a2b1f", "#1f4e8a", "#3b7d3a", "#b07d12", "#6a3d8f", "#1f7a7a", "#a3475f", "#55606b"];

  // --- reading terms -------------------------------------------------------------------

  function el(name, attrs, parent, text) {
    const node = document.createElementNS(SVG, name);
    for (const key in attrs || {}) node.setAttribute(key, attrs[key]);
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }

  function isNumber(term) {
    return term && term.type !== "uri" && NUMERIC.has(term.datatype) && isFinite(Number(term.value));
  }

  function isDate(term) {
    return term && term.type !== "uri" && (DATES.has(term.datatype) ||
      (!term.datatype && DATE_TEXT.test(term.value) && term.value.length >= 7));
  }

  function dayOf(value) {
    const [year, month, day] = value.slice(0, 10).split("-").map(Number);
    return Date.UTC(year, (month || 1) - 1, day || 1);
  }

  function endOf(value) {
    const parts = value.slice(0, 10).split("-").map(Number);
    if (parts.length === 1) return Date.UTC(parts[0], 11, 31);
    if (parts.length === 2) return Date.UTC(parts[0], parts[1], 0);
    return Date.UTC(parts[0], parts[1] - 1, parts[2]);
  }

  // The page of a term: this server's for IRIs minted under the base, else the IRI.
  function href(term, ctx) {
    if (!term || term.type !== "uri") return null;
    const v = term.value;
    if (ctx.base && v.startsWith(ctx.base + "id/")) return "/" + v.slice(ctx.base.length);
    if (v.startsWith("https://conflictkg.org/ontology")) return "/" + v.slice("https://conflictkg.org/".length);
    return /^https?:\/\//i.test(v) ? v : null;  // data never makes a javascript: link
  }

  function display(term, ctx) {
    if (!term) return "";
    if (term.type === "uri") return ctx.shorten(term.value);
    if (term.type === "bnode") return "_:" + term.value;
    return term.value;
  }

  // The words that name a row: its label columns (Arabic kept beside English), else its
  // first literal, else its first IRI shortened.
  function rowLabel(binding, vars, ctx, skip) {
    const names = vars.filter((v) => binding[v] && binding[v].type === "literal" && /label|name/i.test(v) &&
      !isNumber(binding[v]) && !isDate(binding[v]) && binding[v].datatype !== WKT);
    if (names.length) return names.map((v) => binding[v].value).join(" · ");
    const literal = vars.find((v) => v !== skip && binding[v] && binding[v].type === "literal" &&
      !isNumber(binding[v]) && !isDate(binding[v]) && binding[v].datatype !== WKT);
    if (literal) return binding[literal].value;
    const iri = vars.find((v) => binding[v] && binding[v].type === "uri");
    return iri ? display(binding[iri], ctx) : "";
  }

  // The row's own page: the first IRI minted here, else the first IRI.
  function rowLink(binding, vars, ctx) {
    const local = vars.find((v) => binding[v] && binding[v].type === "uri" && ctx.base &&
      binding[v].value.startsWith(ctx.base + "id/"));
    const any = local || vars.find((v) => binding[v] && binding[v].type === "uri");
    return any ? href(binding[any], ctx) : null;
  }

  function link(parent, url, child) {
    if (!url) {
      parent.appendChild(child);
      return child;
    }
    const a = el("a", { href: url }, parent);
    a.appendChild(child);
    return a;
  }

  function clear(svg, width, height) {
    svg.replaceChildren();
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.setAttribute("width", width);
    svg.setAttribute("height", height);
  }

  // --- the views -------------------------------------------------------------------------

  function table(result, ctx) {
    const tableEl = document.getElementById("results");
    tableEl.replaceChildren();
    const vars = result.vars;
    const head = tableEl.createTHead().insertRow();
    for (const name of vars) {
      const th = document.createElement("th");
      th.textContent = result.kind === "graph" ? name : "?" + name;
      head.appendChild(th);
    }
    const body = tableEl.createTBody();
    for (const binding of result.rows) {
      const row = body.insertRow();
      for (const name of vars) row.appendChild(ctx.cell(binding[name]));
    }
    return `${result.rows.length} rows`;
  }

  function timeline(result, ctx) {
    const svg = document.getElementById("timeline");
    const items = [];
    for (const binding of result.rows) {
      const dates = result.vars.filter((v) => isDate(binding[v]));
      if (!dates.length) continue;
      const first = binding[dates[0]].value, last = dates[1] ? binding[dates[1]].value : first;
      items.push({ start: dayOf(first), end: Math.max(endOf(last), dayOf(first)), from: first, to: last,
        label: rowLabel(binding, result.vars, ctx), url: rowLink(binding, result.vars, ctx) });
    }
    const width = 960, lane = 24, top = 34;
    const shown = items.slice(0, 300).sort((a, b) => a.start - b.start);
    clear(svg, width, top + Math.max(1, shown.length) * lane + 20);
    if (!shown.length) {
      el("text", { x: 10, y: 24, class: "empty" }, svg, "No dates in this result");
      return "no dates";
    }
    const min = Math.min(...shown.map((i) => i.start)), max = Math.max(...shown.map((i) => i.end));
    const span = Math.max(max - min, 86400000 * 30);
    const left = 10, right = width - 10;
    const x = (t) => left + ((t - min) / span) * (right - left) * 0.62;
    const years = [];
    for (let y = new Date(min).getUTCFullYear(); y <= new Date(max).getUTCFullYear() + 1; y++) years.push(y);
    const step = Math.ceil(years.length / 12);
    for (const y of years.filter((_, i) => i % step === 0)) {
      const at = x(Date.UTC(y, 0, 1));
      if (at < left || at > right * 0.62 + 20) continue;
      el("line", { x1: at, x2: at, y1: top - 8, y2: top + shown.length * lane, class: "tick-line" }, svg);
      el("text", { x: at + 2, y: top - 12, class: "tick" }, svg, String(y));
    }
    shown.forEach((item, i) => {
      const y = top + i * lane;
      const g = el("g", { class: "tl-row" }, null);
      const x1 = x(item.start), x2 = Math.max(x(item.end), x1 + 6);
      el("rect", { x: x1, y: y + 4, width: x2 - x1, height: lane - 10, rx: 3, class: "tl-item" }, g);
      el("title", {}, g.firstChild, `${item.label} (${item.from}${item.to !== item.from ? " – " + item.to : ""})`);
      el("text", { x: x2 + 6, y: y + lane / 2 + 4, class: "tl-label", "text-anchor": "start" }, g,
        `${item.from}${item.to !== item.from ? " – " + item.to : ""}  ${item.label}`);
      link(svg, item.url, g);
    });
    return `${shown.length} items on the timeline`;
  }

  // Category, series and value columns of a result, for the charts.
  function chartColumns(result) {
    const rows = result.rows, vars = result.vars;
    const value = vars.find((v) => rows.some((b) => isNumber(b[v])));
    const labels = vars.filter((v) => v !== value && rows.some((b) => b[v]) &&
      !rows.some((b) => isNumber(b[v]) || (b[v] && b[v].datatype === WKT)));
    const named = labels.filter((v) => /label|name/i.test(v));
    const literalFirst = labels.filter((v) => rows.some((b) => b[v] && b[v].type === "literal"));
    const category = named[0] || literalFirst[0] || labels[0];
    const series = labels.find((v) => v !== category && !(category && v.startsWith(category.replace(/Label$/, ""))) &&
      !named.includes(v) && rows.some((b) => b[v] && b[v].type === "uri")) || null;
    return { value, category, series };
  }

  function barChart(result, ctx) {
    const svg = document.getElementById("barchart");
    const { value, category, series } = chartColumns(result);
    const bars = result.rows.filter((b) => value && b[value]).slice(0, 60).map((b) => ({
      label: category ? display(b[category], ctx) : "", series: series ? display(b[series], ctx) : "",
      value: Number(b[value].value), url: rowLink(b, result.vars, ctx) }));
    const width = 960, bar = 22, top = 10, left = 300;
    clear(svg, width, top + Math.max(1, bars.length) * (bar + 6) + 30);
    if (!bars.length) {
      el("text", { x: 10, y: 24, class: "empty" }, svg, "No numbers in this result to chart");
      return "no numbers";
    }
    const max = Math.max(...bars.map((b) => b.value), 1);
    const names = [...new Set(bars.map((b) => b.series))];
    bars.forEach((b, i) => {
      const y = top + i * (bar + 6);
      const g = el("g", { class: "bar-row" }, null);
      el("text", { x: left - 8, y: y + bar / 2 + 4, "text-anchor": "end", class: "bar-label", direction: "ltr" }, g,
        b.label + (b.series ? " · " + b.series : ""));
      const w = Math.max(2, ((width - left - 60) * b.value) / max);
      el("rect", { x: left, y, width: w, height: bar, class: "bar",
        fill: COLOURS[names.indexOf(b.series) % COLOURS.length] }, g);
      el("text", { x: left + w + 6, y: y + bar / 2 + 4, class: "bar-value" }, g, String(b.value));
      link(svg, b.url, g);
    });
    return `${bars.length} bars of ?${value}`;
  }

  function lineChart(result, ctx) {
    const svg = document.getElementById("linechart");
    const vars = result.vars;
    const value = vars.find((v) => result.rows.some((b) => isNumber(b[v])));
    const others = vars.filter((v) => v !== value);
    const xVar = others.find((v) => result.rows.some((b) => isDate(b[v]))) || others[0];
    const sVar = others.find((v) => v !== xVar) || null;
    const points = result.rows.filter((b) => value && b[value] && xVar && b[xVar]).map((b) => ({
      x: b[xVar].value, y: Number(b[value].value), s: sVar && b[sVar] ? display(b[sVar], ctx) : "" }));
    const width = 960, height = 380, left = 50, right = 220, top = 20, bottom = 40;
    clear(svg, width, height);
    if (!points.length) {
      el("text", { x: 10, y: 24, class: "empty" }, svg, "No numbers in this result to chart");
      return "no numbers";
    }
    const xs = [...new Set(points.map((p) => p.x))].sort();
    const maxY = Math.max(...points.map((p) => p.y), 1);
    const px = (x) => left + (xs.length === 1 ? 0.5 : xs.indexOf(x) / (xs.length - 1)) * (width - left - right);
    const py = (y) => height - bottom - (y / maxY) * (height - top - bottom);
    el("line", { x1: left, x2: width - right, y1: height - bottom, y2: height - bottom, class: "axis" }, svg);
    el("line", { x1: left, x2: left, y1: top, y2: height - bottom, class: "axis" }, svg);
    for (let i = 0; i <= 4; i++) {
      const v = Math.round((maxY * i) / 4);
      el("text", { x: left - 6, y: py(v) + 4, "text-anchor": "end", class: "tick" }, svg, String(v));
    }
    const every = Math.ceil(xs.length / 10);
    xs.forEach((x, i) => {
      if (i % every === 0) el("text", { x: px(x), y: height - bottom + 16, "text-anchor": "middle", class: "tick" }, svg, x);
    });
    const series = [...new Set(points.map((p) => p.s))];
    series.forEach((name, i) => {
      const own = points.filter((p) => p.s === name).sort((a, b) => xs.indexOf(a.x) - xs.indexOf(b.x));
      const colour = COLOURS[i % COLOURS.length];
      el("path", { d: own.map((p, j) => (j ? "L" : "M") + px(p.x) + "," + py(p.y)).join(""), class: "line",
        stroke: colour }, svg);
      for (const p of own) {
        el("title", {}, el("circle", { cx: px(p.x), cy: py(p.y), r: 4, class: "line-point", fill: colour }, svg),
          `${name} ${p.x}: ${p.y}`);
      }
      el("rect", { x: width - right + 14, y: top + i * 18, width: 12, height: 12, fill: colour }, svg);
      el("text", { x: width - right + 32, y: top + i * 18 + 10, class: "legend" }, svg, name || "?" + value);
    });
    return `${points.length} points in ${series.length} series`;
  }

  // Nodes and links: a graph result's triples, or a SELECT's rows (each row links its IRIs in order).
  function graphData(result, ctx) {
    const nodes = new Map(), links = [];
    const node = (term) => {
      const key = term.type + ":" + term.value;
      if (!nodes.has(key)) nodes.set(key, { key, term, label: display(term, ctx), url: href(term, ctx) });
      return nodes.get(key);
    };
    if (result.kind === "graph") {
      for (const t of result.triples) {
        if (t.predicate.value === LABEL && t.object.type === "literal") {
          const n = node(t.subject);
          if (!n.named || t.object["xml:lang"] === "en") n.label = t.object.value;
          n.named = true;
          continue;
        }
        if (t.object.type === "literal") continue;
        links.push({ source: node(t.subject), target: node(t.object), label: ctx.shorten(t.predicate.value) });
      }
    } else {
      for (const b of result.rows) {
        const iris = result.vars.filter((v) => b[v] && b[v].type === "uri" && !/kind|type|rank|qualifier/i.test(v));
        for (let i = 0; i + 1 < iris.length; i++) {
          links.push({ source: node(b[iris[i]]), target: node(b[iris[i + 1]]), label: iris[i + 1] });
        }
        for (const v of iris) {
          const label = b[v + "Label"];
          if (label) node(b[v]).label = label.value;
        }
      }
    }
    return { nodes: [...nodes.values()].slice(0, 300), links };
  }

  function layout(nodes, links, width, height) {
    nodes.forEach((n, i) => {
      const angle = (i / nodes.length) * 2 * Math.PI;
      n.x = width / 2 + (Math.cos(angle) * width) / 3;
      n.y = height / 2 + (Math.sin(angle) * height) / 3;
    });
    const kept = links.filter((l) => nodes.includes(l.source) && nodes.includes(l.target));
    for (let step = 0; step < 300; step++) {
      const heat = 1 - step / 300;
      for (const a of nodes) { a.dx = 0; a.dy = 0; }
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i], b = nodes[j];
          let dx = a.x - b.x, dy = a.y - b.y;
          const d2 = Math.max(dx * dx + dy * dy, 1);
          const f = 4000 / d2;
          dx *= f / Math.sqrt(d2); dy *= f / Math.sqrt(d2);
          a.dx += dx; a.dy += dy; b.dx -= dx; b.dy -= dy;
        }
      }
      for (const l of kept) {
        const dx = l.target.x - l.source.x, dy = l.target.y - l.source.y;
        const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
        const f = (d - 110) * 0.05;
        l.source.dx += (dx / d) * f; l.source.dy += (dy / d) * f;
        l.target.dx -= (dx / d) * f; l.target.dy -= (dy / d) * f;
      }
      for (const n of nodes) {
        n.dx += (width / 2 - n.x) * 0.01; n.dy += (height / 2 - n.y) * 0.01;
        n.x = Math.min(width - 20, Math.max(20, n.x + Math.max(-20, Math.min(20, n.dx)) * heat));
        n.y = Math.min(height - 20, Math.max(20, n.y + Math.max(-20, Math.min(20, n.dy)) * heat));
      }
    }
    return kept;
  }

  function graph(result, ctx) {
    const svg = document.getElementById("graph");
    const width = 960, height = 620;
    clear(svg, width, height);
    const { nodes, links } = graphData(result, ctx);
    if (!nodes.length) {
      el("text", { x: 10, y: 24, class: "empty" }, svg, "No IRIs in this result to draw");
      return "no nodes";
    }
    const kept = layout(nodes, links, width, height);
    for (const l of kept) {
      el("title", {}, el("line", { x1: l.source.x, y1: l.source.y, x2: l.target.x, y2: l.target.y, class: "edge" }, svg),
        l.label);
    }
    for (const n of nodes) {
      const g = el("g", { class: "node", transform: `translate(${n.x},${n.y})` }, null);
      el("circle", { r: 7, class: n.url && n.url.startsWith("/id/") ? "local" : "other" }, g);
      el("text", { x: 10, y: 4, class: "node-label" }, g, n.label.length > 40 ? n.label.slice(0, 39) + "…" : n.label);
      link(svg, n.url, g);
    }
    return `${nodes.length} nodes, ${kept.length} links`;
  }

  const VIEWS = { Table: table, Map: null, Timeline: timeline, BarChart: barChart, LineChart: lineChart,
    Graph: graph };

  return {
    names: Object.keys(VIEWS),
    render(name, result, ctx) { return VIEWS[name](result, ctx); },
    hasGeometry(result) { return result.rows.some((b) => result.vars.some((v) => b[v] && b[v].datatype === WKT)); },
    // A view drawn by a script of its own (map.js), with the helpers it shares.
    register(name, draw) { VIEWS[name] = draw; },
    helpers: { rowLabel, rowLink, WKT },
  };
})();
