/* repair review report, part 2 of 2: renders the embedded report data, records decisions, exports them.
 *
 * Safety: every piece of document text reaches the page through textContent or
 * text nodes (el() below), never through innerHTML.  Only one document is in the
 * DOM at a time and the document list is paginated, so large reports stay fast.
 * Decisions live in localStorage under "repair-report:<report id>".
 */

  /** A measure for people: counts as integers, small shares with two significant digits. */
  function num(v) {
    const n = Number(v);
    if (Number.isInteger(n)) return String(n);
    return Math.abs(n) < 1 ? n.toPrecision(2) : n.toFixed(2);
  }

  const DATA = JSON.parse(document.getElementById("report-data").textContent);
  const DOCS = DATA.documents;
  const FINDINGS = [];
  const BY_ID = new Map();
  DOCS.forEach(function (doc, d) {
    doc.findings.forEach(function (f, j) {
      f.d = d;
      f.j = j;
      FINDINGS.push(f);
      BY_ID.set(f.id, f);
    });
  });
  const CATEGORIES = ["spin", "typo", "ocr", "scrape", "grammar"];
  const STORE_KEY = "repair-report:" + DATA.id;
  const PAGE_SIZE = 100;
  const CONTEXT = 32;

  let state = loadState();
  const undoStack = [];
  let visible = [];
  let cur = -1;
  let shownDoc = -1;
  let docPage = 0;
  let marks = new Map();
  const filters = { cats: new Set(CATEGORIES), rule: "", conf: 0, status: "" };

  /* ---------- small helpers ---------- */

  function notice(msg) {
    const n = $("notice");
    n.textContent = msg;
    clearTimeout(notice.timer);
    notice.timer = setTimeout(function () { n.textContent = ""; }, 4000);
  }

  function loadState() {
    try {
      const raw = window.localStorage.getItem(STORE_KEY);
      const parsed = raw ? JSON.parse(raw) : null;
      if (parsed && parsed.version === 1 && parsed.state && typeof parsed.state === "object") {
        const out = {};
        Object.keys(parsed.state).forEach(function (id) { if (BY_ID.has(id)) out[id] = parsed.state[id]; });
        return out;
      }
    } catch (err) { /* storage unavailable or corrupt: start afresh */ }
    return {};
  }

  function saveState() {
    try {
      window.localStorage.setItem(STORE_KEY, JSON.stringify({ version: 1, state: state }));
    } catch (err) { notice("decisions cannot be saved in this browser; export them before closing"); }
  }

  function original(f) { return DOCS[f.d].text.slice(f.start, f.end); }

  function decision(f) {
    return state[f.id] || { status: "pending", choice: f.options.length ? 0 : "edit", text: null };
  }

  /** The edits a decision stands for: the chosen option's, or the hand edit over the finding's span. */
  function editsOf(f, dc) {
    if (dc.choice !== "edit" && f.options[dc.choice]) return f.options[dc.choice].edits;
    return [[f.start, f.end, dc.text === null || dc.text === undefined ? original(f) : dc.text]];
  }

  function replacementOf(f, dc) {
    if (dc.choice !== "edit" && f.options[dc.choice]) return f.options[dc.choice].text;
    return dc.text === null || dc.text === undefined ? original(f) : dc.text;
  }

  function handDiff(f, text) {
    const doc = DOCS[f.d].text;
    const lineStart = Math.max(doc.lastIndexOf("\n", f.start - 1), doc.lastIndexOf("\r", f.start - 1)) + 1;
    let lineEnd = doc.length;
    [doc.indexOf("\n", f.end), doc.indexOf("\r", f.end)].forEach(function (i) { if (i >= 0 && i < lineEnd) lineEnd = i; });
    const a = Math.max(lineStart, f.start - CONTEXT);
    const b = Math.min(lineEnd, f.end + CONTEXT);
    const ops = [[0, doc.slice(a, f.start)]].concat(wordDiff(original(f), text), [[0, doc.slice(f.end, b)]]);
    return renderDiff(ops.filter(function (o) { return o[1] !== ""; }), a > lineStart, b < lineEnd);
  }

  /* ---------- filters and navigation ---------- */

  function passes(f) {
    return filters.cats.has(f.category) && (!filters.rule || f.rule === filters.rule) &&
      f.confidence >= filters.conf - 1e-9 && (!filters.status || decision(f).status === filters.status);
  }

  function applyFilters() {
    const keep = visible[cur];
    visible = FINDINGS.filter(passes);
    let at = keep ? visible.indexOf(keep) : -1;
    if (at < 0 && keep) {
      at = visible.findIndex(function (f) { return f.d > keep.d || (f.d === keep.d && f.j >= keep.j); });
      if (at < 0) at = visible.length - 1;
    }
    if (shownDoc >= 0) repaintMarks();
    renderDocList();
    go(at < 0 ? 0 : at);
  }

  function go(i) {
    if (!visible.length) {
      cur = -1;
      paintCurrent(null);
      renderCard();
      if (shownDoc < 0 && DOCS.length) showDoc(0);
      return;
    }
    cur = Math.max(0, Math.min(visible.length - 1, i));
    const f = visible[cur];
    showDoc(f.d);
    paintCurrent(f);
    renderCard();
  }

  function next() { if (cur < visible.length - 1) go(cur + 1); else notice("last finding"); }
  function prev() { if (cur > 0) go(cur - 1); else notice("first finding"); }

  /* ---------- the document view ---------- */

  function metricText(metrics) {
    return Object.keys(metrics).map(function (k) {
      return k.replace(/_/g, " ") + " " + num(metrics[k]);
    }).join(" \u00b7 ");
  }

  function showDoc(d) {
    if (d === shownDoc) return;
    shownDoc = d;
    const doc = DOCS[d];
    $("doc-title").textContent = doc.path;
    $("doc-metrics").textContent = [doc.findings.length + " finding" + (doc.findings.length === 1 ? "" : "s"),
      doc.encoding, "sha256 " + doc.sha256.slice(0, 12), metricText(doc.metrics)].filter(Boolean).join(" \u00b7 ");
    const pre = $("doc-text");
    pre.textContent = "";
    marks = new Map();
    if (doc.text === null) {
      pre.append(el("em", { class: "dim", text: "No findings in this document." }));
    } else {
      pre.append(highlighted(doc));
    }
    const page = Math.floor(d / PAGE_SIZE);
    if (page !== docPage) { docPage = page; renderDocList(); } else markDocList();
    pre.parentNode.scrollTop = 0;
  }

  /** The document's text with every finding marked: segments between finding boundaries, innermost owner. */
  function highlighted(doc) {
    const text = doc.text;
    const frag = document.createDocumentFragment();
    const starts = new Map();
    const empties = new Map();
    const cuts = new Set([0, text.length]);
    doc.findings.forEach(function (f) {
      cuts.add(f.start);
      cuts.add(f.end);
      const bucket = f.start === f.end ? empties : starts;
      if (!bucket.has(f.start)) bucket.set(f.start, []);
      bucket.get(f.start).push(f);
    });
    const points = Array.from(cuts).sort(function (a, b) { return a - b; });
    let active = [];
    for (let k = 0; k < points.length; k++) {
      const p = points[k];
      active = active.filter(function (f) { return f.end > p; });
      (empties.get(p) || []).forEach(function (f) { frag.append(markFor([f], "")); });
      (starts.get(p) || []).forEach(function (f) { active.push(f); });
      if (k + 1 >= points.length) break;
      const piece = text.slice(p, points[k + 1]);
      frag.append(active.length ? markFor(active.slice(), piece) : document.createTextNode(piece));
    }
    return frag;
  }

  function markFor(covering, piece) {
    const m = el("mark", { class: "f" + (piece === "" ? " empty" : ""), text: piece });
    m.covering = covering;
    covering.forEach(function (f) {
      if (!marks.has(f.id)) marks.set(f.id, []);
      marks.get(f.id).push(m);
    });
    paintMark(m);
    m.addEventListener("click", function () {
      const f = m.owner;
      const at = f ? visible.indexOf(f) : -1;
      if (at >= 0) go(at);
    });
    return m;
  }

  function paintMark(m) {
    const shown = m.covering.filter(passes);
    const f = shown.length ? shown[shown.length - 1] : null;
    m.owner = f;
    const c = m.classList;
    const isCurrent = c.contains("current");
    m.className = "f" + (m.textContent === "" ? " empty" : "");
    if (isCurrent) c.add("current");
    if (!f) { c.add("hidden"); m.removeAttribute("title"); return; }
    c.add("cat-" + f.category);
    const dc = decision(f);
    if (dc.status !== "pending") c.add(dc.status);
    m.title = f.rule + " \u00b7 " + f.message + (dc.status === "accepted" ? "\n\u2192 " + replacementOf(f, dc) : "");
  }

  function repaintMarks() { marks.forEach(function (ms) { ms.forEach(paintMark); }); }

  function paintCurrent(f) {
    document.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
    if (!f) return;
    const ms = marks.get(f.id) || [];
    ms.forEach(function (m) { m.classList.add("current"); });
    if (ms.length) ms[0].scrollIntoView({ block: "center", inline: "nearest" });
  }

  /* ---------- the finding card ---------- */

  function renderCard() {
    const card = $("card");
    card.textContent = "";
    const f = visible[cur];
    if (!f) {
      card.append(el("p", { class: "dim", text: FINDINGS.length ? "No finding matches the filters." : "No findings." }));
      renderProgress();
      return;
    }
    const doc = DOCS[f.d];
    const dc = decision(f);
    const lc = lineCol(doc.text, f.start);
    card.append(
      el("div", { class: "head" },
        el("span", { class: "badge cat-" + f.category, text: f.category }),
        el("span", { class: "rule", text: f.rule }),
        el("span", { class: "dim", text: "confidence " + f.confidence.toFixed(2) }),
        el("span", { class: "dim", text: f.applicability }),
        el("span", { class: "status " + dc.status, id: "card-status", text: dc.status })),
      el("div", { class: "where dim", text: doc.path + ":" + lc[0] + ":" + lc[1] + "  (" + (cur + 1) + " of " + visible.length + ")" }),
      el("p", { class: "msg", text: f.message }),
      f.explanation ? el("p", { class: "expl", text: f.explanation }) : null);

    const list = el("ol", { class: "options" });
    const name = "opt-" + f.id;
    f.options.forEach(function (o, i) {
      const radio = el("input", { type: "radio", name: name, value: String(i) });
      radio.checked = dc.choice === i;
      radio.addEventListener("change", function () { choose(f, i); });
      list.append(el("li", { class: dc.choice === i ? "chosen" : "" },
        el("label", null, radio, el("div", null,
          el("div", { class: "dim", text: (i + 1) + ". " + optionLabel(f, i) + (o.text === "" ? " (delete)" : "") }),
          renderDiff(expandDiff(doc.text, o), o.more_before, o.more_after)))));
    });
    const handRadio = el("input", { type: "radio", name: name, value: "edit" });
    handRadio.checked = dc.choice === "edit";
    const area = el("textarea", { id: "hand-edit", rows: "2", spellcheck: "false", "aria-label": "hand-edited replacement" });
    area.value = dc.text !== null && dc.text !== undefined ? dc.text : replacementOf(f, dc);
    const preview = el("div", { id: "hand-preview" });
    if (dc.choice === "edit") preview.append(handDiff(f, area.value));
    handRadio.addEventListener("change", function () { choose(f, "edit", area.value); });
    area.addEventListener("focus", function () {
      if (decision(f).choice !== "edit") choose(f, "edit", area.value, true);
      handRadio.checked = true;
    });
    area.addEventListener("input", function () {
      const now = decision(f);
      state[f.id] = { status: now.status, choice: "edit", text: area.value };
      saveState();
      preview.textContent = "";
      preview.append(handDiff(f, area.value));
      handRadio.checked = true;
      refreshMarks(f);
    });
    list.append(el("li", { class: dc.choice === "edit" ? "chosen" : "" },
      el("label", null, handRadio, el("span", { class: "dim", text: (f.options.length + 1) + ". hand edit (e)" })),
      area, preview));
    card.append(list);
    card.append(el("div", { class: "toolbar" },
      button("accept", "accept", accept), button("reject", "reject", reject), button("", "undo", undo)));
    renderProgress();
  }

  function optionLabel(f, i) {
    if (f.options[i].kind === "fix") return "proposed fix";
    return "alternative " + (f.options[0].kind === "fix" ? i : i + 1);
  }

  function button(cls, label, fn) {
    const b = el("button", { type: "button", class: cls, text: label });
    b.addEventListener("click", fn);
    return b;
  }

  /* ---------- decisions ---------- */

  function setDecision(f, next) {
    undoStack.push({ id: f.id, prev: state[f.id] ? Object.assign({}, state[f.id]) : null });
    if (next) state[f.id] = next; else delete state[f.id];
    saveState();
    refreshMarks(f);
  }

  function refreshMarks(f) {
    (marks.get(f.id) || []).forEach(paintMark);
    markDocList();
    renderSummary();
  }

  function choose(f, choice, text, keepCard) {
    const dc = decision(f);
    const next = { status: dc.status, choice: choice, text: choice === "edit" ? (text === undefined ? dc.text : text) : dc.text };
    if (next.status === "accepted" && conflict(f, next)) return;
    setDecision(f, next);
    if (!keepCard) renderCard();
    else renderProgress();
  }

  function conflict(f, dc) {
    const mine = editsOf(f, dc);
    const doc = DOCS[f.d];
    for (const g of doc.findings) {
      if (g === f) continue;
      const other = state[g.id];
      if (!other || other.status !== "accepted") continue;
      const theirs = editsOf(g, other);
      if (mine.some(function (a) { return theirs.some(function (b) { return overlaps(a, b); }); })) {
        notice("overlaps the accepted " + g.rule + " finding; reject or undo that one first");
        return true;
      }
    }
    return false;
  }

  function accept() {
    const f = visible[cur];
    if (!f) return;
    const dc = decision(f);
    if (dc.choice === "edit" && (dc.text === null || dc.text === undefined) && !f.options.length) {
      notice("no replacement proposed: type one (e) or reject");
      return;
    }
    const next = { status: "accepted", choice: dc.choice, text: dc.text === undefined ? null : dc.text };
    if (conflict(f, next)) return;
    setDecision(f, next);
    advance();
  }

  function reject() {
    const f = visible[cur];
    if (!f) return;
    const dc = decision(f);
    setDecision(f, { status: "rejected", choice: dc.choice, text: dc.text === undefined ? null : dc.text });
    advance();
  }

  function advance() {
    if (cur < visible.length - 1) go(cur + 1); else renderCard();
  }

  function undo() {
    const u = undoStack.pop();
    if (!u) { notice("nothing to undo"); return; }
    if (u.prev) state[u.id] = u.prev; else delete state[u.id];
    saveState();
    const f = BY_ID.get(u.id);
    refreshMarks(f);
    const at = visible.indexOf(f);
    if (at >= 0) go(at); else renderCard();
  }

  function clearAll() {
    if (!window.confirm("Forget every decision made in this report?")) return;
    state = {};
    undoStack.length = 0;
    saveState();
    repaintMarks();
    renderDocList();
    renderSummary();
    renderCard();
  }

  /* ---------- export ---------- */

  function decisionsDocument() {
    const files = [];
    DOCS.forEach(function (doc) {
      const list = [];
      doc.findings.forEach(function (f) {
        const dc = state[f.id];
        if (!dc || dc.status === "pending") return;
        const rec = { finding: f.id, rule: f.rule, category: f.category, start: f.start, end: f.end,
          original: original(f), status: dc.status };
        if (dc.status === "accepted") {
          const opt = dc.choice !== "edit" ? f.options[dc.choice] : null;
          rec.choice = opt ? opt.kind : "edit";
          if (opt && opt.kind === "alternative") rec.alternative = dc.choice;
          rec.replacement = replacementOf(f, dc);
          rec.edits = editsOf(f, dc).map(function (e) { return { start: e[0], end: e[1], replacement: e[2] }; });
        }
        list.push(rec);
      });
      if (list.length) files.push({ path: doc.path, sha256: doc.sha256, decisions: list });
    });
    return { schema: "repair-decisions", version: 1, report_id: DATA.id, tool: DATA.tool,
      created: new Date().toISOString(), root: DATA.root, files: files };
  }

  function diffDocument() {
    const parts = [];
    DOCS.forEach(function (doc) {
      const edits = [];
      doc.findings.forEach(function (f) {
        const dc = state[f.id];
        if (dc && dc.status === "accepted") editsOf(f, dc).forEach(function (e) { edits.push(e); });
      });
      if (edits.length && splice(doc.text, edits.slice().sort(function (a, b) { return a[0] - b[0]; })) !== doc.text) {
        parts.push(unifiedDiff(doc.path, doc.text, edits));
      }
    });
    return parts.join("");
  }

  function download(name, text, type) {
    const a = el("a", { download: name, class: "hidden-link" });
    a.href = URL.createObjectURL(new Blob([text], { type: type }));
    document.body.append(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 2000);
  }

  function exportDecisions() {
    const data = decisionsDocument();
    const n = data.files.reduce(function (s, f) { return s + f.decisions.length; }, 0);
    if (!n) { notice("no decisions yet: accept (a) or reject (r) some findings first"); return; }
    download("repair-decisions-" + DATA.id + ".json", JSON.stringify(data, null, 1) + "\n", "application/json");
  }

  function exportDiff() {
    const text = diffDocument();
    if (!text) { notice("no accepted change to export"); return; }
    download("repair-accepted-" + DATA.id + ".diff", text, "text/x-diff");
  }

  /* ---------- document list, summary, progress ---------- */

  function counts(doc) {
    let shown = 0;
    let decided = 0;
    doc.findings.forEach(function (f) {
      if (passes(f)) shown++;
      if (state[f.id] && state[f.id].status !== "pending") decided++;
    });
    return [shown, decided];
  }

  function renderDocList() {
    const list = $("doc-list");
    list.textContent = "";
    const pages = Math.max(1, Math.ceil(DOCS.length / PAGE_SIZE));
    docPage = Math.min(docPage, pages - 1);
    const first = docPage * PAGE_SIZE;
    DOCS.slice(first, first + PAGE_SIZE).forEach(function (doc, k) {
      const d = first + k;
      const li = el("li", null, el("span", { class: "path", text: doc.path }), el("span", { class: "counts" }));
      li.doc = d;
      li.addEventListener("click", function () {
        const at = visible.findIndex(function (f) { return f.d === d; });
        if (at >= 0) go(at); else { showDoc(d); notice("no finding in this document matches the filters"); }
      });
      list.append(li);
    });
    $("doc-page").textContent = "page " + (docPage + 1) + " of " + pages;
    markDocList();
  }

  function markDocList() {
    $("doc-list").querySelectorAll("li").forEach(function (li) {
      const doc = DOCS[li.doc];
      const c = counts(doc);
      const spinKey = Object.keys(doc.metrics).find(function (k) { return k.indexOf("spin") === 0; });
      li.lastChild.textContent = c[0] + " of " + doc.findings.length + " shown \u00b7 " + c[1] + " decided" +
        (spinKey ? " \u00b7 " + spinKey.replace(/_/g, " ") + " " + num(doc.metrics[spinKey]) : "");
      li.classList.toggle("current", li.doc === shownDoc);
    });
  }

  function table(head, rows) {
    const t = el("table", null, el("thead", null, el("tr", null, ...head.map(function (h) { return el("th", { text: h }); }))));
    const body = el("tbody");
    rows.forEach(function (r) {
      body.append(el("tr", null, ...r.map(function (c) {
        return el("td", { class: typeof c === "number" ? "n" : "", text: typeof c === "number" ? String(c) : c });
      })));
    });
    t.append(body);
    return t;
  }

  function renderSummary() {
    const byCat = new Map();
    const byRule = new Map();
    FINDINGS.forEach(function (f) {
      const st = decision(f).status;
      [[byCat, f.category], [byRule, f.rule]].forEach(function (pair) {
        const row = pair[0].get(pair[1]) || { n: 0, accepted: 0, rejected: 0, category: f.category };
        row.n++;
        if (st !== "pending") row[st]++;
        pair[0].set(pair[1], row);
      });
    });
    const box = $("summary-body");
    box.textContent = "";
    box.append(table(["category", "findings", "accepted", "rejected"], CATEGORIES.filter(function (c) { return byCat.has(c); })
      .map(function (c) { const r = byCat.get(c); return [c, r.n, r.accepted, r.rejected]; })));
    box.append(table(["rule", "category", "findings", "accepted"], Array.from(byRule.keys()).sort()
      .map(function (k) { const r = byRule.get(k); return [k, r.category, r.n, r.accepted]; })));
    const metricDocs = DOCS.filter(function (d) { return Object.keys(d.metrics).length; });
    if (metricDocs.length) {
      const keys = Array.from(new Set([].concat(...metricDocs.map(function (d) { return Object.keys(d.metrics); })))).sort();
      const sortKey = keys.find(function (k) { return k.indexOf("spin") === 0; }) || keys[0];
      const rows = metricDocs.slice().sort(function (a, b) { return (b.metrics[sortKey] || 0) - (a.metrics[sortKey] || 0); })
        .slice(0, 20).map(function (d) {
          return [d.path].concat(keys.map(function (k) { return d.metrics[k] === undefined ? "" : num(d.metrics[k]); }));
        });
      box.append(table(["document"].concat(keys.map(function (k) { return k.replace(/_/g, " "); })), rows));
    }
  }

  function renderProgress() {
    let a = 0;
    let r = 0;
    FINDINGS.forEach(function (f) {
      const s = state[f.id];
      if (s && s.status === "accepted") a++;
      else if (s && s.status === "rejected") r++;
    });
    $("progress").textContent = a + " accepted \u00b7 " + r + " rejected \u00b7 " + (FINDINGS.length - a - r) +
      " pending of " + FINDINGS.length;
  }

  /* ---------- controls ---------- */

  function setUpFilters() {
    const present = new Set(FINDINGS.map(function (f) { return f.category; }));
    const box = $("filter-categories");
    CATEGORIES.forEach(function (c) {
      const n = FINDINGS.filter(function (f) { return f.category === c; }).length;
      const cb = el("input", { type: "checkbox", value: c });
      cb.checked = true;
      cb.disabled = !present.has(c);
      cb.addEventListener("change", function () {
        if (cb.checked) filters.cats.add(c); else filters.cats.delete(c);
        applyFilters();
      });
      box.append(el("label", { class: "cat-toggle" }, cb, el("span", { class: "badge cat-" + c, text: c + " " + n })));
    });
    const rules = Array.from(new Set(FINDINGS.map(function (f) { return f.rule; }))).sort();
    const sel = $("filter-rule");
    rules.forEach(function (r) { sel.append(el("option", { value: r, text: r })); });
    sel.addEventListener("change", function () { filters.rule = sel.value; applyFilters(); });
    const conf = $("filter-confidence");
    conf.addEventListener("input", function () {
      filters.conf = Number(conf.value);
      $("filter-confidence-value").textContent = filters.conf.toFixed(2);
      applyFilters();
    });
    const status = $("filter-status");
    status.addEventListener("change", function () { filters.status = status.value; applyFilters(); });
  }

  function setUpControls() {
    $("btn-next").addEventListener("click", next);
    $("btn-prev").addEventListener("click", prev);
    $("btn-accept").addEventListener("click", accept);
    $("btn-reject").addEventListener("click", reject);
    $("btn-undo").addEventListener("click", undo);
    $("btn-export-json").addEventListener("click", exportDecisions);
    $("btn-export-diff").addEventListener("click", exportDiff);
    $("btn-clear").addEventListener("click", clearAll);
    $("doc-prev-page").addEventListener("click", function () { if (docPage > 0) { docPage--; renderDocList(); } });
    $("doc-next-page").addEventListener("click", function () {
      if ((docPage + 1) * PAGE_SIZE < DOCS.length) { docPage++; renderDocList(); }
    });
    document.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target;
      const typing = t && (t.tagName === "TEXTAREA" || t.tagName === "SELECT" || (t.tagName === "INPUT" && t.type !== "range" && t.type !== "checkbox" && t.type !== "radio"));
      if (typing) { if (e.key === "Escape") t.blur(); return; }
      const f = visible[cur];
      switch (e.key) {
        case "j": next(); break;
        case "k": prev(); break;
        case "a": accept(); break;
        case "r": reject(); break;
        case "u": undo(); break;
        case "e": { const area = $("hand-edit"); if (area) area.focus(); break; }
        default:
          if (/^[1-9]$/.test(e.key) && f) {
            const i = Number(e.key) - 1;
            if (i < f.options.length) choose(f, i);
            else if (i === f.options.length) choose(f, "edit");
            else return;
            break;
          }
          return;
      }
      e.preventDefault();
    });
  }

  $("meta").textContent = DATA.tool + " \u00b7 root " + DATA.root + " \u00b7 " + DOCS.length + " document" +
    (DOCS.length === 1 ? "" : "s") + " \u00b7 " + FINDINGS.length + " finding" + (FINDINGS.length === 1 ? "" : "s") +
    " \u00b7 report " + DATA.id + " \u00b7 " + DATA.created;
  setUpFilters();
  setUpControls();
  renderSummary();
  visible = FINDINGS.filter(passes);
  renderDocList();
  const firstPending = visible.findIndex(function (f) { return decision(f).status === "pending"; });
  go(firstPending < 0 ? 0 : firstPending);
  window.repairReport = {
    ready: true,
    decisions: decisionsDocument,
    diff: diffDocument,
    unifiedDiff: unifiedDiff,
    current: function () {
      const f = visible[cur];
      return f ? { id: f.id, rule: f.rule, options: f.options.length, status: decision(f).status } : null;
    }
  };
  if (window.performance && performance.mark) performance.mark("repair-ready");
