"use strict";
(function () {
  const started = performance.now();
  const byId = (id) => document.getElementById(id);
  // Raw DEFLATE (RFC 1951), decoded synchronously: the page's data comes deflated, in
  // base64, and a document's chunk is inflated the moment it is first opened.
  const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  const DISTANCE_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
    3073, 4097, 6145, 8193, 12289, 16385, 24577];
  const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  const CODE_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  // A canonical Huffman code as a table indexed by the next `max` bits (LSB first):
  // each entry is symbol << 4 | length, 0 for no code.
  function huffman(lengths) {
    let max = 0;
    for (const length of lengths) if (length > max) max = length;
    const count = new Uint16Array(16), next = new Uint16Array(16);
    for (const length of lengths) if (length) count[length]++;
    for (let length = 1, code = 0; length <= 15; length++) { code = (code + count[length - 1]) << 1; next[length] = code; }
    const size = 1 << max, table = new Int32Array(size);
    lengths.forEach((length, symbol) => {
      if (!length) return;
      let code = next[length]++, reversed = 0;
      for (let i = 0; i < length; i++) { reversed = (reversed << 1) | (code & 1); code >>= 1; }
      for (let i = reversed; i < size; i += 1 << length) table[i] = (symbol << 4) | length;
    });
    return { table, max };
  }
  const FIXED_LITERALS = huffman(Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8)));
  const FIXED_DISTANCES = huffman(new Array(30).fill(5));
  function inflateRaw(input) {
    let position = 0, buffer = 0, held = 0, length = 0, out = new Uint8Array(input.length * 4 + 1024);
    const need = (n) => { while (held < n) { buffer |= (input[position++] | 0) << held; held += 8; } };
    const bits = (n) => { need(n); const value = buffer & ((1 << n) - 1); buffer >>>= n; held -= n; return value; };
    const symbol = (code) => {
      need(code.max);
      const entry = code.table[buffer & ((1 << code.max) - 1)];
      if (!entry) throw new Error("damaged data (no such code)");
      buffer >>>= entry & 15; held -= entry & 15;
      return entry >> 4;
    };
    const room = (n) => {
      if (length + n <= out.length) return;
      const bigger = new Uint8Array(Math.max(out.length * 2, length + n));
      bigger.set(out.subarray(0, length));
      out = bigger;
    };
    let last = 0;
    while (!last) {
      last = bits(1);
      const type = bits(2);
      if (type === 0) {
        position -= held >> 3; buffer = 0; held = 0;
        const size = input[position] | (input[position + 1] << 8);
        position += 4;
        room(size);
        out.set(input.subarray(position, position + size), length);
        position += size; length += size;
        continue;
      }
      let literals = FIXED_LITERALS, distances = FIXED_DISTANCES;
      if (type === 2) {
        const literalCount = bits(5) + 257, distanceCount = bits(5) + 1, codeCount = bits(4) + 4;
        const codeLengths = new Array(19).fill(0);
        for (let i = 0; i < codeCount; i++) codeLengths[CODE_ORDER[i]] = bits(3);
        const lengthsCode = huffman(codeLengths), lengths = [];
        while (lengths.length < literalCount + distanceCount) {
          const s = symbol(lengthsCode);
          if (s < 16) lengths.push(s);
          else if (s === 16) { const previous = lengths[lengths.length - 1] | 0; for (let r = bits(2) + 3; r > 0; r--) lengths.push(previous); }
          else for (let r = s === 17 ? bits(3) + 3 : bits(7) + 11; r > 0; r--) lengths.push(0);
        }
        literals = huffman(lengths.slice(0, literalCount));
        distances = huffman(lengths.slice(literalCount));
      } else if (type !== 1) {
        throw new Error("damaged data (block type 3)");
      }
      for (;;) {
        const s = symbol(literals);
        if (s < 256) { room(1); out[length++] = s; continue; }
        if (s === 256) break;
        const count = LENGTH_BASE[s - 257] + bits(LENGTH_EXTRA[s - 257]);
        const d = symbol(distances);
        const distance = DISTANCE_BASE[d] + bits(DISTANCE_EXTRA[d]);
        room(count);
        for (let k = 0; k < count; k++, length++) out[length] = out[length - distance];
      }
    }
    return out.subarray(0, length);
  }
  function inflate(node) {
    const binary = atob(node.textContent.trim());
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder("utf-8").decode(inflateRaw(bytes));
  }
  const parseStarted = performance.now();
  const index = JSON.parse(inflate(byId("tf-index")));
  const parseMs = performance.now() - parseStarted;
  // Each document's data as text, one line each, filled a chunk at a time.
  const docTexts = [];
  const chunksRead = new Set();
  function readChunk(k) {
    if (chunksRead.has(k)) return;
    chunksRead.add(k);
    const node = byId("tf-chunk-" + k);
    if (node) inflate(node).split("\n").forEach((line, i) => { docTexts[k * index.chunk + i] = line; });
  }
  const docs = index.docs, strings = index.strings, queue = index.queue, bands = index.bands, labels = index.labels;
  const STRIDE = 5;
  const queueLength = queue.length / STRIDE;
  const PAGE = 200;
  const selftestMode = location.hash === "#selftest";
  const storageKey = "tablefix-review:" + index.title + ":" + docs.length + ":" + (docs.length ? docs[0].source : "");
  let threshold = index.threshold;
  let below = 0, shown = 0, position = -1, current = -1, selected = null, view = null;
  const counts = new Int32Array(docs.length);
  const reviewedBefore = new Set();
  docs.forEach((doc, i) => { for (const id of doc.reviewed || []) reviewedBefore.add(i + "|" + id); });
  const decisions = new Map();
  const cache = new Map();
  const errors = [];
  window.addEventListener("error", (event) => errors.push(String(event.message)));

  // ---- helpers ----------------------------------------------------------------
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    if (attributes) {
      for (const name of Object.keys(attributes)) {
        const value = attributes[name];
        if (value === null || value === undefined || value === false) continue;
        if (name === "class") node.className = value;
        else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
        else node.setAttribute(name, value === true ? "" : String(value));
      }
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child);
    }
    return node;
  }
  function shade(confidence) {
    for (const band of bands) if (confidence >= band[0]) return "conf-" + band[1];
    return "conf-" + bands[bands.length - 1][1];
  }
  function show(value) { return value === null || value === undefined ? "" : String(value); }
  function data(doc) {
    let found = cache.get(doc);
    if (found) { cache.delete(doc); cache.set(doc, found); return found; }
    readChunk(Math.floor(doc / index.chunk));
    const text = docTexts[doc];
    found = text ? expand(JSON.parse(text)) : { lines: null, blocks: null, text: "", edits: [], tables: [], reviews: [] };
    cache.set(doc, found);
    if (cache.size > 48) cache.delete(cache.keys().next().value);
    return found;
  }
  // Cells and checks as the page uses them: cells [key, value, raw, confidence,
  // inferred, why, rule, line], checks [rule, column, ok, cell keys, left, right,
  // sentence] (the sentence of a narrative check: the prose that states the figure);
  // the data holds strings as positions in index.strings and trailing nulls left out.
  function expand(d) {
    const text = (id) => id === null || id === undefined ? null : strings[id];
    const or = (value) => value === undefined ? null : value;
    for (const table of d.tables) {
      if (!table.cells) continue;
      table.cells = table.cells.map((c) => [strings[c[0]], c[1], c[2], c[3], or(c[7]), text(c[6]), strings[c[4]], c[5]]);
      table.checks = table.checks.map((k) => [strings[k[0]], text(k[1]), or(k[2]),
        k[3].map((i) => typeof i === "number" ? table.cells[i][0] : i), or(k[4]), or(k[5]), text(k[6])]);
    }
    return d;
  }
  function splitKey(key) {
    const dot = key.lastIndexOf(".");
    return dot < 0 ? ["", key] : [key.slice(0, dot), key.slice(dot + 1)];
  }
  function tableLabels(doc, tableId) {
    const template = docs[doc].template;
    return (template && labels[template + "/" + tableId]) || { title: "", rows: {}, columns: {} };
  }
  function decisionId(doc, tableId, key) { return doc + "|" + tableId + "|" + key; }
  function entry(q) {
    const at = q * STRIDE;
    return { doc: queue[at], table: queue[at + 1], key: strings[queue[at + 2]], confidence: queue[at + 3], value: queue[at + 4] };
  }
  function tableIdOf(doc, table) { return docs[doc].tables[table] ? docs[doc].tables[table][0] : ""; }
  function baseName(path) { const cut = path.lastIndexOf("/"); return cut < 0 ? path : path.slice(cut + 1); }
  function countBelow(limit) {
    let low = 0, high = queueLength;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (queue[middle * STRIDE + 3] < limit) low = middle + 1; else high = middle;
    }
    return low;
  }
  function parseNumber(text) {
    const normalized = text.trim().replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0)).replace(/[,，\s]/g, "");
    if (normalized === "" || normalized === "-" || normalized === "/" || normalized === "—") return { value: null };
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalized)) return { error: "not a number: " + JSON.stringify(text) };
    return { value: Number(normalized) };
  }

  // ---- the frame --------------------------------------------------------------
  const thresholdInput = byId("threshold"), correctionInput = byId("correction");
  byId("title").textContent = index.title;
  document.title = index.title;
  thresholdInput.value = String(threshold);
  byId("doc-count").textContent = "(" + docs.length + ")";

  const docLinks = [], docBadges = [];
  function buildDocumentList() {
    const list = byId("docs");
    const fragment = document.createDocumentFragment();
    docs.forEach((doc, i) => {
      const badge = el("span", { class: "badge count", title: "cells below the threshold" });
      const statuses = doc.tables.map((t) => t[0] + " " + t[1]).join(", ");
      const also = doc.duplicates && doc.duplicates.length ? "\nthe same bytes also at " + doc.duplicates.join(", ") : "";
      const link = el("a", { href: "#d" + i, "data-doc": i, title: doc.source + (statuses ? "\n" + statuses : "") + also },
        el("span", { class: "doc-name" }, baseName(doc.source)),
        doc.body || doc.year ? el("span", { class: "q-doc" }, [doc.body, doc.year].filter(Boolean).join(" ")) : null,
        badge,
        doc.failed ? el("span", { class: "badge failed", title: "failed checks" }, String(doc.failed)) : null,
        doc.error ? el("span", { class: "badge error", title: doc.error }, "not read") : null,
        also ? el("span", { class: "badge linked", title: also.trim() }, "+" + doc.duplicates.length) : null);
      link.addEventListener("click", (event) => { event.preventDefault(); openDocument(i, true); history.replaceState(null, "", "#d" + i); });
      docLinks.push(link);
      docBadges.push(badge);
      fragment.append(el("li", null, link));
    });
    list.append(fragment);
  }

  // The queue as shown: the entries below the threshold that pass the filters (a
  // document's path or body, a table, a lowest confidence), as positions in the queue.
  let visible = [];
  const filterDoc = byId("filter-doc"), filterTable = byId("filter-table"), filterMin = byId("filter-min");
  function passes(q) {
    const item = entry(q);
    if (item.confidence < Number(filterMin.value || 0)) return false;
    if (filterTable.value && tableIdOf(item.doc, item.table) !== filterTable.value) return false;
    const needle = filterDoc.value.trim();
    if (needle) {
      const doc = docs[item.doc];
      if (!doc.source.includes(needle) && !(doc.body || "").includes(needle)) return false;
    }
    return true;
  }
  function applyThreshold(value) {
    if (!(value >= 0 && value <= 1)) return;
    threshold = value;
    const limit = countBelow(threshold);
    visible = [];
    for (let q = 0; q < limit; q++) if (passes(q)) visible.push(q);
    below = visible.length;
    counts.fill(0);
    for (const q of visible) counts[queue[q * STRIDE]]++;
    for (let i = 0; i < docs.length; i++) docBadges[i].textContent = counts[i] ? String(counts[i]) : "";
    if (position >= below) position = -1;
    shown = 0;
    byId("queue").replaceChildren();
    showMoreQueue(Math.max(PAGE, position + 1));
    updateTotals();
  }

  // A cell's words: its row's label and its column's, from the template.
  function cellLabel(doc, tableId, key) {
    const names = tableLabels(doc, tableId), [row, column] = splitKey(key);
    return [names.rows[row], names.columns[column]].filter(Boolean).join(" · ") || key;
  }
  function queueRow(v) {
    const q = visible[v];
    const item = entry(q);
    const tableId = tableIdOf(item.doc, item.table);
    const decided = decisions.get(decisionId(item.doc, tableId, item.key)) || reviewedBefore.has(decisionId(item.doc, tableId, item.key));
    const link = el("a", {
        href: "#d" + item.doc + ":" + tableId + ":" + item.key, "data-q": v,
        class: [decided ? "reviewed" : "", v === position ? "current" : ""].join(" ").trim() || null,
        title: docs[item.doc].source + " · " + tableId + " · " + item.key },
      el("span", { class: "q-conf " + shade(item.confidence) }, item.confidence.toFixed(2)),
      el("span", { class: "q-value", title: "the value read" }, item.value === null || item.value === undefined ? "blank" : String(item.value)),
      el("span", { class: "q-label" }, cellLabel(item.doc, tableId, item.key)),
      el("span", { class: "q-key" }, tableId + " " + item.key),
      el("span", { class: "q-doc" }, baseName(docs[item.doc].source)));
    link.addEventListener("click", (event) => { event.preventDefault(); goTo(v); });
    return el("li", null, link);
  }
  function showMoreQueue(atLeast) {
    const target = Math.min(below, Math.max(shown + PAGE, atLeast || 0));
    const fragment = document.createDocumentFragment();
    for (let q = shown; q < target; q++) fragment.append(queueRow(q));
    byId("queue").append(fragment);
    shown = target;
    const more = byId("queue-more");
    more.hidden = shown >= below;
    more.textContent = "Show more (" + (below - shown) + " left)";
  }
  function queueLink(q) { return q < shown ? byId("queue").children[q].firstChild : null; }
  function updateTotals() {
    const failed = docs.reduce((sum, doc) => sum + (doc.failed || 0), 0);
    byId("queue-count").textContent = "(" + below + ")";
    byId("totals").textContent = docs.length + " documents · " + below + " cells below " + threshold +
      " · " + failed + " failed checks · " + (decisions.size + reviewedBefore.size) + " reviewed";
  }

  // ---- a document's view ------------------------------------------------------
  function openDocument(doc, focusView) {
    if (doc < 0 || doc >= docs.length) return;
    if (current !== doc) {
      if (current >= 0 && docLinks[current]) docLinks[current].classList.remove("current");
      current = doc;
      docLinks[doc].classList.add("current");
      render(doc);
    }
    if (focusView) byId("doc").focus({ preventScroll: true });
  }

  function render(doc) {
    const info = docs[doc];
    const article = byId("doc");
    article.replaceChildren();
    article.scrollTop = 0;
    view = { doc, cells: new Map(), grids: [], rows: new Map() };
    article.append(el("h2", { class: "doc-title" }, info.source));
    const meta = el("p", { class: "doc-meta" });
    for (const part of [info.body, info.year, info.format && (info.format + (info.encoding ? " " + info.encoding : "")),
      info.template && ("template " + info.template + (info.template_confidence !== null ? " (" + info.template_confidence + ")" : "")),
      info.confidence !== null && info.confidence !== undefined ? "confidence " + info.confidence : null,
      info.hash ? "sha256 " + info.hash.slice(0, 12) + "…" : null,
      info.duplicates && info.duplicates.length ? "the same bytes also at " + info.duplicates.join(", ") : null]) {
      if (part !== null && part !== undefined && part !== "") meta.append(el("span", null, String(part)));
    }
    article.append(meta);
    if (info.error) {
      article.append(el("p", { class: "table-status absent" }, "This file could not be read: " + info.error));
      return;
    }
    const d = data(doc);
    const reviews = new Map();
    for (const r of d.reviews) reviews.set(r[0] + "|" + r[1], r);
    d.tables.forEach((table, t) => article.append(renderTable(doc, d, table, t, reviews)));
    article.append(renderText(d));
  }

  function renderTable(doc, d, table, t, reviews) {
    const names = tableLabels(doc, table.id);
    const section = el("section", { class: "table", id: "table-" + table.id });
    section.append(el("h3", null, table.id + (names.title ? " — " + names.title : "") + " · " + table.status +
      (table.status === "present" && table.confidence !== undefined ? " · confidence " + table.confidence : "")));
    if (table.crops) {
      const pages = el("details", { class: "page-crops" }, el("summary", null, "The page as printed"));
      for (const src of table.crops) pages.append(el("img", { src, alt: "the part of the page this table was read from" }));
      section.append(pages);
    }
    if (table.status === "image") {
      section.append(el("p", { class: "table-status image" },
        "Only an image stands where this table was: its numbers are not in the text, so none could be read."));
    }
    if (table.status === "absent") {
      section.append(el("p", { class: "table-status absent" },
        "This table is not in the document: neither its heading nor its rows were found."));
    }
    if (table.status !== "present" && !table.rows) {
      // The figures the report's prose states for such a table: inferred, never values.
      if (!table.cells || table.cells.length === 0) return section;
      section.append(el("p", { class: "hint" }, "The report's prose states these figures (inferred, not printed):"));
    }
    if (table.rows) {
      const grid = el("table", { class: "generic" });
      for (const row of table.rows) grid.append(el("tr", null, ...row.map((text) => el("td", null, text))));
      section.append(el("p", { class: "hint" }, "A table of the document that is not one of the template's: shown as read."), grid);
      return section;
    }
    const failedKeys = new Set();
    for (const check of table.checks) if (check[2] === false) for (const key of check[3]) failedKeys.add(key);
    const rowKeys = [], columnKeys = [], byKey = new Map();
    table.cells.forEach((cell, c) => {
      const [row, column] = splitKey(cell[0]);
      if (!rowKeys.includes(row)) rowKeys.push(row);
      if (!columnKeys.includes(column)) columnKeys.push(column);
      byKey.set(cell[0], c);
    });
    const grid = el("table", { class: "grid", "data-table": table.id });
    const head = el("tr", null, el("th", null, ""));
    for (const column of columnKeys) head.append(el("th", { scope: "col" }, names.columns[column] || column, el("span", { class: "key" }, column)));
    grid.append(el("thead", null, head));
    const body = el("tbody");
    const nodes = [];
    rowKeys.forEach((row, r) => {
      const line = el("tr", null, el("th", { class: "row", scope: "row" }, names.rows[row] || row, el("span", { class: "key" }, row)));
      const rowNodes = [];
      columnKeys.forEach((column, k) => {
        const key = row ? row + "." + column : column;
        const c = byKey.get(key);
        if (c === undefined) { line.append(el("td", { class: "na", title: "not in the template" })); rowNodes.push(null); return; }
        const cell = table.cells[c];
        const td = cellNode(doc, table, t, cell, failedKeys.has(key), reviews.get(table.id + "|" + key), r, k);
        view.cells.set(t + "|" + key, td);
        rowNodes.push(td);
        line.append(td);
      });
      nodes.push(rowNodes);
      body.append(line);
    });
    view.grids[t] = nodes;
    grid.append(body);
    section.append(grid);
    section.append(renderChecks(table, t));
    return section;
  }

  function cellNode(doc, table, t, cell, failed, earlier, r, k) {
    const [key, value, raw, confidence, inferred, why, rule, line] = cell;
    const title = key + "\nraw: " + JSON.stringify(raw) + "\nrule: " + rule + " · confidence " + confidence +
      (inferred !== null ? "\ninferred: " + inferred + " (not printed)" : "") + (why ? "\nwhy: " + why : "") +
      (line ? "\nline " + line : "");
    const td = el("td", {
      class: "cell " + shade(confidence) + (failed ? " check-failed" : "") + (value === null ? " blank" : ""),
      tabindex: "-1", "data-key": key, "data-table": table.id, "data-t": t, "data-conf": confidence, title,
      "data-r": r, "data-c": k });
    td.append(el("span", { class: value === null ? "value placeholder" : "value" }, value === null ? (raw.trim() || "·") : String(value)));
    if (inferred !== null) td.append(el("span", { class: "inferred", title: "inferred from the table's arithmetic; the document does not print it" }, "=" + inferred));
    td.addEventListener("click", () => select(doc, t, key, { focus: true, fromQueue: false }));
    td.tfEarlier = earlier || null;
    paintDecision(td, doc, table.id, key, value);
    return td;
  }

  function paintDecision(td, doc, tableId, key, value) {
    td.classList.remove("confirmed", "corrected");
    const old = td.querySelector(".correction");
    if (old) old.remove();
    let decided = decisions.get(decisionId(doc, tableId, key));
    if (!decided && td.tfEarlier) decided = { action: td.tfEarlier[2], value: td.tfEarlier[3] };
    if (!decided) return;
    if (decided.action === "confirm") td.classList.add("confirmed");
    else {
      td.classList.add("corrected");
      td.append(el("span", { class: "correction", title: "corrected by the reviewer" }, decided.value === null ? "blank" : String(decided.value)));
    }
  }

  function renderChecks(table, t) {
    const list = el("ul", { class: "checks" });
    const failed = table.checks.filter((check) => check[2] === false);
    const open = table.checks.filter((check) => check[2] === null).length;
    for (const check of failed) {
      const [rule, column, , cells, left, right, sentence] = check;
      const item = el("li", { class: "failed", tabindex: "0", title: "cells: " + cells.join(", ") },
        "fails: " + rule + (column ? " [" + column + "]" : "") + " — " + show(left) + " ≠ " + show(right) +
        (sentence ? " — the prose: " + sentence : ""));
      const mark = (on) => { for (const key of cells) { const td = view.cells.get(t + "|" + key); if (td) td.classList.toggle("check-focus", on); } };
      item.addEventListener("mouseenter", () => mark(true));
      item.addEventListener("mouseleave", () => mark(false));
      item.addEventListener("focus", () => mark(true));
      item.addEventListener("blur", () => mark(false));
      item.addEventListener("click", () => { if (cells.length) select(view.doc, t, cells[0], { focus: true, fromQueue: false }); });
      list.append(item);
    }
    const holding = table.checks.length - failed.length - open;
    list.append(el("li", { class: "summary" }, table.checks.length === 0 ? "no arithmetic relation to check" :
      holding + " of " + table.checks.length + " checks hold" +
      (failed.length ? ", " + failed.length + " fail" : "") + (open ? ", " + open + " not evaluated (a blank cell)" : "")));
    return list;
  }

  // ---- the text: input beside cleaned -----------------------------------------
  function renderText(d) {
    const section = el("section", { class: "text" });
    const kinds = new Map();
    for (const edit of d.edits) kinds.set(edit[0], (kinds.get(edit[0]) || 0) + 1);
    section.append(el("h3", null, "Text: the input beside the cleaned text · " + d.edits.length + " edits"));
    const summary = el("p", { class: "edit-summary" });
    for (const [kind, count] of kinds) summary.append(el("span", { class: "edit-badge kind-" + kind }, kind + " × " + count));
    section.append(summary);
    if (!d.lines) {
      section.append(el("p", { class: "hint" }, "The input is not shown: " + (d.note || "its lines are not at hand") + ". Edits by line:"));
      section.append(editList(d.edits));
      section.append(el("pre", { class: "cleaned" }, d.blocks ? d.blocks.filter((b) => b[2] !== "r").map((b) => blockText(d, b)).join("\n") : d.text));
      return section;
    }
    const byLine = new Map();
    d.edits.forEach((edit, e) => {
      const parts = edit[1].split("\n");
      parts.forEach((part, offset) => {
        const line = edit[3] + offset;
        if (!byLine.has(line)) byLine.set(line, []);
        byLine.get(line).push({ edit, e, part, first: offset === 0 });
      });
    });
    const starts = new Map(), covered = new Set();
    if (d.blocks) {
      for (const block of pieces(d)) {
        if (!starts.has(block[0])) starts.set(block[0], []);
        starts.get(block[0]).push(block);
        for (let line = block[0] + 1; line <= block[1]; line++) covered.add(line);
      }
    }
    const table = el("table", { class: "diff" },
      el("colgroup", null, el("col", { class: "ln" }), el("col"), el("col"), el("col", { class: "edits" })),
      el("thead", null, el("tr", null, el("th", null, "line"), el("th", null, "input"), el("th", null, d.blocks ? "cleaned" : ""), el("th", null, "edits"))));
    const body = el("tbody");
    let gap = 0;
    const flushGap = () => { if (gap) { body.append(el("tr", { class: "gap" }, el("td"), el("td", { colspan: "3" }, "⋯ " + gap + (gap === 1 ? " empty line" : " empty lines")))); gap = 0; } };
    for (let n = 1; n <= d.lines.length; n++) {
      const text = d.lines[n - 1];
      const edits = byLine.get(n) || [];
      const blocks = starts.get(n) || [];
      if (!text.trim() && !edits.length && !blocks.length && !covered.has(n)) { gap++; continue; }
      flushGap();
      const source = el("td", { class: "src" });
      source.append(...marked(text, edits.filter((x) => x.part).map((x) => ({ text: x.part, edit: x.edit })), "del"));
      const clean = el("td", { class: "clean" });
      if (d.blocks) {
        blocks.forEach((block, i) => {
          if (i) clean.append("\n");
          if (block[2] === "r") { clean.append(el("del", { class: "removed", title: "removed: " + (block[4] || "") }, "removed (" + (block[4] || "") + ")")); return; }
          if (block[2] === "i") { clean.append(el("span", { class: "placeholder" }, "[image: " + block[3] + "]")); return; }
          const own = d.edits.filter((edit) => edit[3] >= block[0] && edit[3] <= block[1] && edit[2]).map((edit) => ({ text: edit[2], edit }));
          clean.append(...marked(blockText(d, block), own, "ins"));
        });
        if (!blocks.length && covered.has(n)) clean.append(el("span", { class: "continued" }, "↑"));
      }
      const badges = el("td", { class: "edits" });
      for (const x of edits) if (x.first) badges.append(badge(x.edit));
      const row = el("tr", { id: "L" + n, class: edits.length ? "changed" : null }, el("td", { class: "ln" }, String(n)), source, clean, badges);
      view.rows.set(n, row);
      body.append(row);
    }
    flushGap();
    table.append(body);
    section.append(table);
    if (!d.blocks) section.append(el("h3", null, "Cleaned text"), el("pre", { class: "cleaned" }, d.text));
    return section;
  }
  // The blocks, a table whose rows are the input's lines split into one piece per
  // row, so that each row stands beside its line.
  function pieces(d) {
    const out = [];
    for (const block of d.blocks) {
      if (block[2] === "t" && block[1] > block[0]) {
        const rows = blockText(d, block).split("\n");
        if (rows.length === block[1] - block[0] + 1) {
          rows.forEach((row, i) => out.push([block[0] + i, block[0] + i, "t", row]));
          continue;
        }
      }
      out.push(block);
    }
    return out;
  }
  function blockText(d, block) {
    if (block[3] !== null) return block[3];
    return d.lines.slice(block[0] - 1, block[1]).join(block[2] === "t" ? "\n" : "");
  }
  function badge(edit) {
    return el("span", { class: "edit-badge kind-" + edit[0], title: edit[0] + " (confidence " + edit[4] + "): " +
      JSON.stringify(edit[1]) + " → " + JSON.stringify(edit[2]) }, edit[0] + " " + Number(edit[4]).toFixed(2));
  }
  // Text with the given pieces wrapped in <del>/<ins>, each found once, in order.
  function marked(text, pieces, tag) {
    const spans = [];
    let from = 0;
    for (const piece of pieces) {
      if (!piece.text) continue;
      let at = text.indexOf(piece.text, from);
      if (at < 0) at = text.indexOf(piece.text);
      if (at < 0 || spans.some((s) => at < s.end && at + piece.text.length > s.start)) continue;
      spans.push({ start: at, end: at + piece.text.length, edit: piece.edit });
      from = at + piece.text.length;
    }
    spans.sort((a, b) => a.start - b.start);
    const out = [];
    let at = 0;
    for (const span of spans) {
      if (span.start > at) out.push(text.slice(at, span.start));
      out.push(el(tag, { class: "edit kind-" + span.edit[0], title: span.edit[0] + " " + span.edit[4] }, text.slice(span.start, span.end)));
      at = span.end;
    }
    if (at < text.length) out.push(text.slice(at));
    return out;
  }
  function editList(edits) {
    const list = el("table", { class: "generic" }, el("tr", null, el("th", null, "line"), el("th", null, "kind"), el("th", null, "before"), el("th", null, "after")));
    for (const edit of edits) list.append(el("tr", null, el("td", null, String(edit[3])), el("td", null, badge(edit)),
      el("td", null, el("del", { class: "edit" }, edit[1])), el("td", null, el("ins", { class: "edit" }, edit[2]))));
    return list;
  }

  // ---- selection and details --------------------------------------------------
  function findCell(doc, t, key) {
    const table = data(doc).tables[t];
    if (!table || !table.cells) return null;
    for (const cell of table.cells) if (cell[0] === key) return cell;
    return null;
  }
  function select(doc, t, key, options) {
    openDocument(doc, false);
    const td = view.cells.get(t + "|" + key);
    if (!td) return;
    if (selected && selected.td !== td) { selected.td.classList.remove("selected"); selected.td.tabIndex = -1; }
    selected = { doc, t, key, td, tableId: tableIdOf(doc, t) };
    td.classList.add("selected");
    td.tabIndex = 0;
    if (!options.fromQueue) {
      const found = queueIndexOf(doc, t, key);
      position = found;
    }
    if (options.focus) { td.focus({ preventScroll: true }); td.scrollIntoView({ block: "nearest", inline: "nearest" }); }
    for (const link of byId("queue").querySelectorAll("a.current")) link.classList.remove("current");
    const link = position >= 0 ? queueLink(position) : null;
    if (link) { link.classList.add("current"); link.scrollIntoView({ block: "nearest" }); }
    showDetails();
  }
  function queueIndexOf(doc, t, key) {
    for (let v = 0; v < below; v++) {
      const at = visible[v] * STRIDE;
      if (queue[at] === doc && queue[at + 1] === t && strings[queue[at + 2]] === key) return v;
    }
    return -1;
  }
  function showDetails() {
    const body = byId("details-body");
    body.replaceChildren();
    byId("review-form").hidden = !selected;
    byId("correction-error").hidden = true;
    if (!selected) return;
    const { doc, t, key, tableId } = selected;
    const cell = findCell(doc, t, key);
    if (!cell) return;
    const [, value, raw, confidence, inferred, why, rule, line] = cell;
    const names = tableLabels(doc, tableId);
    const [row, column] = splitKey(key);
    const list = el("dl");
    const add = (term, ...description) => list.append(el("dt", null, term), el("dd", null, ...description));
    add("document", docs[doc].source);
    add("table", tableId + (names.title ? " — " + names.title : ""));
    add("cell", el("code", null, key));
    if (names.rows[row] || names.columns[column]) add("labels", (names.rows[row] || row) + " × " + (names.columns[column] || column));
    add("value", value === null ? "blank" : String(value));
    add("raw", el("code", null, JSON.stringify(raw)));
    add("confidence", el("span", { class: shade(confidence) }, String(confidence)));
    add("rule", rule);
    if (inferred !== null) add("inferred", el("span", { class: "inferred" }, String(inferred)), " (from the arithmetic; not printed)");
    if (why) add("why", why);
    if (line) {
      const jump = el("a", { href: "#d" + doc + ":L" + line }, "line " + line);
      jump.addEventListener("click", (event) => { event.preventDefault(); showLine(line); });
      add("source", jump, view.rows.has(line) ? el("div", null, el("code", null, rowText(line))) : null);
    }
    const table = data(doc).tables[t];
    const involved = table.checks.filter((check) => check[3].includes(key));
    if (involved.length) {
      add("checks", ...involved.map((check) => el("div", { class: check[2] === false ? "error" : null },
        (check[2] === false ? "✗ " : check[2] === null ? "? " : "✓ ") + check[0] + (check[1] ? " [" + check[1] + "]" : "") +
        (check[2] === false ? " — " + show(check[4]) + " ≠ " + show(check[5]) : "") +
        (check[6] ? " — the prose: " + check[6] : ""))));
    }
    const decided = decisions.get(decisionId(doc, tableId, key));
    if (decided) add("review", decided.action === "confirm" ? "confirmed here" : "corrected here to " + (decided.value === null ? "blank" : decided.value));
    else if (selected.td.tfEarlier) {
      const r = selected.td.tfEarlier;
      add("reviewed", (r[2] === "confirm" ? "confirmed" : "corrected to " + (r[3] === null ? "blank" : r[3])) + " on " + r[5]);
    }
    body.append(list);
    correctionInput.value = decided && decided.action === "correct" ? show(decided.value) : show(value !== null ? value : inferred);
  }
  function rowText(line) { const row = view.rows.get(line); return row ? row.children[1].textContent : ""; }
  function showLine(line) {
    const row = view.rows.get(line);
    if (!row) return;
    row.scrollIntoView({ block: "center" });
    row.classList.remove("flash");
    void row.offsetWidth;
    row.classList.add("flash");
  }

  // ---- the queue: next, previous, confirm, correct ----------------------------
  function goTo(v) {
    if (v < 0 || v >= below) return;
    const q = visible[v];
    if (position >= 0 && queueLink(position)) queueLink(position).classList.remove("current");
    position = v;
    if (v >= shown) showMoreQueue(v + 1);
    if (queueLink(v)) queueLink(v).classList.add("current");
    const item = entry(q);
    select(item.doc, item.table, item.key, { focus: true, fromQueue: true });
    history.replaceState(null, "", "#d" + item.doc + ":" + tableIdOf(item.doc, item.table) + ":" + item.key);
  }
  function next() { if (below) goTo(position < 0 ? 0 : Math.min(position + 1, below - 1)); }
  function previous() { if (below) goTo(position <= 0 ? 0 : position - 1); }
  function decide(action, value) {
    if (!selected) { byId("review-status").textContent = "Select a cell first (j for the next doubtful one)."; return false; }
    const { doc, t, key, tableId, td } = selected;
    const cell = findCell(doc, t, key);
    if (!cell) return false;
    const original = cell[1];
    if (action === "correct" && value === original) action = "confirm";
    decisions.set(decisionId(doc, tableId, key), { action, value: action === "confirm" ? original : value, original, doc, t, key, tableId });
    paintDecision(td, doc, tableId, key, original);
    const link = position >= 0 ? queueLink(position) : null;
    if (link) link.classList.add("reviewed");
    save();
    updateTotals();
    byId("review-status").textContent = (action === "confirm" ? "Confirmed " : "Corrected ") + tableId + " " + key + ".";
    return true;
  }
  // Confirming stays on the cell: j moves on, so c then j never skips one.
  function confirmSelected() { decide("confirm", null); }
  function startCorrection() {
    if (!selected) { byId("review-status").textContent = "Select a cell first (j for the next doubtful one)."; return; }
    correctionInput.focus();
    correctionInput.select();
  }
  function saveCorrection() {
    const parsed = parseNumber(correctionInput.value);
    const error = byId("correction-error");
    if (parsed.error) { error.textContent = parsed.error; error.hidden = false; return; }
    error.hidden = true;
    if (decide("correct", parsed.value)) advance();
  }
  function advance() {
    if (position >= 0 && position + 1 < below) next();
    else if (selected) { selected.td.focus({ preventScroll: true }); showDetails(); }
  }
  function cancelCorrection() { if (selected) { selected.td.focus(); showDetails(); } }
  function moveInGrid(td, dr, dc) {
    const nodes = view && selected ? view.grids[selected.t] : null;
    if (!nodes) return;
    let r = Number(td.dataset.r), c = Number(td.dataset.c);
    for (;;) {
      r += dr; c += dc;
      if (r < 0 || r >= nodes.length || c < 0 || c >= nodes[r].length) return;
      if (nodes[r][c]) { select(selected.doc, selected.t, nodes[r][c].dataset.key, { focus: true, fromQueue: false }); return; }
    }
  }

  // ---- corrections: keep and export -------------------------------------------
  function exported() {
    const list = [...decisions.values()].map((d) => {
      const order = data(d.doc).tables[d.t].cells.findIndex((cell) => cell[0] === d.key);
      return { d, order };
    });
    list.sort((a, b) => a.d.doc - b.d.doc || a.d.t - b.d.t || a.order - b.order);
    return { corrections: list.map(({ d }) => {
      const out = { source: docs[d.doc].source };
      if (docs[d.doc].hash) out.document_hash = docs[d.doc].hash;
      out.table = d.tableId; out.key = d.key; out.action = d.action; out.value = d.value; out.original = d.original;
      return out;
    }) };
  }
  function download() {
    const text = JSON.stringify(exported(), null, 2) + "\n";
    const link = el("a", { href: "data:application/json;charset=utf-8," + encodeURIComponent(text), download: "corrections.json" });
    document.body.append(link);
    link.click();
    link.remove();
    byId("review-status").textContent = "Exported " + decisions.size + " decisions as corrections.json.";
  }
  function save() {
    if (selftestMode) return;
    try {
      const entries = [...decisions.values()].map((d) => [docs[d.doc].source, d.t, d.key, d.action, d.value]);
      localStorage.setItem(storageKey, JSON.stringify(entries));
    } catch (error) { /* storage may be off for files; decisions stay in the page */ }
  }
  function restore() {
    if (selftestMode) return;
    let entries = null;
    try { entries = JSON.parse(localStorage.getItem(storageKey) || "null"); } catch (error) { entries = null; }
    if (!Array.isArray(entries)) return;
    const bySource = new Map(docs.map((doc, i) => [doc.source, i]));
    for (const [source, t, key, action, value] of entries) {
      const doc = bySource.get(source);
      if (doc === undefined || docs[doc].error) continue;
      const cell = findCell(doc, t, key);
      if (!cell) continue;
      const tableId = tableIdOf(doc, t);
      decisions.set(decisionId(doc, tableId, key), { action, value, original: cell[1], doc, t, key, tableId });
    }
    if (decisions.size) byId("review-status").textContent = decisions.size + " decisions restored from this browser; export them when done.";
  }

  // ---- events -----------------------------------------------------------------
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target === correctionInput) {
      if (event.key === "Enter") { event.preventDefault(); saveCorrection(); }
      else if (event.key === "Escape") { event.preventDefault(); cancelCorrection(); }
      return;
    }
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable)) return;
    const inCell = target && target.classList && target.classList.contains("cell");
    switch (event.key) {
      case "j": case "n": next(); break;
      case "k": case "p": previous(); break;
      case "c": confirmSelected(); break;
      case "e": startCorrection(); break;
      case "ArrowLeft": if (!inCell) return; moveInGrid(target, 0, -1); break;
      case "ArrowRight": if (!inCell) return; moveInGrid(target, 0, 1); break;
      case "ArrowUp": if (!inCell) return; moveInGrid(target, -1, 0); break;
      case "ArrowDown": if (!inCell) return; moveInGrid(target, 1, 0); break;
      default: return;
    }
    event.preventDefault();
  });
  byId("doc").addEventListener("focusin", (event) => {
    const td = event.target;
    if (!td.classList || !td.classList.contains("cell") || !view) return;
    if (selected && selected.td === td) return;
    select(view.doc, Number(td.dataset.t), td.dataset.key, { focus: false, fromQueue: false });
  });
  byId("review-form").addEventListener("submit", (event) => { event.preventDefault(); saveCorrection(); });
  byId("confirm").addEventListener("click", confirmSelected);
  byId("export").addEventListener("click", download);
  byId("queue-more").addEventListener("click", () => showMoreQueue());
  thresholdInput.addEventListener("change", () => applyThreshold(Number(thresholdInput.value)));
  for (const input of [filterDoc, filterTable, filterMin]) {
    input.addEventListener("change", () => { position = -1; applyThreshold(threshold); });
    input.addEventListener("keydown", (event) => { if (event.key === "Enter") { position = -1; applyThreshold(threshold); } });
  }
  thresholdInput.addEventListener("keydown", (event) => { if (event.key === "Enter") applyThreshold(Number(thresholdInput.value)); });
  function route() {
    const match = /^#d(\d+)(?::L(\d+)|:([^:]+):(.+))?$/.exec(location.hash);
    if (!match) return;
    const doc = Number(match[1]);
    if (doc >= docs.length) return;
    if (match[2]) { openDocument(doc, true); showLine(Number(match[2])); return; }
    if (match[3]) {
      const t = docs[doc].tables.findIndex((table) => table[0] === decodeURIComponent(match[3]));
      if (t >= 0) { select(doc, t, decodeURIComponent(match[4]), { focus: true, fromQueue: false }); return; }
    }
    openDocument(doc, true);
  }
  window.addEventListener("hashchange", route);

  // ---- start ------------------------------------------------------------------
  const legend = byId("bands");
  bands.forEach((band, i) => legend.append(el("span", { class: "swatch conf-" + band[1] },
    i === bands.length - 1 ? "< " + bands[i - 1][0] : "≥ " + band[0])));
  const tableIds = [...new Set(docs.flatMap((doc) => doc.tables.filter((t) => t[2] !== null).map((t) => t[0])))].sort();
  for (const id of tableIds) filterTable.append(el("option", { value: id }, id));
  buildDocumentList();
  restore();
  applyThreshold(threshold);
  const readyMs = performance.now();
  if (selftestMode) selftest();
  else route();


  // ---- self-test: a scripted review, reported as JSON -------------------------
  function selftest() {
    const result = { ready_ms: readyMs, script_ms: readyMs - started, index_parse_ms: parseMs,
      documents: docs.length, queue_total: queueLength,
      below: below, threshold: threshold, queue: [], documents_view: [], steps: [], errors };
    try {
      for (let v = 0; v < Math.min(below, 50); v++) {
        const item = entry(visible[v]);
        result.queue.push({ doc: item.doc, source: docs[item.doc].source, table: tableIdOf(item.doc, item.table), key: item.key, confidence: item.confidence });
      }
      result.queue_dom = [...byId("queue").querySelectorAll("a[data-q]")].slice(0, 50).map((a) => a.getAttribute("href"));
      result.doc_counts = [...docBadges].map((b) => Number(b.textContent || 0)).slice(0, 50);
      const started = performance.now();
      for (let i = 0; i < Math.min(docs.length, 20); i++) {
        openDocument(i, false);
        const cells = [...byId("doc").querySelectorAll("td.cell")];
        result.documents_view.push({
          source: docs[i].source,
          cells: cells.length,
          shading_ok: cells.every((td) => td.classList.contains(shade(Number(td.dataset.conf)))),
          shades: cells.reduce((m, td) => { const s = shade(Number(td.dataset.conf)); m[s] = (m[s] || 0) + 1; return m; }, {}),
          inferred: byId("doc").querySelectorAll("td.cell .inferred").length,
          check_failed: byId("doc").querySelectorAll("td.cell.check-failed").length,
          statuses: [...byId("doc").querySelectorAll("p.table-status")].map((p) => p.className.replace("table-status ", "")),
          tables: [...byId("doc").querySelectorAll("section.table")].map((s) => s.id.replace("table-", "")),
          diff_rows: byId("doc").querySelectorAll("table.diff tbody tr").length,
          edits_marked: byId("doc").querySelectorAll("td.edits .edit-badge").length,
          edits: data(i).edits.length,
          dels: byId("doc").querySelectorAll("td.src del.edit").length,
          confirmed: byId("doc").querySelectorAll("td.cell.confirmed").length,
          corrected: byId("doc").querySelectorAll("td.cell.corrected").length,
          reviewed_in_queue: byId("queue").querySelectorAll("a.reviewed").length,
        });
      }
      result.render_ms = (performance.now() - started) / Math.max(1, Math.min(docs.length, 20));
      const press = (key) => {
        const target = document.activeElement || document.body;
        const begin = performance.now();
        target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
        const active = document.activeElement;
        result.steps.push({ key, ms: performance.now() - begin, position,
          selected: selected ? { doc: selected.doc, table: selected.tableId, key: selected.key } : null,
          active: active ? { tag: active.tagName, key: active.dataset ? active.dataset.key || null : null, id: active.id || null } : null,
          details: byId("details-body").textContent.slice(0, 400) });
      };
      if (below >= 3) {
        press("j"); press("j"); press("k"); press("c"); press("j");
        press("e");
        correctionInput.value = "not a number";
        press("Enter");
        result.correction_error = byId("correction-error").hidden ? null : byId("correction-error").textContent;
        correctionInput.value = "4321";
        press("Enter");
        press("p");
      }
      const firstRow = byId("queue").querySelector("a[data-q]");
      result.queue_row = firstRow ? [...firstRow.children].map((span) => [span.className, span.textContent]) : [];
      result.legend = byId("keys").textContent;
      const filtered = () => visible.map((q) => entry(q));
      filterTable.value = "requests";
      applyThreshold(threshold);
      result.filter_table = { below, tables: [...new Set(filtered().map((e) => tableIdOf(e.doc, e.table)))] };
      filterTable.value = "";
      filterDoc.value = docs[0].source;
      applyThreshold(threshold);
      result.filter_doc = { below, docs: [...new Set(filtered().map((e) => e.doc))] };
      filterDoc.value = "";
      filterMin.value = "0.5";
      applyThreshold(threshold);
      result.filter_min = { below, lowest: Math.min(...filtered().map((e) => e.confidence)) };
      filterMin.value = "0";
      const thresholdStarted = performance.now();
      applyThreshold(0.5);
      result.below_half = below;
      applyThreshold(index.threshold);
      result.threshold_ms = (performance.now() - thresholdStarted) / 2;
      result.export = exported();
      result.totals = byId("totals").textContent;
    } catch (error) {
      errors.push(String(error && error.stack || error));
    }
    result.total_ms = performance.now();
    const out = byId("selftest-result");
    out.textContent = JSON.stringify(result);
    out.hidden = false;
  }
})();
