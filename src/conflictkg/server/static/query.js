// The query page: sends the editor's query to the SPARQL endpoint and shows the
// answer as a table, and as a map when it holds geo:wktLiteral geometries.
// Plain script, no libraries, nothing fetched from elsewhere.
"use strict";

(function () {
  const WKT = "http://www.opengis.net/ont/geosparql#wktLiteral";
  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const PLAIN = new Set([XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"]);
  // The frame always drawn: Syria's extent (CRS84 degrees), grown to hold every result.
  const SYRIA = { west: 35.6, south: 32.3, east: 42.4, north: 37.4 };
  const SVG = "http://www.w3.org/2000/svg";
  const CRS84 = /^\s*<http:\/\/www\.opengis\.net\/def\/crs\/OGC\/1\.3\/CRS84>\s*/;

  const form = document.getElementById("query-form");
  const editor = document.getElementById("query");
  const gutter = document.getElementById("gutter");
  const notes = document.getElementById("notes");
  const status = document.getElementById("status");
  const table = document.getElementById("results");
  const graphOut = document.getElementById("graph-results");
  const runButton = document.getElementById("run");
  const endpoint = form.getAttribute("action");
  // IRIs minted under the graph's base are shown short and open this server's page for them.
  const base = form.dataset.base || "";
  const BASE_PREFIXES = {};
  for (const kind of ["document", "place", "actor", "source", "event", "claim", "annotation"]) {
    BASE_PREFIXES[base + "id/" + kind + "/"] = kind;
  }

  function prefixes(text) {
    const found = { ...BASE_PREFIXES };
    const re = /PREFIX\s+([\w-]*):\s*<([^>]*)>/gi;
    let m;
    while ((m = re.exec(text))) found[m[2]] = m[1];
    return found;
  }

  function shorten(iri, known) {
    let best = null;
    for (const ns in known) {
      if (iri.startsWith(ns) && (!best || ns.length > best.length)) best = ns;
    }
    return best ? known[best] + ":" + iri.slice(best.length) : "<" + iri + ">";
  }

  function updateGutter() {
    const lines = editor.value.split("\n").length;
    let text = "";
    for (let i = 1; i <= lines; i++) text += i + "\n";
    gutter.textContent = text;
    editor.style.height = "auto";
    editor.style.height = editor.scrollHeight + "px";
  }

  function updateDownloads() {
    for (const link of document.querySelectorAll(".downloads a")) {
      link.href = endpoint + "?query=" + encodeURIComponent(editor.value) +
        "&format=" + link.dataset.format;
    }
  }

  function chooseExample(item) {
    editor.value = item.querySelector(".example-query").content.textContent;
    const note = item.querySelector(".example-notes");
    notes.textContent = note ? note.content.textContent : "";
    for (const other of document.querySelectorAll(".example.chosen")) other.classList.remove("chosen");
    item.classList.add("chosen");
    history.replaceState(null, "", "?example=" + encodeURIComponent(item.dataset.name));
    updateGutter();
    updateDownloads();
  }

  function cell(term, known) {
    const td = document.createElement("td");
    td.dir = "auto";
    if (!term) {
      td.className = "unbound";
      return td;
    }
    if (term.type === "uri") {
      const a = document.createElement("a");
      a.href = base && term.value.startsWith(base + "id/")
        ? "/" + term.value.slice(base.length) : term.value;
      a.textContent = shorten(term.value, known);
      a.title = term.value;
      td.appendChild(a);
    } else if (term.type === "bnode") {
      td.textContent = "_:" + term.value;
    } else {
      const span = document.createElement("span");
      span.textContent = term.datatype === WKT ? term.value.replace(CRS84, "") : term.value;
      if (term["xml:lang"]) span.lang = term["xml:lang"];
      td.appendChild(span);
      if (term.datatype && !PLAIN.has(term.datatype)) {
        const dt = document.createElement("span");
        dt.className = "dt";
        dt.textContent = shorten(term.datatype, known);
        td.appendChild(dt);
      }
    }
    return td;
  }

  function renderTable(data, known) {
    table.replaceChildren();
    const head = table.createTHead().insertRow();
    for (const name of data.head.vars) {
      const th = document.createElement("th");
      th.textContent = "?" + name;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const binding of data.results.bindings) {
      const row = body.insertRow();
      for (const name of data.head.vars) row.appendChild(cell(binding[name], known));
    }
  }

  // --- map: points and polygons from geo:wktLiteral cells, on a plain frame ---

  function parseWkt(text) {
    const body = text.replace(/^\s*<[^>]*>\s*/, "").trim();
    const kind = body.slice(0, body.indexOf("(")).trim().toUpperCase();
    const rings = [];
    const re = /\(([^()]+)\)/g;
    let m;
    while ((m = re.exec(body))) {
      rings.push(m[1].split(",").map((pair) => pair.trim().split(/\s+/).map(Number)));
    }
    return { kind, rings };
  }

  function labelOf(binding, vars) {
    const names = vars.filter((v) => /label/i.test(v) && binding[v]);
    const arabic = names.find((v) => binding[v]["xml:lang"] === "ar");
    const chosen = arabic || names[0];
    return chosen ? binding[chosen].value : "";
  }

  function collectShapes(data) {
    const shapes = [];
    for (const binding of data.results.bindings) {
      for (const name of data.head.vars) {
        const term = binding[name];
        if (term && term.type === "literal" && term.datatype === WKT) {
          const shape = parseWkt(term.value);
          if (shape.rings.length) shapes.push({ ...shape, label: labelOf(binding, data.head.vars) });
        }
      }
    }
    return shapes;
  }

  function svgEl(name, attrs, parent) {
    const el = document.createElementNS(SVG, name);
    for (const key in attrs) el.setAttribute(key, attrs[key]);
    parent.appendChild(el);
    return el;
  }

  function renderMap(shapes) {
    const figure = document.getElementById("map");
    const svg = document.getElementById("map-svg");
    svg.replaceChildren();
    if (!shapes.length) {
      figure.hidden = true;
      return;
    }
    const box = { ...SYRIA };
    for (const s of shapes) for (const ring of s.rings) for (const [x, y] of ring) {
      box.west = Math.min(box.west, x); box.east = Math.max(box.east, x);
      box.south = Math.min(box.south, y); box.north = Math.max(box.north, y);
    }
    const width = 700, height = 540, pad = 30;
    const kx = Math.cos(((box.north + box.south) / 2) * Math.PI / 180);
    const scale = Math.min((width - 2 * pad) / ((box.east - box.west) * kx),
                           (height - 2 * pad) / (box.north - box.south));
    const usedWidth = Math.ceil(2 * pad + (box.east - box.west) * kx * scale);
    svg.setAttribute("viewBox", "0 0 " + usedWidth + " " + height);
    const px = (x) => pad + (x - box.west) * kx * scale;
    const py = (y) => height - pad - (y - box.south) * scale;
    svgEl("rect", { class: "frame", x: px(SYRIA.west), y: py(SYRIA.north),
      width: px(SYRIA.east) - px(SYRIA.west), height: py(SYRIA.south) - py(SYRIA.north) }, svg);
    for (let lon = Math.ceil(box.west); lon <= box.east; lon++) {
      svgEl("line", { class: "grid", x1: px(lon), x2: px(lon), y1: py(box.south), y2: py(box.north) }, svg);
      svgEl("text", { class: "tick", x: px(lon) - 10, y: height - 8 }, svg).textContent = lon + "°E";
    }
    for (let lat = Math.ceil(box.south); lat <= box.north; lat++) {
      svgEl("line", { class: "grid", y1: py(lat), y2: py(lat), x1: px(box.west), x2: px(box.east) }, svg);
      svgEl("text", { class: "tick", x: 2, y: py(lat) - 3 }, svg).textContent = lat + "°N";
    }
    const placed = [];  // label positions: a label too close to an earlier one is left to the tooltip
    const crowded = (x, y) => placed.some(([a, b]) => Math.abs(a - x) < 60 && Math.abs(b - y) < 14);
    for (const s of shapes) {
      if (s.kind.endsWith("POLYGON")) {
        const d = s.rings.map((r) => "M" + r.map(([x, y]) => px(x) + "," + py(y)).join("L") + "Z").join("");
        svgEl("path", { class: "area", d }, svg);
        continue;
      }
      for (const ring of s.rings) for (const [x, y] of ring) {
        const dot = svgEl("circle", { class: "pt", cx: px(x), cy: py(y), r: 6 }, svg);
        svgEl("title", {}, dot).textContent = (s.label ? s.label + " " : "") + "(" + x + ", " + y + ")";
        if (s.label && !crowded(px(x), py(y))) {
          placed.push([px(x), py(y)]);
          const text = svgEl("text", { class: "pt-label", x: px(x) + 9, y: py(y) + 4 }, svg);
          text.textContent = s.label;
        }
      }
    }
    document.getElementById("map-caption").textContent =
      shapes.length + " geometries; frame: Syria's extent, longitude/latitude (CRS84)";
    figure.hidden = false;
  }

  // --- running a query ---

  async function run(event) {
    if (event) event.preventDefault();
    const text = editor.value;
    const known = prefixes(text);
    status.className = "status";
    status.textContent = "Running…";
    runButton.disabled = true;
    table.replaceChildren();
    graphOut.hidden = true;
    const started = performance.now();
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/sparql-results+json, text/turtle;q=0.9",
        },
        body: new URLSearchParams({ query: text }),
      });
      const type = response.headers.get("content-type") || "";
      if (!response.ok) {
        status.className = "status error";
        status.textContent = "Error " + response.status + ": " + (await response.text());
        renderMap([]);
        return;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      if (type.includes("json")) {
        const data = await response.json();
        if ("boolean" in data) {
          status.textContent = "Answer: " + data.boolean + " (" + seconds + " s)";
          renderMap([]);
          return;
        }
        renderTable(data, known);
        const n = data.results.bindings.length;
        status.textContent = n + (n === 1 ? " result" : " results") + " (" + seconds + " s)";
        renderMap(collectShapes(data));
      } else {
        graphOut.textContent = await response.text();
        graphOut.hidden = false;
        status.textContent = "Graph result (" + seconds + " s)";
        renderMap([]);
      }
    } catch (error) {
      status.className = "status error";
      status.textContent = "Could not reach the endpoint: " + error;
    } finally {
      runButton.disabled = false;
    }
  }

  form.addEventListener("submit", run);
  editor.addEventListener("input", () => { updateGutter(); updateDownloads(); });
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run(event);
    if (event.key === "Tab") {
      event.preventDefault();
      editor.setRangeText("  ", editor.selectionStart, editor.selectionEnd, "end");
      updateGutter();
    }
  });
  for (const link of document.querySelectorAll("[data-example]")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      chooseExample(link.closest(".example"));
    });
  }
  const chosen = document.querySelector(".example.chosen");
  if (chosen && chosen.querySelector(".example-notes")) {
    notes.textContent = chosen.querySelector(".example-notes").content.textContent;
  }
  updateGutter();
  updateDownloads();
  if (new URLSearchParams(location.search).has("run")) run();
})();
