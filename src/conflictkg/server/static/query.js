// The query page: a CodeMirror 6 editor (static/vendor/editor.js) that highlights SPARQL and
// completes prefixes, the ontology's terms and the names of places and groups; the query is
// sent to the SPARQL endpoint like any client's, and its answer drawn by views.js. Common
// prefixes a query uses without declaring are declared for the user, in the editor, before
// it runs. The URL holds the query (?query= runs it) and the browser keeps a history.
"use strict";

(function () {
  const CM = window.CKGEditor;
  const Views = window.CKGViews;
  const vocabulary = JSON.parse(document.getElementById("vocabulary").textContent);
  const PREFIXES = vocabulary.prefixes;
  const HISTORY_KEY = "conflictkg.query-history";
  const HISTORY_SIZE = 30;
  const WKT = "http://www.opengis.net/ont/geosparql#wktLiteral";
  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const PLAIN = new Set([XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"]);

  const form = document.getElementById("query-form");
  const textarea = document.getElementById("query");
  const status = document.getElementById("status");
  const notes = document.getElementById("notes");
  const prefixNote = document.getElementById("prefix-note");
  const runButton = document.getElementById("run");
  const caption = document.getElementById("view-caption");
  const endpoint = form.getAttribute("action");
  const base = form.dataset.base || "";
  let result = null;
  let shownView = "Table";

  // --- prefixes ---------------------------------------------------------------------------

  const MINTED = {};
  for (const kind of ["document", "place", "actor", "source", "event", "claim", "annotation"]) {
    MINTED[base + "id/" + kind + "/"] = kind;
  }

  function declared(text) {
    const found = {};
    const re = /PREFIX\s+([\w-]*):\s*<([^>]*)>/gi;
    let m;
    while ((m = re.exec(text))) found[m[1]] = m[2];
    return found;
  }

  // The text with strings, IRIs and comments blanked, so prefixed names can be found safely.
  function masked(text) {
    return text.replace(/"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>|#[^\n]*/g,
      (m) => m.replace(/[^\n]/g, " "));
  }

  function usedPrefixes(text) {
    const used = new Set();
    const re = /(^|[^\w?$:.-])([A-Za-z][\w.-]*)?:(?![/])/g;
    let m;
    const plain = masked(text);
    while ((m = re.exec(plain))) used.add(m[2] || "");
    return used;
  }

  // Declare the common prefixes a query uses but does not declare, in the editor, for all to see.
  function declareMissingPrefixes() {
    const text = getText();
    const have = declared(text);
    const missing = [...usedPrefixes(text)].filter((p) => !(p in have) && p in PREFIXES).sort();
    if (!missing.length) return [];
    const lines = missing.map((p) => `PREFIX ${p}: <${PREFIXES[p]}>`).join("\n") + "\n";
    // After a leading #defaultView (or other) comment block, before the rest.
    const lead = /^(?:#[^\n]*\n)*/.exec(text)[0].length;
    editor.dispatch({ changes: { from: lead, insert: lines } });
    prefixNote.textContent = `Declared for you: ${missing.map((p) => p + ":").join(" ")} ` +
      "(used in the query but not declared).";
    prefixNote.hidden = false;
    return missing;
  }

  function shorten(iri) {
    const known = { ...MINTED };
    for (const [name, ns] of Object.entries(PREFIXES)) known[ns] = name;
    for (const [name, ns] of Object.entries(declared(getText()))) known[ns] = name;
    let best = null;
    for (const ns in known) if (iri.startsWith(ns) && (!best || ns.length > best.length)) best = ns;
    return best ? known[best] + ":" + iri.slice(best.length) : "<" + iri + ">";
  }

  // --- completion --------------------------------------------------------------------------

  const TERM_TYPES = { class: "class", property: "property", concept: "enum", scheme: "namespace" };

  // Names of places and armed groups containing the typed words, from the store (the JSON
  // API's search), names that are the words themselves first, then those that begin so.
  async function names(word) {
    const found = [];
    const rank = (label) => (label === word ? 0 : label.startsWith(word) ? 1 : 2);
    for (const [path, type] of [["places", "place"], ["actors", "armed group"]]) {
      try {
        const response = await fetch(`/api/v1/${path}?q=${encodeURIComponent(word)}&limit=100`);
        if (!response.ok) continue;
        for (const item of (await response.json()).items) {
          for (const lang of ["ar", "en"]) {
            const label = item.labels[lang];
            if (label) {
              found.push({ label: `"${label}"@${lang}`, detail: `${type} ${item.key}`, type: "text",
                rank: rank(label) });
            }
          }
        }
      } catch (error) { /* the names are a help, not a need */ }
    }
    return found.sort((a, b) => a.rank - b.rank).slice(0, 40);
  }

  async function complete(context) {
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    const quoted = /"([^"\\]{2,})$/.exec(before);
    if (quoted && (before.match(/"/g) || []).length % 2 === 1) {
      const options = await names(quoted[1]);
      return options.length ? { from: context.pos - quoted[1].length - 1, options, filter: false } : null;
    }
    const word = context.matchBefore(/[A-Za-z][\w-]*:[\w-]*|[A-Za-z][\w-]*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    const text = word.text;
    if (/^(PREFIX|prefix)$/.test(before.trim().split(/\s+/).slice(-2, -1)[0] || "")) {
      return { from: word.from, options: Object.entries(PREFIXES).map(([p, ns]) => ({
        label: `${p}: <${ns}>`, type: "namespace" })) };
    }
    if (!text.includes(":")) {
      const prefixes = Object.keys(PREFIXES).filter((p) => p.startsWith(text)).map((p) => ({
        label: p + ":", type: "namespace", detail: PREFIXES[p], boost: 1 }));
      const lower = text.toLowerCase();
      const terms = text.length >= 3 ? vocabulary.terms.filter((t) => (t.en || "").toLowerCase().startsWith(lower) ||
        t.curie.split(":")[1].toLowerCase().startsWith(lower)).slice(0, 30).map(option) : [];
      return { from: word.from, options: [...prefixes, ...terms] };
    }
    const prefix = text.split(":")[0];
    return { from: word.from, options: vocabulary.terms.filter((t) => t.curie.startsWith(prefix + ":")).map(option),
      validFor: /^[\w-]*:[\w-]*$/ };
  }

  function option(term) {
    return {
      label: term.curie, type: TERM_TYPES[term.kind] || "variable",
      detail: [term.en, term.ar].filter(Boolean).join(" · "),
      apply: (view, completion, from, to) => {
        view.dispatch({ changes: { from, to, insert: term.curie } });
        declareMissingPrefixes();
      },
    };
  }

  // --- the editor ---------------------------------------------------------------------------

  const editor = new CM.EditorView({
    parent: document.getElementById("editor"),
    doc: textarea.value,
    extensions: [
      CM.keymap.of([{ key: "Mod-Enter", run: () => { run(); return true; } }]),
      CM.basicSetup,
      CM.StreamLanguage.define(CM.sparql),
      CM.autocompletion({ override: [complete], activateOnTyping: true }),
      CM.lintGutter(),
      CM.EditorView.updateListener.of((update) => {
        if (update.docChanged) {
          textarea.value = getText();
          updateDownloads();
        }
      }),
      CM.EditorView.contentAttributes.of({ "aria-label": "SPARQL query", dir: "ltr" }),
    ],
  });
  textarea.hidden = true;
  window.ckgEditor = editor;

  function getText() {
    return editor ? editor.state.doc.toString() : textarea.value;
  }

  function setText(text) {
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
  }

  function markError(message) {
    const at = /line (\d+), column (\d+)/.exec(message);
    if (!at) return;
    const doc = editor.state.doc;
    const line = doc.line(Math.min(Number(at[1]), doc.lines));
    // From the column to the line's end, at least one character (the parser may point past it).
    let from = Math.min(line.from + Math.max(Number(at[2]) - 1, 0), line.to);
    if (from === line.to && line.to > line.from) from = line.to - 1;
    const to = Math.max(line.to, Math.min(from + 1, doc.length));
    editor.dispatch(CM.setDiagnostics(editor.state, [{ from, to, severity: "error", message }]));
  }

  function updateDownloads() {
    for (const a of document.querySelectorAll(".downloads a")) {
      a.href = endpoint + "?query=" + encodeURIComponent(getText()) + "&format=" + a.dataset.format;
    }
  }

  // --- results ------------------------------------------------------------------------------

  function cell(term) {
    const td = document.createElement("td");
    td.dir = "auto";
    if (!term) {
      td.className = "unbound";
      return td;
    }
    if (term.type === "uri") {
      const local = base && term.value.startsWith(base + "id/");
      // Only this server's pages and http(s) IRIs are followed: data never makes a javascript: link.
      const a = document.createElement(local || /^https?:\/\//i.test(term.value) ? "a" : "span");
      if (a.tagName === "A") a.href = local ? "/" + term.value.slice(base.length) : term.value;
      a.textContent = shorten(term.value);
      a.title = term.value;
      td.appendChild(a);
    } else if (term.type === "bnode") {
      td.textContent = "_:" + term.value;
    } else {
      const span = document.createElement("span");
      span.textContent = term.datatype === WKT ? term.value.replace(/^\s*<[^>]*>\s*/, "") : term.value;
      if (term["xml:lang"]) span.lang = term["xml:lang"];
      td.appendChild(span);
      if (term.datatype && !PLAIN.has(term.datatype)) {
        const dt = document.createElement("span");
        dt.className = "dt";
        dt.textContent = shorten(term.datatype);
        td.appendChild(dt);
      }
    }
    return td;
  }

  const CONTEXT = { base, shorten, cell, boundaries: form.dataset.boundaries };

  function defaultView(text) {
    const named = /^#\s*defaultView:\s*(\w+)/m.exec(text);
    return named && Views.names.includes(named[1]) ? named[1] : null;
  }

  function showView(name) {
    shownView = name;
    for (const button of document.querySelectorAll("#views button")) {
      button.setAttribute("aria-pressed", String(button.dataset.view === name));
    }
    for (const pane of document.querySelectorAll(".view")) pane.hidden = pane.id !== "view-" + name;
    if (!result) return;
    caption.textContent = Views.render(name, result, CONTEXT);
  }

  // N-Triples, as SPARQL JSON terms.
  function readTriples(text) {
    const term = (t) => {
      if (t.startsWith("<")) return { type: "uri", value: t.slice(1, -1) };
      if (t.startsWith("_:")) return { type: "bnode", value: t.slice(2) };
      const m = /^("(?:[^"\\]|\\.)*")(?:@([\w-]+)|\^\^<([^>]*)>)?$/.exec(t);
      const value = JSON.parse(m[1].replace(/\\U([0-9A-Fa-f]{8})/g, (_, h) => String.fromCodePoint(parseInt(h, 16))));
      const out = { type: "literal", value };
      if (m[2]) out["xml:lang"] = m[2];
      if (m[3]) out.datatype = m[3];
      return out;
    };
    const triples = [];
    for (const line of text.split("\n")) {
      const m = /^(<[^>]*>|_:\S+)\s+<([^>]*)>\s+(.*\S)\s*\.\s*$/.exec(line.trim());
      if (m) triples.push({ subject: term(m[1]), predicate: { type: "uri", value: m[2] }, object: term(m[3]) });
    }
    return triples;
  }

  async function run(event) {
    if (event) event.preventDefault();
    declareMissingPrefixes();
    const text = getText();
    history.replaceState(null, "", "?query=" + encodeURIComponent(text));
    editor.dispatch(CM.setDiagnostics(editor.state, []));
    status.className = "status";
    status.textContent = "Running…";
    runButton.disabled = true;
    const started = performance.now();
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/sparql-results+json, application/n-triples;q=0.9" },
        body: new URLSearchParams({ query: text }),
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      if (!response.ok) {
        const message = (await response.text()).trim().split("\n")[0];
        status.className = "status error";
        status.textContent = `Error ${response.status}: ${message}`;
        markError(message);
        return;
      }
      const type = response.headers.get("content-type") || "";
      if (type.includes("json")) {
        const data = await response.json();
        if ("boolean" in data) {
          result = { kind: "ask", vars: ["answer"], rows: [{ answer: { type: "literal", value: String(data.boolean),
            datatype: XSD + "boolean" } }] };
          status.textContent = `Answer: ${data.boolean} (${seconds} s)`;
        } else {
          result = { kind: "select", vars: data.head.vars, rows: data.results.bindings };
          const n = result.rows.length;
          status.textContent = `${n} ${n === 1 ? "result" : "results"} (${seconds} s)`;
        }
      } else {
        const triples = readTriples(await response.text());
        result = { kind: "graph", vars: ["subject", "predicate", "object"], triples,
          rows: triples.map((t) => ({ subject: t.subject, predicate: t.predicate, object: t.object })) };
        status.textContent = `${triples.length} triples (${seconds} s)`;
      }
      remember(text, result.rows.length);
      const wanted = defaultView(text) ||
        (result.kind === "graph" ? "Graph" : Views.hasGeometry(result) ? "Map" : "Table");
      showView(wanted);
    } catch (error) {
      status.className = "status error";
      status.textContent = "Could not reach the endpoint: " + error;
    } finally {
      runButton.disabled = false;
    }
  }

  // --- history in the browser ----------------------------------------------------------------

  function recalled() {
    try {
      return JSON.parse(localStorage.getItem(HISTORY_KEY) || "[]");
    } catch (error) {
      return [];
    }
  }

  function remember(text, rows) {
    const kept = recalled().filter((h) => h.query !== text);
    kept.unshift({ query: text, rows, at: new Date().toISOString() });
    try {
      localStorage.setItem(HISTORY_KEY, JSON.stringify(kept.slice(0, HISTORY_SIZE)));
    } catch (error) { /* a full or closed storage keeps no history */ }
    showHistory();
  }

  function showHistory() {
    const list = document.getElementById("history");
    list.replaceChildren();
    for (const item of recalled()) {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      const firstLine = item.query.split("\n").find((l) => l.trim() && !/^\s*(PREFIX|#)/i.test(l)) || item.query;
      button.textContent = firstLine.trim().slice(0, 80);
      button.title = item.query;
      const when = document.createElement("small");
      when.textContent = ` ${item.at.slice(0, 16).replace("T", " ")} · ${item.rows} rows`;
      button.addEventListener("click", () => {
        setText(item.query);
        run();
      });
      li.append(button, when);
      list.appendChild(li);
    }
    document.getElementById("history-box").hidden = !list.children.length;
  }

  // --- wiring ---------------------------------------------------------------------------------

  function chooseExample(item) {
    setText(item.querySelector(".example-query").content.textContent);
    const note = item.querySelector(".example-notes");
    notes.textContent = note ? note.content.textContent : "";
    prefixNote.hidden = true;
    for (const other of document.querySelectorAll(".example.chosen")) other.classList.remove("chosen");
    item.classList.add("chosen");
    history.replaceState(null, "", "?example=" + encodeURIComponent(item.dataset.name));
  }

  form.addEventListener("submit", run);
  for (const a of document.querySelectorAll("[data-example]")) {
    a.addEventListener("click", (event) => {
      event.preventDefault();
      chooseExample(a.closest(".example"));
    });
  }
  for (const button of document.querySelectorAll("#views button")) {
    button.addEventListener("click", () => showView(button.dataset.view));
  }
  const chosen = document.querySelector(".example.chosen .example-notes");
  if (chosen && !form.dataset.run) notes.textContent = chosen.content.textContent;
  updateDownloads();
  showHistory();
  showView(defaultView(getText()) || "Table");
  if (form.dataset.run) run();
})();
