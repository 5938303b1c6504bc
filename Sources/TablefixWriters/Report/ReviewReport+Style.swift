extension ReviewReport {
    /// The page's frame: header, side panels, document and details areas, filled by the
    /// script. Constant markup, no document text.
    static let frame = """
        <header id="top">
          <h1 id="title">tablefix review</h1>
          <div class="controls">
            <label for="threshold">Review cells below</label>
            <input id="threshold" type="number" min="0" max="1" step="0.01" value="0.9" aria-describedby="totals">
            <span id="totals" role="status"></span>
            <button id="export" type="button" title="Download the confirmations and corrections as JSON">Export corrections</button>
          </div>
          <p id="keys"><kbd>j</kbd>/<kbd>n</kbd> next doubtful cell · <kbd>k</kbd>/<kbd>p</kbd> previous ·
            <kbd>c</kbd> confirm · <kbd>e</kbd> correct, <kbd>Enter</kbd> save, <kbd>Esc</kbd> cancel ·
            arrows move in a table · shading: <span class="swatch conf-high">≥ 0.9</span><span class="swatch conf-fair">≥ 0.7</span><span
            class="swatch conf-low">≥ 0.5</span><span class="swatch conf-poor">&lt; 0.5</span> ·
            <span class="inferred">=3</span> inferred from the table's arithmetic, not printed ·
            <span class="swatch check-failed">in a failed check</span></p>
        </header>
        <main id="app">
          <nav id="side" aria-label="Review queue and documents">
            <section id="queue-panel">
              <h2>Review queue <span id="queue-count"></span></h2>
              <ol id="queue"></ol>
              <button id="queue-more" type="button" hidden>Show more</button>
            </section>
            <section id="docs-panel">
              <h2>Documents <span id="doc-count"></span></h2>
              <ol id="docs"></ol>
            </section>
          </nav>
          <article id="doc" tabindex="-1">
            <p class="hint">Press <kbd>j</kbd> to start with the least sure cell, or choose a document.</p>
          </article>
          <aside id="details" aria-label="Selected cell">
            <h2>Cell</h2>
            <div id="details-body" aria-live="polite"><p class="hint">Select a cell (click, Tab, or <kbd>j</kbd>/<kbd>k</kbd>) to see its raw text, rule and why.</p></div>
            <form id="review-form" hidden>
              <button id="confirm" type="button">Confirm <kbd>c</kbd></button>
              <label for="correction">Value the document prints</label>
              <input id="correction" type="text" inputmode="decimal" autocomplete="off" spellcheck="false">
              <button id="save" type="submit">Save correction <kbd>Enter</kbd></button>
              <p id="correction-error" class="error" role="alert" hidden></p>
            </form>
            <p id="review-status" role="status"></p>
          </aside>
        </main>
        <pre id="selftest-result" hidden></pre>
        """

    /// The page's style sheet.
    static let style = """
        :root { --line: #d0d7de; --muted: #57606a; --bg: #f6f8fa; --high: #ffffff; --fair: #fff4c2; --low: #ffd8a8;
          --poor: #ffb3b3; --accent: #0969da; --bad: #cf222e; --ok: #1a7f37; font-family: system-ui, "Noto Sans CJK SC",
          "WenQuanYi Micro Hei", sans-serif; font-size: 14px; color: #1f2328; }
        * { box-sizing: border-box; }
        [hidden] { display: none !important; }
        body { margin: 0; height: 100vh; display: flex; flex-direction: column; }
        header#top { padding: 6px 12px; border-bottom: 1px solid var(--line); background: var(--bg); }
        h1 { font-size: 16px; margin: 0 12px 0 0; display: inline-block; }
        .controls { display: inline-flex; gap: 8px; align-items: center; flex-wrap: wrap; }
        #threshold { width: 5em; }
        #keys { margin: 4px 0 0; color: var(--muted); font-size: 12px; }
        kbd { border: 1px solid var(--line); border-radius: 3px; padding: 0 3px; background: #fff; font-size: 11px; }
        .swatch { border: 1px solid var(--line); padding: 0 4px; margin-right: 2px; }
        main#app { flex: 1; display: grid; grid-template-columns: 300px minmax(0, 1fr) 320px; min-height: 0; }
        /* Each panel lays itself out alone: a change in one never re-lays out the others,
           and a document's text is laid out only when scrolled to. */
        nav#side, article#doc, aside#details { contain: strict; }
        section.text { content-visibility: auto; contain-intrinsic-size: auto 4000px; }
        nav#side { display: flex; flex-direction: column; border-right: 1px solid var(--line); min-height: 0; }
        nav#side section { display: flex; flex-direction: column; min-height: 0; }
        #queue-panel { flex: 3; border-bottom: 1px solid var(--line); }
        #docs-panel { flex: 2; }
        nav h2, aside h2 { font-size: 13px; margin: 0; padding: 6px 8px; background: var(--bg); }
        nav ol { list-style: none; margin: 0; padding: 0; overflow: auto; flex: 1; contain: strict; }
        nav li { content-visibility: auto; contain-intrinsic-size: auto 21px; }
        nav li a { display: flex; gap: 6px; padding: 3px 8px; color: inherit; text-decoration: none;
          border-bottom: 1px solid #eaeef2; font-size: 12px; }
        nav li a:hover, nav li a:focus { background: #ddf4ff; }
        nav li a.current { background: #b6e3ff; }
        .q-conf { font-variant-numeric: tabular-nums; min-width: 3.2em; text-align: right; padding: 0 3px; }
        .q-doc { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--muted); }
        .q-key { font-family: ui-monospace, monospace; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
          flex: 0 1 auto; max-width: 62%; }
        a.reviewed .q-key::after { content: " ✓"; color: var(--ok); }
        .doc-name { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .badge { border-radius: 8px; padding: 0 6px; font-size: 11px; background: #eaeef2; }
        .badge.count:not(:empty) { background: var(--fair); }
        .badge.failed { background: var(--poor); }
        .badge.error { background: var(--bad); color: #fff; }
        article#doc { overflow: auto; padding: 8px 16px 40px; min-height: 0; }
        article#doc:focus { outline: none; }
        .hint { color: var(--muted); }
        .doc-meta { color: var(--muted); margin: 0 0 8px; }
        .doc-meta span + span::before { content: " · "; }
        h2.doc-title { font-size: 16px; margin: 6px 0 2px; word-break: break-all; }
        h3 { font-size: 14px; margin: 16px 0 6px; }
        .table-status { padding: 6px 10px; border-left: 4px solid var(--muted); background: var(--bg); }
        .table-status.image, .table-status.absent { border-color: var(--bad); }
        table.grid { border-collapse: collapse; font-size: 12px; }
        table.grid th, table.grid td { border: 1px solid var(--line); padding: 2px 5px; }
        table.grid thead th { position: sticky; top: -8px; background: var(--bg); font-weight: normal; vertical-align: bottom; }
        table.grid th.row { text-align: left; font-weight: normal; max-width: 22em; }
        .key { display: block; color: var(--muted); font-family: ui-monospace, monospace; font-size: 10px; }
        td.cell { text-align: right; min-width: 3.5em; font-variant-numeric: tabular-nums; cursor: pointer; white-space: nowrap; }
        td.na { background: repeating-linear-gradient(45deg, #f6f8fa, #f6f8fa 4px, #fff 4px, #fff 8px); }
        .conf-high { background: var(--high); }
        .conf-fair { background: var(--fair); }
        .conf-low { background: var(--low); }
        .conf-poor { background: var(--poor); }
        td.cell.check-failed, .swatch.check-failed { outline: 2px solid var(--bad); outline-offset: -2px; }
        td.cell.check-focus { outline: 3px solid var(--accent); outline-offset: -3px; }
        td.cell.selected, td.cell:focus { outline: 3px solid var(--accent); outline-offset: -3px;
          box-shadow: 0 0 0 2px #fff inset; }
        .placeholder { color: var(--muted); }
        .inferred { font-style: italic; color: #8250df; border-bottom: 1px dashed #8250df; margin-left: 3px; }
        td.cell.confirmed::after { content: "✓"; color: var(--ok); margin-left: 2px; }
        td.cell.corrected .value, .superseded { text-decoration: line-through; color: var(--muted); }
        .correction { color: var(--ok); font-weight: bold; margin-left: 3px; }
        ul.checks { margin: 6px 0; padding-left: 18px; font-size: 12px; }
        ul.checks li.failed { color: var(--bad); cursor: pointer; }
        ul.checks li.failed:focus, ul.checks li.failed:hover { background: #ffebe9; }
        .generic td { border: 1px solid var(--line); padding: 2px 5px; font-size: 12px; }
        table.diff { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 12px; }
        table.diff td { vertical-align: top; padding: 1px 4px; border-bottom: 1px solid #f0f2f4;
          white-space: pre-wrap; word-break: break-all; font-family: ui-monospace, "Noto Sans Mono CJK SC", monospace; }
        table.diff col.ln { width: 3.5em; }
        table.diff col.edits { width: 9em; }
        table.diff td.ln { color: var(--muted); text-align: right; user-select: none; }
        table.diff tr.changed td.src { background: #fff8f0; }
        table.diff tr.changed td.clean { background: #f0fff4; }
        table.diff tr.gap td { color: var(--muted); font-style: italic; background: var(--bg); }
        table.diff tr.flash td { animation: flash 1.5s; }
        @keyframes flash { from { background: #ffe58f; } to { background: transparent; } }
        td.clean .continued { color: var(--muted); }
        td.clean .removed { color: var(--muted); }
        del.edit { background: #ffd7d5; text-decoration: line-through; }
        ins.edit { background: #ccffd8; text-decoration: none; }
        .edit-badge { display: inline-block; font-size: 10px; border-radius: 3px; padding: 0 3px; margin: 1px;
          background: #eaeef2; font-family: system-ui, sans-serif; white-space: nowrap; }
        .edit-badge.kind-glyph, .edit-badge.kind-numbering { background: #fff1e5; }
        .edit-badge.kind-clutter, .edit-badge.kind-artifact, .edit-badge.kind-duplicate { background: #f6f0ff; }
        .edit-summary span { margin-right: 8px; }
        pre.cleaned { white-space: pre-wrap; background: var(--bg); padding: 6px; font-size: 12px; }
        aside#details { border-left: 1px solid var(--line); overflow: auto; min-height: 0; }
        #details-body { padding: 8px; }
        #details-body dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 0; font-size: 12px; }
        #details-body dt { color: var(--muted); }
        #details-body dd { margin: 0; word-break: break-all; }
        #details-body code { background: var(--bg); padding: 0 2px; }
        #review-form { padding: 8px; display: flex; flex-direction: column; gap: 6px; border-top: 1px solid var(--line); }
        #review-status { padding: 0 8px; color: var(--muted); font-size: 12px; }
        .error { color: var(--bad); }
        #selftest-result { margin: 0; max-height: 4em; overflow: auto; font-size: 10px; border-top: 1px solid var(--line); }
        table.fallback { border-collapse: collapse; margin: 8px; }
        table.fallback td, table.fallback th { border: 1px solid var(--line); padding: 2px 6px; }
        """
}
